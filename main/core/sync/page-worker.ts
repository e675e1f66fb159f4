/**
 * Worker thread that applies pulled pages with its own connection to the store, so the long writes of a
 * large pull (FTS index merges, WAL checkpoints) never hold the main thread's event loop.
 *
 * Pages that arrive while it is busy are applied together, in order, in one transaction: each commit
 * writes every index page the rows touched, so a first pull of 1,000 pages at one commit per page spent
 * most of its time committing. A crash still repeats pages and never skips one: the cursor stored is the
 * last applied page's. Once a page fails, every later page of the same pull is refused unapplied, so none
 * lands past the gap; the next pull starts again from the stored cursor.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Change } from '../../../common/protocol/sync.ts';
import type { Scope } from '../../../common/roles.ts';
import { connectTo, type ConnectionSpec } from '../store/open.ts';
import { indexQueued } from '../store/search-index.ts';
import { setSetting } from '../store/settings.ts';
import { settleClocks } from '../domain/sla.ts';
import { applyChange } from './apply.ts';
import { purge } from './purge.ts';
import { checkpointAfterErasure } from '../domain/erasure.ts';

export interface PageMessage {
  id: number;
  /** Which pull the page belongs to: a failure refuses the rest of its pull only. */
  pull: number;
  changes: Change[];
  /** What the desk may no longer hold, purged before the page's rows are applied. */
  purge: Scope[];
  /** Where the desk stands after this page (pull-state.ts): its cursor and what it holds. */
  settings: Record<string, string>;
}

const db = connectTo(workerData as ConnectionSpec);
const waiting: PageMessage[] = [];
let failedPull: { pull: number; error: string } | null = null;

parentPort!.on('message', (m: PageMessage) => {
  waiting.push(m);
  // Applied once the messages already here have all arrived, so they share a transaction.
  if (waiting.length === 1) setImmediate(applyWaiting);
});

function applyWaiting(): void {
  const refused = failedPull;
  const pages = waiting.splice(0).filter((m) => {
    if (m.pull !== refused?.pull) return true;
    parentPort!.postMessage({ id: m.id, ok: false, error: `not applied after an earlier page failed: ${refused.error}` });
    return false;
  });
  if (pages.length === 0) return;
  try {
    // Each page's purge, its rows and the cursor and scope that follow it, in order, in one transaction: the
    // desk never holds rows its stored scope says it does not.
    db.transaction(() => {
      for (const m of pages) {
        purge(db, m.purge);
        for (const c of m.changes) applyChange(db, c);
        for (const [key, value] of Object.entries(m.settings)) setSetting(db, key, value);
      }
      indexQueued(db);
      settleClocks(db);
    })();
    checkpointAfterErasure(db);
    for (const m of pages) parentPort!.postMessage({ id: m.id, ok: true });
  } catch (e) {
    failedPull = { pull: pages[0]!.pull, error: e instanceof Error ? e.message : String(e) };
    for (const m of pages) parentPort!.postMessage({ id: m.id, ok: false, error: failedPull.error });
  }
}
