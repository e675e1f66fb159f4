/**
 * Bulk actions through the API: one change to a selection, each submission changed as if alone and refused
 * alone where a rule says no (changed since the list was read, a claim closed only by its steps, an assignee
 * who does not work the inbox), with the reason; the rest go through, each on its timeline and in the outbox,
 * and the selection is one audit row.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertSubmission } from '../../main/core/domain/submissions.ts';
import { errorCode, result, signedIn } from '../support/api-calls.ts';
import { addComplaint, addStaff, tempDesk } from '../support/fixtures.ts';

const TIMEOUT = { timeout: 60_000 };
type Results = { results: ({ id: string; ok: true } | { id: string; ok: false; code: string; message: string })[] };
interface Row {
  id: string;
  version: number;
  status: string;
  assigneeId: string | null;
  tagIds: string[];
}

test(
  'a bulk assign and status change go through item by item: a stale one and a foreign assignee are refused with the reason',
  TIMEOUT,
  async () => {
    const desk = await tempDesk();
    await addStaff(desk.store, 'giamdoc', 'director');
    const lan = await addStaff(desk.store, 'lan', 'operator', ['complaint']);
    const minh = await addStaff(desk.store, 'minh', 'operator', ['question']);
    const director = await signedIn(desk, 'giamdoc');
    const operator = await signedIn(desk, 'lan');
    const ids = ['Giao trễ', 'Sai màu', 'Thiếu phụ kiện'].map((s) => addComplaint(desk.store, s, `${s} — đơn hàng tháng 11`).id);
    const listed = result<{ rows: Row[] }>(await operator('complaints.list', { sort: 'oldest' })).rows;
    assert.deepEqual(
      listed.map((r) => r.id),
      ids,
    );

    // Someone changes the second one after the list was read.
    result(await director('complaints.setStatus', { id: ids[1], version: listed[1]!.version, status: 'open' }));
    const items = listed.map(({ id, version }) => ({ id, version }));
    const assigned = result<Results>(await operator('complaints.bulk', { items, action: { do: 'assign', assigneeId: lan.id } }));
    assert.deepEqual(
      assigned.results.map((r) => (r.ok ? 'ok' : r.code)),
      ['ok', 'stale', 'ok'],
    );
    const after = result<{ rows: Row[] }>(await operator('complaints.list', { sort: 'oldest' })).rows;
    assert.deepEqual(
      after.map((r) => r.assigneeId),
      [lan.id, null, lan.id],
    );

    // Minh works questions only: no complaint goes to him, each refusal saying so.
    const foreign = result<Results>(
      await operator('complaints.bulk', {
        items: after.map(({ id, version }) => ({ id, version })),
        action: { do: 'assign', assigneeId: minh.id },
      }),
    );
    assert.ok(foreign.results.every((r) => !r.ok && r.code === 'invalid' && /does not work the complaint inbox/.test(r.message)));
    assert.deepEqual(
      result<{ rows: Row[] }>(await operator('complaints.list', { sort: 'oldest' })).rows.map((r) => r.assigneeId),
      [lan.id, null, lan.id],
      'nothing changed',
    );

    const waiting = result<Results>(
      await operator('complaints.bulk', {
        items: after.map(({ id, version }) => ({ id, version })),
        action: { do: 'status', status: 'waiting' },
      }),
    );
    assert.ok(waiting.results.every((r) => r.ok));
    const tag = result<{ id: string }>(await director('tags.save', { tag: { name: 'Gấp', color: 'red', archived: false } })).id;
    const tagged = result<Results>(
      await operator('complaints.bulk', {
        items: [
          { id: ids[0]!, version: 1 },
          { id: ids[2]!, version: 1 },
        ],
        action: { do: 'tags', add: [tag] },
      }),
    );
    assert.ok(
      tagged.results.every((r) => r.ok),
      'tags carry no version: the one the list showed does not matter',
    );
    assert.deepEqual(
      result<{ rows: Row[] }>(await operator('complaints.list', { tag }))
        .rows.map((r) => r.id)
        .sort(),
      [ids[0], ids[2]].sort(),
    );
    const events = desk.store.db
      .prepare(`SELECT count(*) AS n FROM submission_events WHERE type = 'status_change' AND json_extract(data, '$.to') = 'waiting'`)
      .get() as { n: number };
    assert.equal(events.n, 3, 'each on its own timeline');
    const mutations = desk.store.db.prepare(`SELECT mutation, count(*) AS n FROM outbox GROUP BY mutation ORDER BY mutation`).all();
    assert.deepEqual(mutations, [
      { mutation: 'submission.assign', n: 2 },
      { mutation: 'submission.status', n: 4 },
      { mutation: 'submission.tags', n: 2 },
      { mutation: 'tag.save', n: 1 },
    ]);
    const audit = desk.store.db
      .prepare(`SELECT detail FROM audit_log WHERE action = 'submission.bulk' ORDER BY seq`)
      .pluck()
      .all()
      .map((d) => JSON.parse(d as string) as { changed: string[]; refused: { id: string; code: string }[] });
    assert.deepEqual(
      audit.map((a) => [a.changed.length, a.refused.map((r) => r.code)]),
      [
        [2, ['stale']],
        [0, ['invalid', 'invalid', 'invalid']],
        [3, []],
        [2, []],
      ],
    );
  },
);

test(
  'warranty claims are closed by their steps: a bulk close refuses the claims being worked and closes none by hand',
  TIMEOUT,
  async () => {
    const desk = await tempDesk();
    await addStaff(desk.store, 'giamdoc', 'director');
    await addStaff(desk.store, 'lan', 'operator', ['warranty']);
    const operator = await signedIn(desk, 'lan');
    const customerId = addComplaint(desk.store, 'x', 'y').customerId;
    const claim = (stage: string) =>
      insertSubmission(desk.store.db, {
        kind: 'warranty',
        customerId,
        subject: `Máy lọc nước — ${stage}`,
        body: 'Không lên nguồn',
        details: { product: 'Máy lọc nước RO', serial: 'KG100HQ-0001', stage },
        status: stage === 'returned' ? 'closed' : 'open',
        createdAt: Date.now(),
      });
    const inspecting = claim('inspecting');
    const returned = claim('returned');
    const rows = result<{ rows: Row[] }>(await operator('warrantyClaims.list', {})).rows;
    const items = rows.map(({ id, version }) => ({ id, version }));
    const closing = result<Results>(await operator('warrantyClaims.bulk', { items, action: { do: 'status', status: 'closed' } }));
    const byId = new Map(closing.results.map((r) => [r.id, r]));
    assert.match((byId.get(inspecting) as { message: string }).message, /closed by its steps/);
    assert.equal(byId.get(returned)!.ok, true, 'a finished claim is closed already: nothing to refuse');
    const reopening = result<Results>(await operator('warrantyClaims.bulk', { items, action: { do: 'status', status: 'open' } }));
    assert.deepEqual(
      reopening.results.map((r) => [r.id, r.ok]).sort(),
      [
        [inspecting, true],
        [returned, false],
      ].sort(),
      'a finished claim stays closed; one being worked may be open',
    );
    // The single change keeps the same rule.
    const one = rows.find((r) => r.id === inspecting)!;
    assert.equal(
      errorCode(await operator('warrantyClaims.setStatus', { id: inspecting, version: one.version, status: 'closed' })),
      'invalid_input',
    );
  },
);

test('a bulk change is checked like any call: the inbox grant, the size and the shape of the selection', TIMEOUT, async () => {
  const desk = await tempDesk();
  await addStaff(desk.store, 'lan', 'operator', ['question']);
  const operator = await signedIn(desk, 'lan');
  const { id } = addComplaint(desk.store, 'Giao trễ', 'Chưa nhận hàng');
  const action = { do: 'status', status: 'open' };
  assert.equal(errorCode(await operator('complaints.bulk', { items: [{ id, version: 1 }], action })), 'forbidden');
  assert.equal(errorCode(await operator('questions.bulk', { items: [], action })), 'invalid_input');
  assert.equal(
    errorCode(
      await operator('questions.bulk', {
        items: [
          { id, version: 1 },
          { id, version: 1 },
        ],
        action,
      }),
    ),
    'invalid_input',
  );
  assert.equal(errorCode(await operator('questions.bulk', { items: [{ id, version: 1 }], action: { do: 'delete' } })), 'invalid_input');
  const notHere = result<Results>(await operator('questions.bulk', { items: [{ id, version: 1 }], action }));
  assert.deepEqual(
    notHere.results.map((r) => (r.ok ? 'ok' : r.code)),
    ['not_found'],
    'a complaint is not a question',
  );
});
