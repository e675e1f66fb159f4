/**
 * Where the desk is in the hub's feed and what it holds of it: its cursor, the scopes (common/roles.ts) it
 * holds every row of up to that cursor, and a backfill under way (the rows before the cursor of scopes its
 * people were given since). Kept in settings and stored with each page, in the page's transaction
 * (page-worker.ts), so what the desk holds and where it stands never part. docs/sync-protocol.md, "Pull".
 */
import { z } from 'zod';
import type { PullResponse } from '../../../common/protocol/sync.ts';
import { SCOPES, type Scope } from '../../../common/roles.ts';
import type { Db } from '../store/open.ts';
import { getSetting, setSetting } from '../store/settings.ts';
import { BACKFILL_KEY, CURSOR_KEY, SCOPE_KEY } from './hub-link.ts';

export interface PullState {
  cursor: number;
  held: Scope[];
  /** The scopes being backfilled, and how far: rows after `cursor` up to the feed's cursor are still to come. */
  backfill: { scopes: Scope[]; cursor: number } | null;
}

const Scopes = z.array(z.enum(SCOPES));
const Backfill = z.object({ scopes: Scopes, cursor: z.number().int().nonnegative() }).nullable();

export function readPullState(db: Db): PullState {
  const held = getSetting(db, SCOPE_KEY);
  const backfill = getSetting(db, BACKFILL_KEY);
  return {
    cursor: Number(getSetting(db, CURSOR_KEY) ?? '0'),
    // None stored: the desk pulled before scopes existed, and was sent every row. The hub's next answer
    // purges what it may not hold.
    held: held ? Scopes.parse(JSON.parse(held)) : [...SCOPES],
    backfill: backfill ? Backfill.parse(JSON.parse(backfill)) : null,
  };
}

/** The settings a page is stored with. */
export const pullSettings = (s: PullState): Record<string, string> => ({
  [CURSOR_KEY]: String(s.cursor),
  [SCOPE_KEY]: JSON.stringify(s.held),
  [BACKFILL_KEY]: JSON.stringify(s.backfill),
});

/**
 * The feed from its start, as after an enrollment. At cursor 0 the desk holds every scope up to its cursor,
 * so the hub's first answer purges whatever of the desk's own rows its people may not see.
 */
export function restartPull(db: Db): void {
  for (const [key, value] of Object.entries(pullSettings({ cursor: 0, held: [...SCOPES], backfill: null }))) setSetting(db, key, value);
}

/** The request for the next page: of the feed after the cursor, or of the backfill under way. */
export function pullPath(s: PullState, limit: number, count: boolean): string {
  const q = new URLSearchParams({ cursor: String(s.cursor), limit: String(limit), count: String(count), scope: s.held.join(',') });
  if (s.backfill) {
    q.set('backfill', s.backfill.scopes.join(','));
    q.set('backfillCursor', String(s.backfill.cursor));
  }
  return `/sync/pull?${q}`;
}

/**
 * Where the desk stands once a page is applied. What the hub said to purge is no longer held. A backfill page
 * moves the backfill's cursor, and its last page makes its scopes held. Otherwise the page moves the cursor,
 * and a scope the desk's people may now see that the desk does not hold starts a backfill of the rows up to
 * that cursor (at cursor 0 there are none: it is simply held).
 */
export function afterPage(s: PullState, page: Pick<PullResponse, 'cursor' | 'more' | 'scope' | 'purge'>): PullState {
  const kept = (scopes: Scope[]) => scopes.filter((x) => !page.purge.includes(x));
  const union = (a: Scope[], b: Scope[]) => SCOPES.filter((x) => a.includes(x) || b.includes(x));
  if (s.backfill) {
    const scopes = kept(s.backfill.scopes);
    if (page.more) return { cursor: s.cursor, held: kept(s.held), backfill: { scopes, cursor: page.cursor } };
    return withAdded({ cursor: s.cursor, held: union(kept(s.held), scopes), backfill: null }, page.scope);
  }
  return withAdded({ cursor: page.cursor, held: kept(s.held), backfill: null }, page.scope);

  function withAdded(next: PullState, scope: Scope[]): PullState {
    const added = scope.filter((x) => !next.held.includes(x));
    if (added.length === 0) return next;
    return next.cursor === 0 ? { ...next, held: union(next.held, added) } : { ...next, backfill: { scopes: added, cursor: 0 } };
  }
}
