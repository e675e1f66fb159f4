/** Opens a profile's store and builds the dispatcher every transport shares. */
import type { Keychain } from '../core/security/keychain.ts';
import { DEFAULT_IDLE_LOCK_MS, Sessions } from '../core/security/sessions.ts';
import { openStore, type Store } from '../core/store/open.ts';
import { stmt } from '../core/store/statements.ts';
import { Dispatcher } from './dispatcher.ts';

export interface Desk {
  store: Store;
  dispatcher: Dispatcher;
  close(): void;
}

export const IDLE_LOCK_SETTING = 'session.idle_lock_minutes';

/** The idle-lock time: the store's setting when a director has set one, otherwise the caller's default. */
function idleLockMs(store: Store, fallbackMs: number): number {
  const row = stmt(store.db, 'SELECT value FROM settings WHERE key = ?').get(IDLE_LOCK_SETTING) as { value: string } | undefined;
  const minutes = row ? Number(row.value) : NaN;
  return Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : fallbackMs;
}

export async function openDesk(opts: { dataDir: string; keychain: Keychain; idleLockMs?: number }): Promise<Desk> {
  const store = await openStore(opts);
  const sessions = new Sessions(() => idleLockMs(store, opts.idleLockMs ?? DEFAULT_IDLE_LOCK_MS));
  const dispatcher = new Dispatcher({ store, sessions, hubState: () => 'not_enrolled' });
  return { store, dispatcher, close: () => store.close() };
}
