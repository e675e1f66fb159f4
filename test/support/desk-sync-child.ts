/**
 * A desk process that runs one sync cycle and reports its pull progress as it goes, so a test can kill it
 * with SIGKILL in the middle of a push or a pull. Usage: desk-sync-child.ts DATA_DIR PAGE_SIZE PUSH_BATCH
 */
import { systemKeychain } from '../../main/core/security/keychain.ts';
import { openStore } from '../../main/core/store/open.ts';
import { SyncClient } from '../../main/core/sync/client.ts';

const [dataDir, pageSize, pushBatch] = process.argv.slice(2);
const keychain = systemKeychain();
const store = await openStore({ dataDir: dataDir!, keychain });
const sync = new SyncClient(store, keychain, { pageSize: Number(pageSize), pushBatch: Number(pushBatch) });
const timer = setInterval(() => {
  const p = sync.current().progress;
  if (p) console.log(`progress ${p.done} ${p.total}`);
}, 2);
await sync.syncNow();
clearInterval(timer);
console.log(`status ${JSON.stringify(sync.current())}`);
sync.stop();
store.close();
