/** The schema's own guarantees: migrations, immutable customer fields, append-only audit, folded search. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appendAudit, verifyAudit } from '../../main/core/audit/chain.ts';
import { insertCustomer } from '../../main/core/domain/customers.ts';
import { listSubmissions, type ListQuery } from '../../main/core/domain/submissions.ts';
import { indexQueued } from '../../main/core/store/search-index.ts';
import { latestSchemaVersion, openStore, schemaVersion } from '../../main/core/store/open.ts';
import { addComplaint, keychain, tempDir, tempStore } from '../support/fixtures.ts';

test('migrations bring a new store to the latest user_version, and reopening applies nothing twice', async () => {
  const dir = tempDir();
  const first = await openStore({ dataDir: dir, keychain });
  assert.equal(schemaVersion(first.db), latestSchemaVersion());
  first.close();
  const again = await openStore({ dataDir: dir, keychain });
  assert.equal(schemaVersion(again.db), latestSchemaVersion());
  again.close();
});

test("a customer's username and gender can never change once set: the store itself refuses", async () => {
  const store = await tempStore();
  const id = insertCustomer(store.db, { username: 'lan.nguyen', gender: 'female', fullName: 'Nguyễn Thị Lan', createdAt: Date.now() });
  assert.throws(() => store.db.prepare('UPDATE customers SET username = ? WHERE id = ?').run('lan2', id), /username cannot change/);
  assert.throws(() => store.db.prepare('UPDATE customers SET gender = ? WHERE id = ?').run('male', id), /gender cannot change/);
  assert.throws(() => store.db.prepare('UPDATE customers SET username = NULL WHERE id = ?').run(id), /username cannot change/);
  // Other personal fields may change (the customer's right), and a field never set may be set once.
  store.db.prepare('UPDATE customers SET full_name = ? WHERE id = ?').run('Nguyễn Thị Lan Anh', id);
  const guest = insertCustomer(store.db, { fullName: 'Khách vãng lai', createdAt: Date.now() });
  store.db.prepare('UPDATE customers SET username = ?, gender = ? WHERE id = ?').run('khach1', 'male', guest);
  assert.throws(() => store.db.prepare('UPDATE customers SET username = ? WHERE id = ?').run('khach2', guest), /username cannot change/);
});

test('the audit log rejects UPDATE and DELETE, and a tampered row breaks the chain at that row', async () => {
  const store = await tempStore();
  const actor = { id: null, name: 'test', role: null };
  for (let i = 0; i < 5; i++) appendAudit(store.db, actor, { action: `test.${i}`, detail: { i } });
  assert.deepEqual(verifyAudit(store.db), {
    intact: true,
    rows: 5,
    headHash: (store.db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC').get() as { hash: string }).hash,
  });
  assert.throws(() => store.db.prepare(`UPDATE audit_log SET action = 'x' WHERE seq = 3`).run(), /append-only/);
  assert.throws(() => store.db.prepare('DELETE FROM audit_log WHERE seq = 3').run(), /append-only/);
  // Someone holding the key drops the trigger and edits a row: verification names that row.
  store.db.exec('DROP TRIGGER audit_log_no_update');
  store.db.prepare(`UPDATE audit_log SET detail = '{"i":99}' WHERE seq = 3`).run();
  const verdict = verifyAudit(store.db);
  assert.equal(verdict.intact, false);
  assert.equal(verdict.intact === false && verdict.brokenAtSeq, 3);
});

test('a deleted audit row is detected by the chain', async () => {
  const store = await tempStore();
  for (let i = 0; i < 4; i++) appendAudit(store.db, { id: null, name: 't', role: null }, { action: 'a' });
  store.db.exec('DROP TRIGGER audit_log_no_delete');
  store.db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
  const verdict = verifyAudit(store.db);
  assert.ok(!verdict.intact && verdict.brokenAtSeq === 3, JSON.stringify(verdict));
});

test('search folds Vietnamese both ways: no marks finds marks, capitals find lower case', async () => {
  const store = await tempStore();
  const phone = addComplaint(store, 'Điện thoại không lên nguồn', 'Tôi mua điện thoại hôm qua.').id;
  const shouting = addComplaint(store, 'KHIẾU NẠI VỀ GIAO HÀNG', 'GIAO TRỄ BA NGÀY').id;
  const plain = addComplaint(store, 'dien thoai bi loi', 'khach go khong dau').id;
  addComplaint(store, 'Tủ lạnh kêu to', 'Không liên quan');
  const find = (text: string) =>
    listSubmissions(store.db, 'complaint', { text, sort: 'newest', limit: 50 })
      .rows.map((r) => r.id)
      .sort();
  assert.deepEqual(find('dien thoai'), [phone, plain].sort());
  assert.deepEqual(find('Điện thoại'), [phone, plain].sort());
  assert.deepEqual(find('khieu nai'), [shouting]);
  assert.deepEqual(find('KHIẾU NẠI'), [shouting]);
  assert.deepEqual(find('giao tre'), [shouting]);
  assert.deepEqual(find('dien'), [phone, plain].sort(), 'prefixes match as the person types');
  assert.deepEqual(find('xe máy'), []);
  // Edited text is queued by the triggers and re-indexed by the write that made it (here by hand).
  store.db.prepare('UPDATE submissions SET subject = ?, body = ? WHERE id = ?').run('Máy giặt', 'rung mạnh', plain);
  indexQueued(store.db);
  assert.deepEqual(find('dien thoai'), [phone]);
  assert.deepEqual(find('may giat'), [plain]);
});

test('listing filters by status and assignee, pages, and sorts', async () => {
  const store = await tempStore();
  const ids = Array.from({ length: 30 }, (_, i) => addComplaint(store, `Khiếu nại số ${i}`, 'nội dung').id);
  store.db
    .prepare(
      `UPDATE submissions SET status = 'closed' WHERE id IN (${ids
        .slice(0, 10)
        .map(() => '?')
        .join(',')})`,
    )
    .run(...ids.slice(0, 10));
  const q = { sort: 'newest' as const, limit: 100 };
  const total = (f: Partial<ListQuery>) => listSubmissions(store.db, 'complaint', { ...q, ...f }).total;
  assert.deepEqual(total({ status: 'closed' }), { n: 10, exact: true });
  assert.deepEqual(total({ status: 'new' }), { n: 20, exact: true });
  assert.deepEqual(total({ assignee: 'unassigned' }), { n: 30, exact: true });
  const first = listSubmissions(store.db, 'complaint', { ...q, limit: 25 });
  const rest = listSubmissions(store.db, 'complaint', { ...q, limit: 25, after: first.next! });
  assert.equal(rest.total, null, 'the total comes with the first page only');
  assert.equal(rest.rows.length, 5);
  assert.equal(rest.next, null);
  const oldest = listSubmissions(store.db, 'complaint', { ...q, sort: 'oldest', limit: 1 }).rows[0]!;
  assert.equal(oldest.id, ids[0]);
  // Kinds are separate inboxes: a complaint listing never shows a question.
  assert.deepEqual(listSubmissions(store.db, 'question', q).total, { n: 0, exact: true });
});
