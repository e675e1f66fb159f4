/**
 * Saved views across the loop: a person's view saved on one desk is in their list on another desk where they sign
 * in, changed there, deleted on the first and gone from both; views made offline on two desks under one name are
 * both kept (the later numbered by the hub); a desk holds only the views of the people on its seat list, gets a
 * person's views when they are seated and lets them go when they are taken off; the hub refuses a view changed by
 * someone other than its person, or saved of an inbox they do not hold.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Desk } from '../../main/api/desk.ts';
import { newId } from '../../common/ids.ts';
import { enqueue } from '../../main/core/domain/outbox.ts';
import { seat, seatedDesk, type EnrolledDesk } from '../support/enrolled-desk.ts';
import { result, signedIn } from '../support/api-calls.ts';
import { startTestHub } from '../support/hub.ts';

const hub = await startTestHub();
const TIMEOUT = { timeout: 90_000 };

type Call = Awaited<ReturnType<typeof signedIn>>;
interface View {
  id: string;
  name: string;
  kind: string;
  filters: Record<string, unknown>;
}
const views = async (call: Call) => result<View[]>(await call('views.list'));
const names = async (call: Call) => (await views(call)).map((v) => v.name);
const save = async (call: Call, view: { id?: string; name: string; kind?: string; filters?: Record<string, unknown> }) =>
  result<{ id: string }>(await call('views.save', { kind: 'complaint', filters: { sort: 'due' }, ...view })).id;
const rejected = (desk: Desk) =>
  desk.store.db.prepare(`SELECT mutation, reason FROM outbox WHERE state = 'rejected' ORDER BY created_at, rowid`).all() as {
    mutation: string;
    reason: string;
  }[];
const syncAll = async (...desks: EnrolledDesk[]) => {
  for (const d of desks) {
    await d.desk.sync.syncNow();
    assert.equal(d.desk.sync.current().hub, 'online', d.desk.sync.current().lastError ?? '');
  }
};
const heldBy = (d: EnrolledDesk) =>
  (d.desk.store.db.prepare('SELECT DISTINCT person_id AS id FROM saved_views ORDER BY 1').all() as { id: string }[]).map((r) => r.id);

test(
  'a view saved on one desk is listed on the next where its person signs in, changed there, deleted and gone from both',
  TIMEOUT,
  async () => {
    const a = await seatedDesk(hub, 'A', [
      ['lan', 'operator', ['complaint', 'warranty']],
      ['minh', 'operator', ['complaint']],
    ]);
    const b = await seatedDesk(hub, 'B', [['lan', 'operator', ['complaint', 'warranty']]]);
    const lanA = await signedIn(a.desk, 'lan');
    const minhA = await signedIn(a.desk, 'minh');
    const urgent = await save(lanA, { name: 'Gấp', filters: { status: 'open', sort: 'due' } });
    await save(minhA, { name: 'Của Minh' });
    // Made and deleted before any sync: the hub learns both, and no desk ever lists it.
    const brief = await save(lanA, { name: 'Tạm', kind: 'warranty' });
    result(await lanA('views.delete', { id: brief }));
    await syncAll(a, b);

    const lanB = await signedIn(b.desk, 'lan');
    assert.deepEqual(await views(lanB), [
      { id: urgent, name: 'Gấp', kind: 'complaint', filters: { status: 'open', sort: 'due' }, count: { n: 0, exact: true } },
    ]);
    // Minh may not sign in on B: his view is not there.
    assert.deepEqual(heldBy(b), [a.staff.lan!.id]);
    const onHub = await hub.db.query('SELECT name, deleted FROM saved_views ORDER BY name');
    assert.deepEqual(onHub.rows, [
      { name: 'Của Minh', deleted: false },
      { name: 'Gấp', deleted: false },
      { name: 'Tạm', deleted: true },
    ]);

    // Changed on B, the change is on A at its next sync.
    await save(lanB, { id: urgent, name: 'Gấp lắm', filters: { status: 'waiting', sort: 'oldest' } });
    await syncAll(b, a);
    assert.deepEqual(
      (await views(lanA)).map((v) => [v.name, v.filters]),
      [['Gấp lắm', { status: 'waiting', sort: 'oldest' }]],
    );

    // Deleted on A, it leaves B.
    result(await lanA('views.delete', { id: urgent }));
    await syncAll(a, b);
    assert.deepEqual(await names(lanB), []);
    assert.deepEqual(await names(minhA), ['Của Minh']);
    assert.deepEqual([...rejected(a.desk), ...rejected(b.desk)], []);
  },
);

test(
  'views made offline on two desks under one name are both kept, the later to reach the hub numbered, on both desks',
  TIMEOUT,
  async () => {
    const a = await seatedDesk(hub, 'C', [['hoa', 'operator', ['question']]]);
    const b = await seatedDesk(hub, 'D', [['hoa', 'operator', ['question']]]);
    const hoaA = await signedIn(a.desk, 'hoa');
    const hoaB = await signedIn(b.desk, 'hoa');
    const first = await save(hoaA, { name: 'Hôm nay', kind: 'question' });
    const second = await save(hoaB, { name: 'hom nay', kind: 'question', filters: { status: 'open', sort: 'newest' } });
    await syncAll(a, b, a);
    for (const call of [hoaA, hoaB]) {
      assert.deepEqual(
        (await views(call)).map((v) => [v.id, v.name]),
        [
          [first, 'Hôm nay'],
          [second, 'hom nay (2)'],
        ],
      );
    }
    // The numbered name is the person's like any other: saving another view under it is refused on the desk.
    const clash = await hoaA('views.save', { name: 'Hom Nay (2)', kind: 'question', filters: { sort: 'newest' } });
    assert.equal(clash.ok, false);
    assert.deepEqual([...rejected(a.desk), ...rejected(b.desk)], []);
  },
);

test('a desk holds the views of its seated people only: seated, a person’s views arrive; taken off, they leave', TIMEOUT, async () => {
  const home = await seatedDesk(hub, 'E', [['thu', 'operator', ['feedback']]]);
  const thu = await signedIn(home.desk, 'thu');
  await save(thu, { name: 'Đánh giá thấp', kind: 'feedback', filters: { sort: 'newest' } });
  await syncAll(home);

  const other = await seatedDesk(
    hub,
    'F',
    [
      ['thu', 'operator', ['feedback']],
      ['tuongvy', 'operator', ['feedback']],
    ],
    ['tuongvy'],
  );
  assert.deepEqual(heldBy(other), []);
  await seat(other, ['tuongvy', 'thu']);
  assert.deepEqual(heldBy(other), [home.staff.thu!.id]);
  assert.deepEqual(await names(await signedIn(other.desk, 'thu')), ['Đánh giá thấp']);
  await seat(other, ['tuongvy']);
  assert.deepEqual(heldBy(other), []);
});

test('the hub refuses a view changed by someone other than its person, and one saved of an inbox not held', TIMEOUT, async () => {
  const d = await seatedDesk(hub, 'G', [
    ['anhtu', 'operator', ['complaint']],
    ['binh', 'operator', ['complaint']],
  ]);
  const an = await signedIn(d.desk, 'anhtu');
  const id = await save(an, { name: 'Của An' });
  await syncAll(d);
  const view = { name: 'Đổi', kind: 'complaint', filters: { sort: 'newest' }, deleted: false };
  // Queued past the desk's own checks (its API lets each person change only their own views of inboxes they hold).
  const binh = d.staff.binh!.id;
  enqueue(d.desk.store.db, { mutation: 'view.save', entityType: 'saved_view', entityId: id, payload: view, actorId: binh });
  enqueue(d.desk.store.db, {
    mutation: 'view.save',
    entityType: 'saved_view',
    entityId: newId(),
    payload: { ...view, kind: 'warranty' },
    actorId: binh,
  });
  await syncAll(d);
  assert.deepEqual(
    rejected(d.desk).map((r) => r.reason),
    [
      'a saved view is changed only by the person whose it is',
      `${d.staff.binh!.displayName} did not hold the warranty inbox when this change was made`,
    ],
  );
  assert.deepEqual(await names(an), ['Của An']);
  const onHub = await hub.db.query('SELECT name FROM saved_views WHERE person_id = $1', [d.staff.anhtu!.id]);
  assert.deepEqual(onHub.rows, [{ name: 'Của An' }]);
});
