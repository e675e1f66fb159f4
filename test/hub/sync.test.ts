/**
 * Two desks and a hub on loopback: enrollment, pull, push, and the conflict rules. Each desk has its own
 * encrypted store and its own device token in the (real) keychain.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Desk } from '../../main/api/desk.ts';
import { moderateComment } from '../../main/core/domain/comments.ts';
import { addNote, setStatus } from '../../main/core/domain/submission-work.ts';
import { revokeDevice } from '../../server/devices/enrollment.ts';
import { enrolledDesk as enrolledDeskOn } from '../support/enrolled-desk.ts';
import { addStaff, PASSWORD, tempDesk } from '../support/fixtures.ts';
import { complaint, customer, startTestHub } from '../support/hub.ts';

const hub = await startTestHub();

async function enrolledDesk(name: string) {
  const { desk, staff, deviceId } = await enrolledDeskOn(hub, name, [[`op_${name}`, 'operator', ['complaint', 'comment']]]);
  return { desk, operator: staff[`op_${name}`]!, deviceId };
}

const one = <T>(desk: Desk, sql: string, ...params: unknown[]) => desk.store.db.prepare(sql).get(...params) as T;

test('website posts reach both desks; an offline moderation conflict leaves exactly one decision and the loser sees why', async () => {
  const a = await enrolledDesk('A');
  const b = await enrolledDesk('B');
  const posted = await hub.post('/intake/v1/comments', {
    ref: 'cm-1',
    customer: customer('k1'),
    pageUrl: 'https://shop.example.vn/p/1',
    body: 'Giá tốt quá!',
    postedAt: '2026-11-24T09:00:00+07:00',
  });
  assert.equal(posted.status, 201);
  await a.desk.sync.syncNow();
  await b.desk.sync.syncNow();
  const commentId = posted.body.id;
  assert.equal(one<{ status: string }>(a.desk, 'SELECT status FROM comments WHERE id = ?', commentId).status, 'pending');

  // Both offline: A approves, B rejects.
  moderateComment(a.desk.store.db, commentId, { id: a.operator.id, name: a.operator.displayName }, 'approved');
  moderateComment(b.desk.store.db, commentId, { id: b.operator.id, name: b.operator.displayName }, 'rejected');
  await a.desk.sync.syncNow();
  await b.desk.sync.syncNow();
  await a.desk.sync.syncNow();

  const onHub = (
    await hub.db.query<{ status: string; decided_by: string }>('SELECT status, decided_by FROM comments WHERE id = $1', [commentId])
  ).rows[0]!;
  assert.deepEqual(onHub, { status: 'approved', decided_by: 'Nhân viên op_A' });
  for (const d of [a, b])
    assert.equal(one<{ status: string }>(d.desk, 'SELECT status FROM comments WHERE id = ?', commentId).status, 'approved');

  const bCall = (m: string, i: unknown = {}) => b.desk.dispatcher.call('op-B', m, i);
  assert.ok((await bCall('auth.signIn', { username: 'op_B', password: PASSWORD })).ok);
  const status = await bCall('desk.status');
  assert.equal(status.ok && (status.result as { conflicts: number }).conflicts, 1);
  const conflicts = await bCall('sync.conflicts');
  const [conflict] = (conflicts as { result: { id: string; reason: string; current: Record<string, unknown> }[] }).result;
  assert.match(conflict!.reason, /^already approved by Nhân viên op_A at \d\d:\d\d$/);
  assert.equal(conflict!.current.status, 'approved');
  assert.ok((await bCall('sync.dismissConflict', { id: conflict!.id })).ok);
  assert.deepEqual(((await bCall('sync.conflicts')) as { result: unknown[] }).result, []);
});

test('the same decision from two desks is accepted as a no-op; notes from both desks both stand', async () => {
  const a = await enrolledDesk('C');
  const b = await enrolledDesk('D');
  const c = await hub.post('/intake/v1/comments', {
    ref: 'cm-2',
    customer: customer('k2'),
    pageUrl: 'https://shop.example.vn/p/2',
    body: 'Spam link',
    postedAt: '2026-11-24T09:00:00+07:00',
  });
  const s = await hub.post('/intake/v1/submissions', complaint('k2'));
  await a.desk.sync.syncNow();
  await b.desk.sync.syncNow();
  moderateComment(a.desk.store.db, c.body.id, { id: a.operator.id, name: 'Lan' }, 'spam');
  moderateComment(b.desk.store.db, c.body.id, { id: b.operator.id, name: 'Hùng' }, 'spam');
  addNote(a.desk.store.db, 'complaint', s.body.id, a.operator.id, 'Ghi chú từ máy C');
  addNote(b.desk.store.db, 'complaint', s.body.id, b.operator.id, 'Ghi chú từ máy D');
  for (const d of [a, b, a]) await d.desk.sync.syncNow();
  for (const d of [a, b]) {
    assert.equal(one<{ n: number }>(d.desk, `SELECT count(*) AS n FROM outbox WHERE state = 'rejected'`).n, 0);
    const notes = (
      d.desk.store.db
        .prepare(`SELECT body FROM submission_events WHERE submission_id = ? AND type = 'note' ORDER BY body`)
        .all(s.body.id) as { body: string }[]
    ).map((r) => r.body);
    assert.deepEqual(notes, ['Ghi chú từ máy C', 'Ghi chú từ máy D']);
  }
});

test('a status change made on a stale version is rejected with the current state; the winner’s change reaches both', async () => {
  const a = await enrolledDesk('E');
  const b = await enrolledDesk('F');
  const s = await hub.post('/intake/v1/submissions', complaint('k3'));
  await a.desk.sync.syncNow();
  await b.desk.sync.syncNow();
  setStatus(a.desk.store.db, 'complaint', s.body.id, a.operator.id, 1, 'closed');
  setStatus(b.desk.store.db, 'complaint', s.body.id, b.operator.id, 1, 'waiting');
  await a.desk.sync.syncNow();
  await b.desk.sync.syncNow();
  const rejected = one<{ reason: string; current: string }>(b.desk, `SELECT reason, current FROM outbox WHERE state = 'rejected'`);
  assert.match(rejected.reason, /changed by someone else/);
  assert.equal(JSON.parse(rejected.current).status, 'closed');
  for (const d of [a, b]) {
    assert.deepEqual(one(d.desk, 'SELECT status, version FROM submissions WHERE id = ?', s.body.id), { status: 'closed', version: 2 });
    // The refused change is the author's conflict, not a step of the timeline.
    const steps = d.desk.store.db
      .prepare(`SELECT json_extract(data, '$.to') AS "to" FROM submission_events WHERE submission_id = ? AND type = 'status_change'`)
      .all(s.body.id);
    assert.deepEqual(steps, [{ to: 'closed' }]);
  }
});

test('a replayed push is applied at most once', async () => {
  const a = await enrolledDesk('G');
  const s = await hub.post('/intake/v1/submissions', complaint('k4'));
  await a.desk.sync.syncNow();
  addNote(a.desk.store.db, 'complaint', s.body.id, a.operator.id, 'Chỉ một lần');
  await a.desk.sync.syncNow();
  // As if the desk crashed before recording the hub's answer: the same mutations go again.
  a.desk.store.db.prepare(`UPDATE outbox SET state = 'pending'`).run();
  await a.desk.sync.syncNow();
  const { rows } = await hub.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM submission_events WHERE submission_id = $1 AND type = 'note'`,
    [s.body.id],
  );
  assert.equal(rows[0]!.n, 1);
  assert.equal(
    one<{ n: number }>(a.desk, `SELECT count(*) AS n FROM submission_events WHERE submission_id = ? AND type = 'note'`, s.body.id).n,
    1,
  );
});

test('a revoked device gets 401 and the desk says so plainly', async () => {
  const a = await enrolledDesk('H');
  assert.ok(await revokeDevice(hub.db, a.deviceId));
  await a.desk.sync.syncNow();
  const status = a.desk.sync.current();
  assert.equal(status.hub, 'revoked');
  assert.match(status.lastError!, /revoked/);
});

test('a desk refuses plain http to anything but this machine', async () => {
  const desk = await tempDesk();
  await addStaff(desk.store, 'it', 'it_admin');
  const call = (m: string, i: unknown) => desk.dispatcher.call('it', m, i);
  await call('auth.signIn', { username: 'it', password: PASSWORD });
  const refused = await call('sync.enroll', { hubUrl: 'http://hub.example.vn:4790', code: 'ABCD-EFGH-JKLM-NPQR', deviceName: 'Máy X' });
  assert.equal(refused.ok, false);
  assert.match(!refused.ok ? refused.error.message : '', /must be reached over https/);
  const operator = await addStaff(desk.store, 'op', 'operator', ['complaint']);
  const op = await desk.dispatcher.call('op', 'auth.signIn', { username: 'op', password: PASSWORD });
  assert.ok(op.ok && operator);
  const notIt = await desk.dispatcher.call('op', 'sync.enroll', { hubUrl: hub.url, code: 'ABCD-EFGH-JKLM-NPQR', deviceName: 'Máy X' });
  assert.equal(!notIt.ok && notIt.error.code, 'forbidden');
});

test('an enrollment code works once', async () => {
  const code = await hub.enrollmentCode();
  const enroll = () =>
    fetch(`${hub.url}/enroll`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code, deviceName: 'x' }),
    });
  assert.equal((await enroll()).status, 201);
  const again = await enroll();
  assert.equal(again.status, 401);
  assert.equal(((await again.json()) as { error: { field: string } }).error.field, 'code');
});

test('audit rows reach the hub; a desk whose log was rewritten (hashes recomputed) no longer matches, and doctor says so', async () => {
  const { verifyAudit } = await import('../../main/core/audit/chain.ts');
  const { rowHash } = await import('../../common/audit/hash.ts');
  const { compareAuditWithHub } = await import('../../main/core/sync/audit-comparison.ts');
  const { keychain } = await import('../support/fixtures.ts');
  const { execFile } = await import('node:child_process');
  const a = await enrolledDesk('I');
  await a.desk.sync.syncNow();
  const local = one<{ n: number }>(a.desk, 'SELECT count(*) AS n FROM audit_log').n;
  assert.ok(local >= 1);
  const held = (await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_copies WHERE device_id = $1', [a.deviceId]))
    .rows[0]!.n;
  assert.equal(held, local);
  // The IT admin's enrollment was signed by them; only rows no signed-in person made are unsigned.
  const signed = one<{ n: number }>(a.desk, 'SELECT count(signature) AS n FROM audit_log').n;
  assert.ok(signed >= 1, 'the enrollment row is signed');
  assert.deepEqual(await compareAuditWithHub(a.desk.store, keychain), {
    kind: 'matches',
    compared: local,
    signatures: { verified: signed, unsigned: local - signed, invalid: 0, firstInvalidSeq: null },
  });
  await assert.rejects(hub.db.query('DELETE FROM audit_copies WHERE device_id = $1', [a.deviceId]), /append-only/);

  // Someone with the key rewrites row 1 and recomputes every hash after it: the local chain still verifies.
  const db = a.desk.store.db;
  db.exec('DROP TRIGGER audit_log_no_update');
  db.prepare(`UPDATE audit_log SET actor_name = 'không ai cả' WHERE seq = 1`).run();
  let prev = '0'.repeat(64);
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Parameters<typeof rowHash>[1][] & { seq: number }[]) {
    const hash = rowHash(prev, r);
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, (r as unknown as { seq: number }).seq);
    prev = hash;
  }
  assert.equal(verifyAudit(db).intact, true);
  assert.deepEqual(await compareAuditWithHub(a.desk.store, keychain), { kind: 'differs', seq: 1 });
  // Asynchronously: the hub answering the doctor runs in this very process.
  const doctor = await new Promise<{ code: number | null; out: string }>((resolve) =>
    execFile(process.execPath, ['bin/backdesk.mjs', 'doctor', '--data-dir', a.desk.store.dataDir], (e, stdout, stderr) =>
      resolve({ code: e ? ((e as { code?: number }).code ?? null) : 0, out: stdout + stderr }),
    ),
  );
  // The desk's own checks see it too now (the dropped trigger: exit 7; the head no longer matches its anchor), and the hub's copy still says where.
  assert.equal(doctor.code, 7, doctor.out);
  assert.match(doctor.out, /does not match its anchor/);
  assert.match(doctor.out, /differs from the hub's copy at row 1/);
});
