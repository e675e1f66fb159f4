/**
 * A comment's first decision stands on the desk as it does at the hub: deciding it again otherwise is refused
 * at once, with who decided, instead of being queued only to come back refused after the next sync.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId } from '../../common/ids.ts';
import { insertCustomer } from '../../main/core/domain/customers.ts';
import { addStaff, PASSWORD, tempDesk } from '../support/fixtures.ts';

test('a decided comment cannot be decided otherwise; the same decision again is a no-op', { timeout: 60_000 }, async () => {
  const desk = await tempDesk();
  await addStaff(desk.store, 'lan', 'operator', ['comment']);
  const { db } = desk.store;
  const customerId = insertCustomer(db, { username: 'kh-binh', gender: 'male', fullName: 'Trần Văn Bình', createdAt: Date.now() });
  const id = newId();
  db.prepare(
    `INSERT INTO comments (id, customer_id, page_url, body, posted_at, status) VALUES (?, ?, 'https://shop.example.vn/p/1', 'Hay quá', ?, 'pending')`,
  ).run(id, customerId, Date.now());
  const call = (m: string, i: unknown = {}) => desk.dispatcher.call('conn', m, i);
  assert.ok((await call('auth.signIn', { username: 'lan', password: PASSWORD })).ok);

  assert.ok((await call('comments.moderate', { id, decision: 'approved' })).ok);
  assert.ok((await call('comments.moderate', { id, decision: 'approved' })).ok, 'the same decision again is accepted');
  const other = await call('comments.moderate', { id, decision: 'rejected' });
  assert.equal(!other.ok && other.error.code, 'stale');
  assert.match(!other.ok ? other.error.message : '', /already approved by Nhân viên lan/);

  assert.deepEqual(db.prepare('SELECT status FROM comments WHERE id = ?').get(id), { status: 'approved' });
  assert.equal(
    (db.prepare(`SELECT count(*) AS n FROM outbox WHERE entity_id = ?`).get(id) as { n: number }).n,
    1,
    'one decision queued for the hub',
  );
});
