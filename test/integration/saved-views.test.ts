/**
 * Saved views through the API: a person's own filters of an inbox they work, listed by name with what each
 * holds now (the count follows new submissions and changes); one name per person whatever its case and
 * marks; nobody else sees, changes or deletes them; a view of an inbox taken away counts nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorCode, result, signedIn } from '../support/api-calls.ts';
import { addComplaint, addStaff, tempDesk } from '../support/fixtures.ts';

const TIMEOUT = { timeout: 60_000 };
interface View {
  id: string;
  name: string;
  kind: string;
  filters: Record<string, unknown>;
  count: { n: number; exact: boolean } | null;
}

test('a person’s views count what they hold now, are theirs alone, and one name is one view', TIMEOUT, async () => {
  const desk = await tempDesk();
  const lan = await addStaff(desk.store, 'lan', 'operator', ['complaint', 'question']);
  await addStaff(desk.store, 'minh', 'operator', ['complaint']);
  const operator = await signedIn(desk, 'lan');
  const other = await signedIn(desk, 'minh');
  const [late] = ['Giao hàng trễ', 'Giao sai màu'].map((s) => addComplaint(desk.store, s, `${s}, đơn tháng 11`).id);
  addComplaint(desk.store, 'Hỏi về bảo hành', 'Máy lạnh bảo hành mấy năm?');

  const mine = result<{ id: string }>(
    await operator('views.save', { name: 'Giao hàng của tôi', kind: 'complaint', filters: { assignee: lan.id, sort: 'due' } }),
  ).id;
  const search = result<{ id: string }>(
    await operator('views.save', { name: 'Giao', kind: 'complaint', filters: { text: 'giao', sort: 'newest' } }),
  ).id;
  const counts = async () => Object.fromEntries(result<View[]>(await operator('views.list')).map((v) => [v.name, v.count && v.count.n]));
  assert.deepEqual(await counts(), { Giao: 2, 'Giao hàng của tôi': 0 });
  // A search saved with a sort it is not shown in (the inbox shows a search newest first) still counts.
  const dueSearch = result<{ id: string }>(
    await operator('views.save', { name: 'Giao, sắp đến hạn', kind: 'complaint', filters: { text: 'giao', sort: 'due' } }),
  ).id;
  assert.deepEqual(await counts(), { Giao: 2, 'Giao hàng của tôi': 0, 'Giao, sắp đến hạn': 2 });
  result(await operator('views.delete', { id: dueSearch }));

  const listed = result<{ rows: { id: string; version: number }[] }>(await operator('complaints.list', {})).rows;
  result(await operator('complaints.assign', { id: late, version: listed.find((r) => r.id === late)!.version, assigneeId: lan.id }));
  addComplaint(desk.store, 'Giao thiếu hàng', 'Thiếu một thùng');
  assert.deepEqual(await counts(), { Giao: 3, 'Giao hàng của tôi': 1 }, 'the counts follow the inbox');

  assert.equal(
    errorCode(await operator('views.save', { name: '  GIÁO ', kind: 'question', filters: {} })),
    'invalid_input',
    'the name is taken',
  );
  assert.equal(
    errorCode(await operator('views.save', { id: search, name: 'Tìm "giao"', kind: 'complaint', filters: { text: 'giao' } })),
    'ok',
  );
  assert.equal(errorCode(await operator('views.save', { name: 'Góp ý', kind: 'feedback', filters: {} })), 'invalid_input', 'not her inbox');
  assert.equal(errorCode(await operator('views.save', { name: 'x', kind: 'complaint', filters: { sort: 'loudest' } })), 'invalid_input');

  assert.deepEqual(result<View[]>(await other('views.list')), [], 'Minh sees none of Lan’s views');
  assert.equal(errorCode(await other('views.delete', { id: mine })), 'not_found');
  assert.equal(errorCode(await other('views.save', { id: mine, name: 'Của Minh', kind: 'complaint', filters: {} })), 'not_found');

  // Complaints taken from Lan: her view stays hers to delete, and counts nothing.
  desk.store.db.prepare(`DELETE FROM staff_grants WHERE staff_id = ? AND inbox = 'complaint'`).run(lan.id);
  const after = await signedIn(desk, 'lan');
  assert.deepEqual(
    result<View[]>(await after('views.list')).map((v) => [v.name, v.count]),
    [
      ['Giao hàng của tôi', null],
      ['Tìm "giao"', null],
    ],
  );
  assert.equal(errorCode(await after('views.delete', { id: mine })), 'ok');
  assert.deepEqual(
    result<View[]>(await after('views.list')).map((v) => v.name),
    ['Tìm "giao"'],
  );
});
