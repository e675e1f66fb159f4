/**
 * One row the sync protocol refuses never stops a desk's sync. A change made before the text rules (an
 * assignee named with a bidi mark) or on a clock before 2000 becomes its author's conflict with a reason
 * they can read, while the other changes reach the hub and the website's new submissions reach the desk.
 * An audit row the hub refuses leaves the push and the pull running, and the desk online.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appendAudit } from '../../main/core/audit/chain.ts';
import { addNote, assign } from '../../main/core/domain/submission-work.ts';
import { createStaff } from '../../main/core/security/staff.ts';
import { enrolledDesk as enrolledDeskOn } from '../support/enrolled-desk.ts';
import { PASSWORD } from '../support/fixtures.ts';
import { complaint, startTestHub } from '../support/hub.ts';
import { within } from '../support/wait.ts';

const hub = await startTestHub();

async function enrolledDesk(name: string) {
  const { desk, staff } = await enrolledDeskOn(hub, name, [[`op_${name}`, 'operator', ['complaint']]]);
  const sync = () => within('a sync cycle', 30_000, desk.sync.syncNow());
  return { desk, operator: staff[`op_${name}`]!, sync };
}

const notesOnHub = async (submissionId: string) =>
  (
    await hub.db.query<{ body: string }>(`SELECT body FROM submission_events WHERE submission_id = $1 AND type = 'note' ORDER BY body`, [
      submissionId,
    ])
  ).rows.map((r) => r.body);

test(
  'changes the protocol refuses become their author’s conflicts; the rest reach the hub and the pull goes on',
  { timeout: 120_000 },
  async () => {
    const { desk, operator, sync } = await enrolledDesk('A');
    // A director named before display names had to be one line (the first-run screen and `backdesk init` let it through).
    const lan = await createStaff(desk.store.db, { username: 'lan', displayName: 'Lan\u200e', role: 'director', password: PASSWORD });
    const first = (await hub.post('/intake/v1/submissions', complaint('k1'))).body.id as string;
    const second = (await hub.post('/intake/v1/submissions', complaint('k2'))).body.id as string;
    await sync();

    const db = desk.store.db;
    addNote(db, 'complaint', first, operator.id, 'Ghi chú trước');
    assign(db, 'complaint', first, operator.id, 1, lan.id);
    addNote(db, 'complaint', first, operator.id, 'Ghi chú lúc đồng hồ chạy sai', Date.UTC(1999, 11, 31));
    addNote(db, 'complaint', second, operator.id, 'Ghi chú sau');
    const later = (await hub.post('/intake/v1/submissions', complaint('k3'))).body.id as string;
    await sync();

    assert.deepEqual(desk.sync.current(), { ...desk.sync.current(), hub: 'online', lastError: null });
    assert.deepEqual(await notesOnHub(first), ['Ghi chú trước']);
    assert.deepEqual(await notesOnHub(second), ['Ghi chú sau']);
    const onHub = (await hub.db.query('SELECT assignee, version FROM submissions WHERE id = $1', [first])).rows[0];
    assert.deepEqual(onHub, { assignee: null, version: 1 }, 'the refused assignment did not reach the hub');
    assert.ok(db.prepare('SELECT 1 FROM submissions WHERE id = ?').get(later), 'the website’s new submission was pulled');
    assert.equal((db.prepare(`SELECT count(*) AS n FROM outbox WHERE state = 'pending'`).get() as { n: number }).n, 0);

    const call = (m: string, i: unknown = {}) => desk.dispatcher.call('op-A', m, i);
    assert.ok((await call('auth.signIn', { username: 'op_A', password: PASSWORD })).ok);
    const conflicts = await call('sync.conflicts');
    assert.ok(conflicts.ok, JSON.stringify(conflicts));
    const reasons = (conflicts.result as { mutation: string; reason: string }[]).map((c) => [c.mutation, c.reason]).sort();
    assert.deepEqual(reasons, [
      ['submission.assign', 'this change cannot be sent: payload.toName must not contain bidirectional control characters'],
      ['submission.note', 'this change cannot be sent: createdAt must be between 2000-01-01 and now'],
    ]);
  },
);

test(
  'an audit row the hub refuses: the desk’s changes still reach the hub, the pull goes on, the desk stays online',
  { timeout: 120_000 },
  async () => {
    const { desk, operator, sync } = await enrolledDesk('B');
    const s = (await hub.post('/intake/v1/submissions', complaint('k4'))).body.id as string;
    await sync();
    // Longer than the protocol lets an actor's name be: the hub refuses every copy of it, cycle after cycle.
    appendAudit(desk.store.db, { id: null, name: 'x'.repeat(201), role: null }, { action: 'auth.failed' });
    addNote(desk.store.db, 'complaint', s, operator.id, 'Vẫn tới hub');
    const later = (await hub.post('/intake/v1/submissions', complaint('k5'))).body.id as string;
    await sync();

    const status = desk.sync.current();
    assert.equal(status.hub, 'online', status.lastError ?? '');
    assert.match(status.lastError ?? '', /^the audit log could not be copied to the hub: bad audit body$/);
    assert.deepEqual(await notesOnHub(s), ['Vẫn tới hub']);
    assert.ok(desk.store.db.prepare('SELECT 1 FROM submissions WHERE id = ?').get(later), 'the website’s new submission was pulled');
  },
);
