/** Opens a profile's store and builds the dispatcher every transport shares. */
import type { Keychain } from '../core/security/keychain.ts';
import { keyRingOf } from '../core/security/key-ring.ts';
import { DEFAULT_IDLE_LOCK_MS, Sessions } from '../core/security/sessions.ts';
import { maySitHere } from '../core/security/seats.ts';
import { activePerson } from '../core/security/staff.ts';
import { openStore, type Store } from '../core/store/open.ts';
import { getSetting } from '../core/store/settings.ts';
import { SyncClient } from '../core/sync/client.ts';
import { Dispatcher } from './dispatcher.ts';

export interface Desk {
  store: Store;
  dispatcher: Dispatcher;
  sync: SyncClient;
  close(): void;
}

export const IDLE_LOCK_SETTING = 'session.idle_lock_minutes';

/** The idle-lock time: the store's setting when a director has set one, otherwise the caller's default. */
function idleLockMs(store: Store, fallbackMs: number): number {
  const minutes = Number(getSetting(store.db, IDLE_LOCK_SETTING) ?? NaN);
  return Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : fallbackMs;
}

export interface DeskOptions {
  dataDir: string;
  keychain: Keychain;
  idleLockMs?: number;
  /** How often the background sync runs (default 15 s); 0 turns the background loop off. */
  syncIntervalMs?: number;
}

export async function openDesk(opts: DeskOptions): Promise<Desk> {
  const store = await openStore(opts);
  const sessions = new Sessions(
    () => idleLockMs(store, opts.idleLockMs ?? DEFAULT_IDLE_LOCK_MS),
    Date.now,
    // Someone disabled, or taken off this desk's seat list, is signed out at their next call.
    (id) => {
      const person = activePerson(store.db, id);
      return person && maySitHere(store.db, person) ? person : null;
    },
    keyRingOf(store.db),
  );
  // Idle sessions lock, and drop their keys, within a minute of their time even when no call comes.
  const sweeper = setInterval(() => sessions.sweep(), 30_000);
  sweeper.unref();
  const sync = new SyncClient(store, opts.keychain, { intervalMs: opts.syncIntervalMs ?? 15_000 });
  if (opts.syncIntervalMs !== 0) sync.start();
  const dispatcher = new Dispatcher({ store, sessions, keychain: opts.keychain, sync });
  return {
    store,
    dispatcher,
    sync,
    close: () => {
      clearInterval(sweeper);
      sessions.endAll();
      sync.stop();
      store.close();
    },
  };
}
