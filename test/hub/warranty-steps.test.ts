/**
 * A warranty claim worked from received to returned on one desk, offline, then synced: each step reaches the
 * hub and another desk with its outcome, parts and tracking code; a step the way does not allow is refused by
 * the desk's API and, sent past it, by the hub.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId } from '../../common/ids.ts';
import type { Envelope } from '../../main/api/contract.ts';
import type { Desk } from '../../main/api/desk.ts';
import { enqueue } from '../../main/core/domain/outbox.ts';
import { enrolledDesk } from '../support/enrolled-desk.ts';
import { PASSWORD } from '../support/fixtures.ts';
import { startTestHub, warranty } from '../support/hub.ts';

const hub = await startTestHub();
const TIMEOUT = { timeout: 90_000 };

async function signedIn(desk: Desk, username: string) {
  const call = (m: string, i: unknown = {}) => desk.dispatcher.call(`conn-${username}`, m, i);
  assert.ok((await call('auth.signIn', { username, password: PASSWORD })).ok);
  return call;
}
const row = (desk: Desk, id: string) => {
  const r = desk.store.db.prepare('SELECT status, version, details FROM submissions WHERE id = ?').get(id) as {
    status: string;
    version: number;
    details: string;
  };
  return { status: r.status, version: r.version, details: JSON.parse(r.details) as Record<string, unknown> };
};

test('a claim worked offline from received to returned reaches the hub and another desk, step by step', TIMEOUT, async () => {
  const a = await enrolledDesk(hub, 'A', [['baohanh_a', 'operator', ['warranty']]]);
  const b = await enrolledDesk(hub, 'B', [['giamdoc_b', 'director', []]]);
  const id = (await hub.post('/intake/v1/submissions', warranty('w1'))).body.id as string;
  await a.desk.sync.syncNow();
  const call = await signedIn(a.desk, 'baohanh_a');
  const claim = async () => {
    const out = (await call('warrantyClaims.get', { id })) as Envelope<{ version: number; warranty: { stage: string; next: string[] } }>;
    assert.ok(out.ok, JSON.stringify(out));
    return out.result;
  };
  const advance = async (step: Record<string, unknown>) =>
    (await call('warrantyClaims.advance', { id, version: (await claim()).version, step })) as Envelope;

  // Not a step from "received"; and a rejection without its reason, a readiness without its outcome.
  for (const step of [{ to: 'repairing' }, { to: 'returned' }]) {
    const out = await advance(step);
    assert.ok(!out.ok && out.error.code === 'invalid_input' && /cannot go from received/.test(out.error.message), JSON.stringify(out));
  }
  assert.equal((await advance({ to: 'rejected' })).ok, false);
  for (const step of [
    { to: 'inspecting' },
    { to: 'waiting_parts' },
    { to: 'repairing', parts: ['Bo mạch điều khiển RO-PCB-9'] },
    { to: 'ready_to_return', outcome: 'repair' },
    { to: 'returned', tracking: 'GHN-8812734' },
  ]) {
    assert.ok((await advance(step)).ok, JSON.stringify(step));
  }
  assert.deepEqual((await claim()).warranty.next, []);
  assert.equal((await advance({ to: 'inspecting' })).ok, false, 'a returned claim takes no more steps');

  await a.desk.sync.syncNow();
  await b.desk.sync.syncNow();
  const expected = {
    status: 'closed',
    version: 6,
    details: {
      product: 'Máy lọc nước RO 9 lõi',
      serial: 'RO9-2025-0042',
      purchaseDate: '2026-08-01',
      stage: 'returned',
      parts: ['Bo mạch điều khiển RO-PCB-9'],
      outcome: 'repair',
      tracking: 'GHN-8812734',
    },
  };
  for (const d of [a, b]) assert.deepEqual(row(d.desk, id), expected);
  const onHub = await hub.db.query<{ status: string; details: Record<string, unknown> }>(
    'SELECT status, details FROM submissions WHERE id = $1',
    [id],
  );
  assert.deepEqual(onHub.rows[0], { status: expected.status, details: expected.details });
  const steps = b.desk.store.db
    .prepare(
      `SELECT json_extract(data, '$.from') AS "from", json_extract(data, '$.to') AS "to" FROM submission_events WHERE submission_id = ? AND type = 'warranty_step' ORDER BY created_at`,
    )
    .all(id);
  assert.deepEqual(steps, [
    { from: 'received', to: 'inspecting' },
    { from: 'inspecting', to: 'waiting_parts' },
    { from: 'waiting_parts', to: 'repairing' },
    { from: 'repairing', to: 'ready_to_return' },
    { from: 'ready_to_return', to: 'returned' },
  ]);
});

test(
  'a rejection carries its reason to every desk; the hub refuses a step the way does not allow, however it was sent',
  TIMEOUT,
  async () => {
    const a = await enrolledDesk(hub, 'C', [
      ['baohanh_c', 'operator', ['warranty']],
      ['khieunai_c', 'operator', ['complaint']],
    ]);
    const rejectedId = (await hub.post('/intake/v1/submissions', warranty('w2'))).body.id as string;
    const skippedId = (await hub.post('/intake/v1/submissions', warranty('w3'))).body.id as string;
    await a.desk.sync.syncNow();
    const call = await signedIn(a.desk, 'baohanh_c');
    const reason = 'Máy bị vào nước, không thuộc phạm vi bảo hành.';
    assert.ok((await call('warrantyClaims.advance', { id: rejectedId, version: 1, step: { to: 'rejected', reason } })).ok);
    // Changes queued past the desk's own checks, on the version the claim had: each is the hub's to refuse.
    const pastTheDesk = (mutation: 'warranty.step' | 'submission.status' | 'submission.assign', payload: Record<string, unknown>) =>
      enqueue(a.desk.store.db, {
        mutation,
        entityType: 'submission',
        entityId: skippedId,
        baseVersion: 1,
        payload: { eventId: newId(), ...payload },
        actorId: a.staff.baohanh_c!.id,
      });
    pastTheDesk('warranty.step', { step: { to: 'returned' } }); // straight to "returned"
    pastTheDesk('submission.status', { to: 'closed' }); // closed by hand
    pastTheDesk('submission.assign', { to: a.staff.khieunai_c!.id, toName: 'Khiếu nại C' }); // to someone who does not work claims
    await a.desk.sync.syncNow();
    const reasons = a.desk.store.db.prepare(`SELECT reason FROM outbox WHERE state = 'rejected' ORDER BY rowid`).all() as {
      reason: string;
    }[];
    assert.deepEqual(reasons, [
      { reason: 'a claim cannot go from received to returned' },
      { reason: 'a claim is closed by its steps (returned or rejected); this one is received' },
      { reason: 'Khiếu nại C does not work the warranty inbox' },
    ]);
    const hubRows = await hub.db.query<{ id: string; status: string; details: Record<string, unknown> }>(
      'SELECT id, status, details FROM submissions WHERE id = ANY($1)',
      [[rejectedId, skippedId]],
    );
    const byId = Object.fromEntries(hubRows.rows.map((r) => [r.id, r]));
    assert.equal(byId[rejectedId]!.status, 'closed');
    assert.equal(byId[rejectedId]!.details.rejectReason, reason);
    assert.equal(byId[rejectedId]!.details.outcome, 'reject');
    assert.equal(byId[skippedId]!.details.stage, undefined);
  },
);
