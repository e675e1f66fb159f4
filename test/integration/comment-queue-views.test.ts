/**
 * The queue's tabs narrowed: to one page of the website, to one reason to look, oldest first; each tab's count;
 * the pages a tab's comments were posted on, most first. On a desk's own store, through the API.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId } from '../../common/ids.ts';
import { insertCustomer } from '../../main/core/domain/customers.ts';
import { addStaff, PASSWORD, tempDesk } from '../support/fixtures.ts';

test('a tab narrowed by page, by marker and in either order; counts per tab; pages by count', { timeout: 60_000 }, async () => {
  const desk = await tempDesk();
  await addStaff(desk.store, 'lan', 'operator', ['comment']);
  const { db } = desk.store;
  const customerId = insertCustomer(db, { username: 'kh-an', gender: 'female', fullName: 'Lê Thị An', createdAt: Date.now() });
  const put = (body: string, page: string, postedAt: number, markers: unknown[], status = 'pending', review = 0) =>
    db
      .prepare(
        `INSERT INTO comments (id, customer_id, page_url, page_title, body, posted_at, status, markers, review) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        newId(),
        customerId,
        `https://shop.example.vn/${page}`,
        `Trang ${page}`,
        body,
        postedAt,
        status,
        JSON.stringify(markers),
        review,
      );
  put('một', 'noi-com', 1000, [{ reason: 'first_comment' }]);
  put('hai', 'noi-com', 2000, [{ reason: 'links', count: 2 }]);
  put('ba', 'may-giat', 3000, [
    { reason: 'links', count: 3 },
    { reason: 'banned_words', words: ['đm'] },
  ]);
  put('bốn', 'may-giat', 4000, [], 'approved', 1);
  put('năm', 'noi-com', 5000, [], 'spam');
  const call = async (m: string, i: unknown = {}) => {
    const r = await desk.dispatcher.call('conn', m, i);
    assert.ok(r.ok, JSON.stringify(r));
    return r.result as any;
  };
  await call('auth.signIn', { username: 'lan', password: PASSWORD });
  const bodies = async (q: Record<string, unknown>) => ((await call('comments.list', q)).rows as { body: string }[]).map((r) => r.body);

  assert.deepEqual(await bodies({ status: 'pending' }), ['ba', 'hai', 'một']);
  assert.deepEqual(await bodies({ status: 'pending', order: 'oldest' }), ['một', 'hai', 'ba']);
  assert.deepEqual(await bodies({ status: 'pending', page: 'https://shop.example.vn/noi-com' }), ['hai', 'một']);
  assert.deepEqual(await bodies({ status: 'pending', marker: 'links' }), ['ba', 'hai']);
  assert.deepEqual(await bodies({ status: 'pending', marker: 'links', page: 'https://shop.example.vn/noi-com' }), ['hai']);
  assert.equal((await call('comments.list', { status: 'pending', marker: 'links' })).total, 2);
  assert.deepEqual(await bodies({ status: 'reported' }), ['bốn']);
  assert.deepEqual(await call('comments.counts'), { pending: 3, reported: 1, approved: 1, rejected: 0, spam: 1 });
  assert.deepEqual(await call('comments.pages', { status: 'pending' }), [
    { url: 'https://shop.example.vn/noi-com', title: 'Trang noi-com', count: 2 },
    { url: 'https://shop.example.vn/may-giat', title: 'Trang may-giat', count: 1 },
  ]);
  const bad = await desk.dispatcher.call('conn', 'comments.list', { status: 'pending', marker: 'no_such_reason' });
  assert.equal(!bad.ok && bad.error.code, 'invalid_input');
});

test(
  'the author’s record: their comments newest first, rejections among those decided in the last 90 days, what of theirs waits',
  { timeout: 60_000 },
  async () => {
    const desk = await tempDesk();
    await addStaff(desk.store, 'lan', 'operator', ['comment']);
    const { db } = desk.store;
    const now = Date.now();
    const day = 24 * 3600_000;
    const author = insertCustomer(db, { username: 'kh-cuong', gender: 'male', fullName: 'Phạm Văn Cường', createdAt: now });
    const other = insertCustomer(db, { username: 'kh-dung', gender: 'female', fullName: 'Võ Thị Dung', createdAt: now });
    const put = (customerId: string, body: string, postedAt: number, status: string) => {
      const id = newId();
      db.prepare(
        `INSERT INTO comments (id, customer_id, page_url, body, posted_at, status) VALUES (?, ?, 'https://shop.example.vn/p', ?, ?, ?)`,
      ).run(id, customerId, body, postedAt, status);
      return id;
    };
    put(author, 'cũ, bị từ chối', now - 200 * day, 'rejected'); // outside the 90 days
    put(author, 'rác', now - 10 * day, 'spam');
    put(author, 'được duyệt', now - 5 * day, 'approved');
    put(author, 'bị từ chối', now - 3 * day, 'rejected');
    const waiting = put(author, 'đang chờ', now - day, 'pending');
    put(other, 'của người khác', now, 'pending');
    const r = await desk.dispatcher.call('conn', 'auth.signIn', { username: 'lan', password: PASSWORD });
    assert.ok(r.ok);
    const got = await desk.dispatcher.call('conn', 'comments.author', { id: waiting });
    assert.ok(got.ok, JSON.stringify(got));
    const a = got.result as { username: string; comments: { body: string }[]; decided: number; rejected: number; pendingIds: string[] };
    assert.equal(a.username, 'kh-cuong');
    assert.deepEqual(
      a.comments.map((c) => c.body),
      ['đang chờ', 'bị từ chối', 'được duyệt', 'rác', 'cũ, bị từ chối'],
    );
    assert.deepEqual([a.decided, a.rejected], [3, 2]);
    assert.deepEqual(a.pendingIds, [waiting]);
  },
);
