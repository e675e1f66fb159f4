/**
 * The sync client while the hub is away: it says "offline" with the reason, waits twice as long after
 * each failed cycle up to its maximum, and is online again, back on its normal interval, once the hub
 * returns on the same address. Attempts are timed where they land: a listener on the hub's port that
 * cuts every connection while the hub is down, then the hub itself.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { openStore } from '../../main/core/store/open.ts';
import { SyncClient } from '../../main/core/sync/client.ts';
import { enroll } from '../../main/core/sync/enrollment.ts';
import { buildHub } from '../../server/app.ts';
import { migrateHub } from '../../server/db/migrate.ts';
import { createEnrollmentCode } from '../../server/devices/enrollment.ts';
import { keychain, tempDir } from '../support/fixtures.ts';
import { testHubStorage } from '../support/hub.ts';
import { freePort } from '../support/processes.ts';
import { waitFor } from '../support/wait.ts';

const IT = { id: null, name: 'IT (test)', role: 'it_admin' };
const INTERVAL = 250;
const MAX = 2000;
// A cycle's own work (a keychain read over D-Bus, a request) comes on top of each wait: a measured wait
// counts as the expected one when it is at least that and less than half as long again (below the next step).
const fits = (gap: number, expected: number) => gap >= expected - 2 && gap < expected * 1.5;

test('hub down: offline, waits doubling up to the maximum; hub back: online again on the normal interval', async (t) => {
  const storage = await testHubStorage();
  const db = await storage.connect();
  await migrateHub(db);
  const port = await freePort();
  const cycles: number[] = []; // when each cycle's first pull reached the hub
  const startHub = async () => {
    const app = buildHub(db);
    app.addHook('onRequest', async (req) => {
      if (req.url.startsWith('/sync/pull') && req.url.includes('count=true')) cycles.push(Date.now());
    });
    await app.listen({ host: '127.0.0.1', port });
    return app;
  };
  let hub = await startHub();
  storage.beforeDrop(() => hub.close());

  const store = await openStore({ dataDir: tempDir(), keychain });
  await enroll(store, keychain, `http://127.0.0.1:${port}`, (await createEnrollmentCode(db)).code, 'Máy mạng chập chờn', IT);
  const sync = new SyncClient(store, keychain, { intervalMs: INTERVAL, maxBackoffMs: MAX });
  try {
    await sync.syncNow();
    assert.equal(sync.current().hub, 'online', sync.current().lastError ?? '');

    // The hub goes away; its port now cuts every connection, and notes when one comes.
    await hub.close();
    const attempts: number[] = [];
    const cutter = createServer((socket) => {
      attempts.push(Date.now());
      socket.destroy();
    });
    await new Promise<void>((resolve) => cutter.listen(port, '127.0.0.1', resolve));

    sync.start();
    await waitFor('six attempts against the unreachable hub', () => attempts.length >= 6, { withinMs: 30_000 });
    assert.equal(sync.current().hub, 'offline');
    assert.ok(sync.current().lastError, 'the reason is kept for the status bar');
    const gaps = attempts.slice(1, 6).map((t, i) => t - attempts[i]!);
    const expected = [1, 2, 3, 4, 5].map((failures) => Math.min(INTERVAL * 2 ** failures, MAX)); // 500, 1000, 2000, 2000, 2000
    t.diagnostic(`waits while down: ${gaps.join(', ')} ms`);
    gaps.forEach((gap, i) =>
      assert.ok(
        fits(gap, expected[i]!),
        `wait ${i + 1}: ${gap} ms, expected ${expected[i]} ms (and less than half as long again); all: ${gaps.join(', ')}`,
      ),
    );

    // The hub returns on the same address.
    await new Promise<void>((resolve) => cutter.close(() => resolve()));
    hub = await startHub();
    const back = cycles.length;
    await waitFor('the desk to be online again', () => sync.current().hub === 'online', { withinMs: MAX + 10_000 });
    await waitFor('two more cycles', () => cycles.length >= back + 2, { withinMs: 10_000 });
    const gap = cycles[back + 1]! - cycles[back]!;
    t.diagnostic(`wait once back: ${gap} ms`);
    // A successful cycle does more work than a refused one: anything well short of the back-off it was at will do.
    assert.ok(
      gap >= INTERVAL - 2 && gap < MAX / 2,
      `after the hub returned: ${gap} ms between cycles, expected ${INTERVAL} ms, not ${MAX}`,
    );
    assert.equal(sync.current().lastError, null);
  } finally {
    sync.stop();
    store.close();
  }
});
