/**
 * Worker thread that applies pulled pages with its own connection to the store, so the long writes of a
 * large pull (FTS index merges, WAL checkpoints) never hold the main thread's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Change } from '../../../common/protocol/sync.ts';
import type { Scope } from '../../../common/roles.ts';
import { connectTo, type ConnectionSpec } from '../store/open.ts';
import { applyChange } from './apply.ts';
import { indexQueued } from '../store/search-index.ts';
import { purge } from './purge.ts';
import { setSetting } from '../store/settings.ts';

export interface PageMessage {
  id: number;
  changes: Change[];
  /** What the desk may no longer hold, purged before the page's rows are applied. */
  purge: Scope[];
  /** Where the desk stands after this page (pull-state.ts): its cursor and what it holds. */
  settings: Record<string, string>;
}

const db = connectTo(workerData as ConnectionSpec);

parentPort!.on('message', (m: PageMessage) => {
  try {
    // The purge, the page and the cursor and scope that follow it land in one transaction: a crash repeats a
    // page, never skips one, and the desk never holds rows its stored scope says it does not.
    db.transaction(() => {
      purge(db, m.purge);
      for (const c of m.changes) applyChange(db, c);
      indexQueued(db);
      for (const [key, value] of Object.entries(m.settings)) setSetting(db, key, value);
    })();
    parentPort!.postMessage({ id: m.id, ok: true });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
