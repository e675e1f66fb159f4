/**
 * A first pull asks for the next page while the desk applies the last, and the desk applies the pages waiting
 * for it together (sync/page-worker.ts). A page the desk cannot apply stops its pull there: no page after it
 * lands, the cursor stays before it, and the next pull, once the cause is gone, brings every row exactly once.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SyncClient } from '../../main/core/sync/client.ts';
import { getSetting } from '../../main/core/store/settings.ts';
import { enrolledDesk } from '../support/enrolled-desk.ts';
import { keychain } from '../support/fixtures.ts';
import { complaint, startTestHub } from '../support/hub.ts';
import { within } from '../support/wait.ts';

const hub = await startTestHub();

test(
  'a page the desk cannot apply stops the pull at that page; once it can, the next pull brings every row once',
  { timeout: 120_000 },
  async () => {
    const { desk } = await enrolledDesk(hub, 'P', [['op_p', 'operator', ['complaint']]]);
    const posted: string[] = [];
    for (let i = 0; i < 12; i++) {
      const subject = i === 7 ? 'Không áp dụng được' : `Khiếu nại ${i}`;
      posted.push((await hub.post('/intake/v1/submissions', complaint(`pp-${i}`, { subject }))).body.id as string);
    }
    const db = desk.store.db;
    // As a full disk or a damaged page would: the desk refuses to write this one row.
    db.exec(`CREATE TRIGGER refuse_one BEFORE INSERT ON submissions WHEN NEW.subject = 'Không áp dụng được'
           BEGIN SELECT RAISE(ABORT, 'cannot write this row'); END`);
    const cursorBefore = Number(getSetting(db, 'sync.cursor'));
    // Pages of two rows (a submission and its created event each): the refused row is in the eighth.
    const sync = new SyncClient(desk.store, keychain, { pageSize: 2 });
    try {
      await within('a pull that fails', 30_000, sync.syncNow());
      assert.match(sync.current().lastError ?? '', /cannot write this row/);
      const held = posted.filter((id) => db.prepare('SELECT 1 FROM submissions WHERE id = ?').get(id));
      assert.deepEqual(held, posted.slice(0, held.length), 'only pages before the refused one are applied, in feed order');
      assert.ok(held.length <= 7, `nothing from the refused page on (${held.length} of 12 held)`);
      const cursor = Number(getSetting(db, 'sync.cursor'));
      assert.ok(cursor >= cursorBefore);
      const refusedSeq = (await hub.db.query<{ seq: string }>('SELECT seq FROM submissions WHERE id = $1', [posted[7]])).rows[0]!.seq;
      assert.ok(cursor < Number(refusedSeq), 'the stored cursor is before the refused row');

      db.exec('DROP TRIGGER refuse_one');
      await within('the next pull', 30_000, sync.syncNow());
      assert.equal(sync.current().lastError, null);
      const counts = posted.map((id) => (db.prepare('SELECT count(*) AS n FROM submissions WHERE id = ?').get(id) as { n: number }).n);
      assert.deepEqual(
        counts,
        posted.map(() => 1),
        'every row once',
      );
      const events = db
        .prepare(`SELECT count(*) AS n FROM submission_events WHERE type = 'created' AND submission_id IN (SELECT value FROM json_each(?))`)
        .get(JSON.stringify(posted)) as { n: number };
      assert.equal(events.n, 12);
    } finally {
      sync.stop();
    }
  },
);
