/**
 * A desk process that runs one sync cycle and reports its progress as it goes, so a test can kill it with
 * SIGKILL in the middle of a push or a pull: `pushed DONE TOTAL` (outbox rows the hub has answered, as
 * committed in the store) and `progress DONE TOTAL` (pulled rows applied). Each line is printed when its
 * numbers change. Usage: desk-sync-child.ts DATA_DIR PAGE_SIZE PUSH_BATCH
 */
import { systemKeychain } from '../../main/core/security/keychain.ts';
import { openStore } from '../../main/core/store/open.ts';
import { SyncClient } from '../../main/core/sync/client.ts';

const [dataDir, pageSize, pushBatch] = process.argv.slice(2);
const keychain = systemKeychain();
const store = await openStore({ dataDir: dataDir!, keychain });
const sync = new SyncClient(store, keychain, { pageSize: Number(pageSize), pushBatch: Number(pushBatch) });
const outbox = store.db.prepare(`SELECT count(*) AS total, count(*) FILTER (WHERE state <> 'pending') AS done FROM outbox`);
let last = { pushed: '', progress: '' };
const report = () => {
  const o = outbox.get() as { total: number; done: number };
  const p = sync.current().progress;
  const now = { pushed: o.total ? `pushed ${o.done} ${o.total}` : '', progress: p ? `progress ${p.done} ${p.total}` : '' };
  if (now.pushed !== last.pushed && now.pushed) console.log(now.pushed);
  if (now.progress !== last.progress && now.progress) console.log(now.progress);
  last = now;
};
const timer = setInterval(report, 2);
await sync.syncNow();
clearInterval(timer);
report();
console.log(`status ${JSON.stringify(sync.current())}`);
sync.stop();
store.close();
