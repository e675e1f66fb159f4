/**
 * Worker thread that applies pulled pages with its own connection to the store, so the long writes of a
 * large pull (FTS index merges, WAL checkpoints) never hold the main thread's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Change } from '../../../common/protocol/sync.ts';
import { connectTo, type ConnectionSpec } from '../store/open.ts';
import { applyChange } from './apply.ts';
import { setSetting } from '../store/settings.ts';

export interface PageMessage {
  id: number;
  changes: Change[];
  cursorKey: string;
  cursor: number;
}

const db = connectTo(workerData as ConnectionSpec);

parentPort!.on('message', (m: PageMessage) => {
  try {
    // The page and the cursor that follows it land in one transaction: a crash repeats a page, never skips one.
    db.transaction(() => {
      for (const c of m.changes) applyChange(db, c);
      setSetting(db, m.cursorKey, String(m.cursor));
    })();
    parentPort!.postMessage({ id: m.id, ok: true });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
