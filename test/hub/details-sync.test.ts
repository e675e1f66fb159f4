/**
 * A correction of a submission's own fields travels desk → hub → another desk like a status change: versioned,
 * refused when stale, and checked again by the hub against the kind (a desk's own check can be bypassed by
 * anyone holding its key; the hub's cannot).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId } from '../../common/ids.ts';
import type { Desk } from '../../main/api/desk.ts';
import { enqueue } from '../../main/core/domain/outbox.ts';
import { setDetails } from '../../main/core/domain/submission-work.ts';
import { enrolledDesk as enrolledDeskOn } from '../support/enrolled-desk.ts';
import { customer, startTestHub, warranty } from '../support/hub.ts';

const hub = await startTestHub();
const TIMEOUT = { timeout: 60_000 };

async function enrolledDesk(name: string) {
  const { desk, staff } = await enrolledDeskOn(hub, name, [[`op_${name}`, 'operator', ['warranty', 'trade_contact']]]);
  return { desk, operator: staff[`op_${name}`]! };
}

const one = <T>(desk: Desk, sql: string, ...params: unknown[]) => desk.store.db.prepare(sql).get(...params) as T;
const detailsOn = (desk: Desk, id: string) =>
  JSON.parse(one<{ details: string }>(desk, 'SELECT details FROM submissions WHERE id = ?', id).details) as Record<string, unknown>;

test('a serial corrected on one desk reaches the hub and another desk, with its timeline event under the same id', TIMEOUT, async () => {
  const a = await enrolledDesk('A');
  const b = await enrolledDesk('B');
  const posted = await hub.post('/intake/v1/submissions', warranty('w1'));
  assert.equal(posted.status, 201);
  const id = posted.body.id as string;
  await a.desk.sync.syncNow();
  setDetails(a.desk.store.db, 'warranty', id, a.operator.id, 1, { serial: 'RO9-2025-0043' });
  await a.desk.sync.syncNow();

  const onHub = (
    await hub.db.query<{ details: Record<string, unknown>; version: number }>('SELECT details, version FROM submissions WHERE id = $1', [
      id,
    ])
  ).rows[0]!;
  assert.deepEqual(onHub, {
    details: { product: 'Máy lọc nước RO 9 lõi', serial: 'RO9-2025-0043', purchaseDate: '2026-08-01' },
    version: 2,
  });
  await b.desk.sync.syncNow();
  for (const d of [a, b]) {
    assert.equal(detailsOn(d.desk, id).serial, 'RO9-2025-0043');
    const events = d.desk.store.db
      .prepare(`SELECT id, actor_id AS actorId, data FROM submission_events WHERE submission_id = ? AND type = 'details_change'`)
      .all(id) as { id: string; actorId: string; data: string }[];
    assert.equal(events.length, 1, 'the event is held once on each desk');
    assert.equal(events[0]!.actorId, a.operator.id);
    assert.deepEqual(JSON.parse(events[0]!.data), { fields: { serial: { from: 'RO9-2025-0042', to: 'RO9-2025-0043' } } });
  }
});

test(
  'two desks correct the same claim offline: the later push is refused as stale and both desks end with the winner’s value',
  TIMEOUT,
  async () => {
    const a = await enrolledDesk('C');
    const b = await enrolledDesk('D');
    const id = (await hub.post('/intake/v1/submissions', warranty('w2'))).body.id as string;
    await a.desk.sync.syncNow();
    await b.desk.sync.syncNow();
    setDetails(a.desk.store.db, 'warranty', id, a.operator.id, 1, { serial: 'FROM-C' });
    setDetails(b.desk.store.db, 'warranty', id, b.operator.id, 1, { serial: 'FROM-D', purchaseDate: '2026-07-01' });
    await a.desk.sync.syncNow();
    await b.desk.sync.syncNow();
    const rejected = one<{ reason: string }>(b.desk, `SELECT reason FROM outbox WHERE state = 'rejected'`);
    assert.match(rejected.reason, /changed by someone else/);
    for (const d of [a, b])
      assert.deepEqual(detailsOn(d.desk, id), { product: 'Máy lọc nước RO 9 lõi', serial: 'FROM-C', purchaseDate: '2026-08-01' });
  },
);

test('the hub refuses a correction the kind does not allow, even one signed by a desk that skipped its own check', TIMEOUT, async () => {
  const a = await enrolledDesk('E');
  const trade = {
    kind: 'trade_contact',
    customer: customer('t1'),
    subject: 'Hợp tác phân phối',
    body: 'Chúng tôi muốn làm đại lý tại Đà Nẵng.',
    submittedAt: '2026-11-21T10:00:00+07:00',
    trade: 'resale',
    company: 'Công ty TNHH Minh Phát',
  };
  const posted = await hub.post('/intake/v1/submissions', trade);
  assert.equal(posted.status, 201, JSON.stringify(posted.body));
  const id = posted.body.id as string;
  await a.desk.sync.syncNow();
  // A serial on a trade contact: what setDetails refuses, queued straight into the outbox.
  enqueue(a.desk.store.db, {
    mutation: 'submission.details',
    entityType: 'submission',
    entityId: id,
    baseVersion: 1,
    payload: { eventId: newId(), changes: { serial: 'X' } },
    actorId: a.operator.id,
  });
  await a.desk.sync.syncNow();
  const rejected = one<{ reason: string }>(a.desk, `SELECT reason FROM outbox WHERE state = 'rejected'`);
  assert.match(rejected.reason, /^not a correction a trade_contact allows/);
  const onHub = (
    await hub.db.query<{ details: Record<string, unknown>; version: number }>('SELECT details, version FROM submissions WHERE id = $1', [
      id,
    ])
  ).rows[0]!;
  assert.deepEqual(onHub, { details: { trade: 'resale', company: 'Công ty TNHH Minh Phát' }, version: 1 });
  const events = await hub.db.query(`SELECT 1 FROM submission_events WHERE submission_id = $1 AND type = 'details_change'`, [id]);
  assert.equal(events.rows.length, 0);
});
