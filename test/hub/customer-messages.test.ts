/**
 * The customer writes again, through the website: the message reaches every desk on the submission's timeline,
 * and a complaint waiting on the customer is open again, its service clock running on from what was left; a
 * closed one reopens, a finished warranty claim stays closed. Only the submission's own customer may write
 * on it, and a retried post writes once.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId } from '../../common/ids.ts';
import type { Desk } from '../../main/api/desk.ts';
import { result, signedIn } from '../support/api-calls.ts';
import { enrolledDesk } from '../support/enrolled-desk.ts';
import { complaint, startTestHub, warranty } from '../support/hub.ts';

const hub = await startTestHub();
const TIMEOUT = { timeout: 90_000 };
const message = (submissionId: string, customerRef: string, body: string) => ({
  submissionId,
  customerRef,
  body,
  sentAt: new Date().toISOString(),
});
const state = (desk: Desk, id: string) =>
  desk.store.db.prepare('SELECT status, clock_since IS NOT NULL AS running FROM submissions WHERE id = ?').get(id) as {
    status: string;
    running: number;
  };
const timeline = (desk: Desk, id: string) =>
  desk.store.db
    .prepare(`SELECT type, body, actor_id AS actor, data FROM submission_events WHERE submission_id = ? ORDER BY created_at, id`)
    .all(id) as { type: string; body: string | null; actor: string | null; data: string }[];

test('a complaint waiting on the customer is open again when they write, on every desk, its clock running on', TIMEOUT, async () => {
  const a = await enrolledDesk(hub, 'A', [['lan', 'operator', ['complaint']]]);
  const b = await enrolledDesk(hub, 'B', [['minh', 'operator', ['complaint']]]);
  const id = (await hub.post('/intake/v1/submissions', complaint('m1'))).body.id as string;
  await a.desk.sync.syncNow();
  const lan = await signedIn(a.desk, 'lan');
  result(await lan('complaints.queueReply', { id, body: 'Anh/chị vui lòng gửi giúp mã vận đơn để bên em kiểm tra.' }));
  result(await lan('complaints.setStatus', { id, version: 1, status: 'waiting' }));
  await a.desk.sync.syncNow();
  assert.deepEqual(state(a.desk, id), { status: 'waiting', running: 0 }, 'paused while waiting on the customer');

  const body = 'Mã vận đơn của tôi là GHN-5512873, nhờ bên mình kiểm tra giúp.';
  const key = `msg-${newId()}`;
  const posted = await hub.post('/intake/v1/messages', message(id, 'm1', body), { idempotencyKey: key });
  assert.equal(posted.status, 201, JSON.stringify(posted.body));
  assert.equal((await hub.post('/intake/v1/messages', message(id, 'm1', body), { idempotencyKey: key })).status, 201, 'a retry');
  // Another customer cannot write on it, nor can anyone on an id that is not theirs.
  assert.equal((await hub.post('/intake/v1/messages', message(id, 'someone-else', 'Xin chào'))).status, 404);
  assert.equal((await hub.post('/intake/v1/messages', message(newId(), 'm1', 'Xin chào'))).status, 404);

  for (const d of [a, b]) {
    await d.desk.sync.syncNow();
    assert.deepEqual(state(d.desk, id), { status: 'open', running: 1 }, 'open again, the clock running');
    const events = timeline(d.desk, id);
    assert.deepEqual(
      events.filter((e) => e.type === 'customer_message').map((e) => [e.body, e.actor]),
      [[body, null]],
      'once, by the customer',
    );
    assert.deepEqual(JSON.parse(events.filter((e) => e.type === 'status_change').at(-1)!.data), {
      from: 'waiting',
      to: 'open',
      byCustomer: true,
    });
  }
  const detail = result<{ clock: { leftMs: number | null; pausedLeftMs: number | null } }>(await lan('complaints.get', { id }));
  assert.equal(detail.clock.pausedLeftMs, null);
  assert.notEqual(detail.clock.leftMs, null);

  // Closed, then the customer writes again: open again.
  const version = result<{ version: number }>(await lan('complaints.get', { id })).version;
  result(await lan('complaints.setStatus', { id, version, status: 'closed' }));
  await a.desk.sync.syncNow();
  assert.equal((await hub.post('/intake/v1/messages', message(id, 'm1', 'Tôi vẫn chưa nhận được hàng.'))).status, 201);
  await a.desk.sync.syncNow();
  assert.equal(state(a.desk, id).status, 'open');
});

test('a finished warranty claim stays closed when its customer writes again; the message is on its timeline', TIMEOUT, async () => {
  const a = await enrolledDesk(hub, 'C', [['baohanh', 'operator', ['warranty']]]);
  const id = (await hub.post('/intake/v1/submissions', warranty('m2'))).body.id as string;
  await a.desk.sync.syncNow();
  const op = await signedIn(a.desk, 'baohanh');
  result(await op('warrantyClaims.advance', { id, version: 1, step: { to: 'rejected', reason: 'Máy bị vào nước.' } }));
  await a.desk.sync.syncNow();
  assert.equal((await hub.post('/intake/v1/messages', message(id, 'm2', 'Tôi không đồng ý, máy không hề vào nước.'))).status, 201);
  await a.desk.sync.syncNow();
  assert.equal(state(a.desk, id).status, 'closed');
  assert.deepEqual(
    timeline(a.desk, id)
      .filter((e) => e.type === 'customer_message')
      .map((e) => e.body),
    ['Tôi không đồng ý, máy không hề vào nước.'],
  );
});
