/**
 * The comment moderation queue in Chromium, on desks synced with a real hub on loopback: what is selected is
 * a comment, not a place in the list. A key acts on the comment selected when it was pressed, a decision
 * selects the comment that was below it, comments that sync in wait behind a "N mới" cue without moving the
 * selection, and a comment decided on another desk leaves the queue with the next one selected, visibly.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Desk } from '../../main/api/desk.ts';
import { moderateComment } from '../../main/core/domain/comments.ts';
import { launchBrowser } from '../support/browser.ts';
import { customer, startTestHub } from '../support/hub.ts';
import { screenshot, signIn, syncedDesk, syncInUi, until } from '../support/synced-desk.ts';

// One hub for the file: each test posts comments newer than the last test's, so its own are at the top.
const hub = await startTestHub();
const browser = await launchBrowser();
const TEST = { timeout: 180_000 };

let n = 0;
/** The website posts a comment; its id on the hub (and, once synced, on every desk). */
async function post(body: string, postedAt: number): Promise<string> {
  const ref = `cq-${n++}`;
  const r = await hub.post('/intake/v1/comments', {
    ref,
    customer: customer(ref),
    pageUrl: 'https://shop.example.vn/p/ao-thun',
    body,
    postedAt: new Date(postedAt).toISOString(),
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id as string;
}

/** Waits until the selected comment is the one with this text, then checks it is the only one selected. */
async function selectedIs(page: Page, body: string): Promise<void> {
  await page.locator('.comment.selected .comment-body', { hasText: body }).waitFor();
  assert.deepEqual(await page.locator('.comment.selected .comment-body').allTextContents(), [body]);
}

const shownBodies = (page: Page) => page.locator('.comment .comment-body').allTextContents();
const statusOf = (desk: Desk, id: string) =>
  desk.store.db.prepare('SELECT status, decided_by AS decidedBy FROM comments WHERE id = ?').get(id) as {
    status: string;
    decidedBy: string | null;
  };
const decisionsQueued = (desk: Desk) =>
  desk.store.db.prepare(`SELECT entity_id AS id, payload FROM outbox WHERE mutation = 'comment.moderate' ORDER BY created_at, id`).all();

test(
  '"a" approves the comment selected when it was pressed, with comments synced in above it; the one below it is selected next',
  TEST,
  async () => {
    const t0 = Date.now();
    const [top, second, third] = [
      'Giao hàng nhanh, đóng gói cẩn thận.',
      'Màu áo hơi khác so với ảnh nhưng vẫn đẹp.',
      'Shop tư vấn nhiệt tình, sẽ ủng hộ tiếp.',
    ];
    await post(third, t0 - 3 * 3600_000);
    const secondId = await post(second, t0 - 2 * 3600_000);
    await post(top, t0 - 3600_000);
    const { desk, host } = await syncedDesk(hub, 'cq-A', [['binh', 'operator', ['comment']]]);
    const page = await signIn(browser, host, 'binh');
    await page
      .getByTestId('comment-count')
      .filter({ hasText: /^3 bình luận$/ })
      .waitFor();
    await selectedIs(page, top);
    await page.keyboard.press('j');
    await selectedIs(page, second);

    // The website posts two more, newer than all three; "Đồng bộ ngay" brings them to the desk.
    const [newer, newest] = ['Có size XXL không shop?', 'Áo giặt máy có bị co không ạ?'];
    await post(newer, t0 - 10 * 60_000);
    await post(newest, t0 - 5 * 60_000);
    await syncInUi(page);
    await page
      .getByTestId('comment-count')
      .filter({ hasText: /^5 bình luận$/ })
      .waitFor();
    await page
      .getByTestId('new-comments')
      .filter({ hasText: /^↑ 2 mới$/ })
      .waitFor();
    await selectedIs(page, second);
    assert.deepEqual(await shownBodies(page), [top, second, third], 'the new ones wait behind the cue; nothing moved');
    await screenshot(page, 'comments-queue-new');

    await page.keyboard.press('a');
    await selectedIs(page, third);
    await until('the decision to reach the store', () => statusOf(desk, secondId).status === 'approved');
    assert.deepEqual(statusOf(desk, secondId), { status: 'approved', decidedBy: 'Nhân viên binh' });
    const decided = desk.store.db.prepare(`SELECT id FROM comments WHERE status <> 'pending'`).all();
    assert.deepEqual(decided, [{ id: secondId }], 'only the comment that was selected was decided');
    assert.deepEqual(decisionsQueued(desk), [{ id: secondId, payload: '{"decision":"approved"}' }]);
    await page
      .getByTestId('comment-count')
      .filter({ hasText: /^4 bình luận$/ })
      .waitFor();

    // The cue leads to the new comments; the selection stays where the person left it.
    await page.getByTestId('new-comments').click();
    await page.getByTestId('new-comments').waitFor({ state: 'detached' });
    assert.deepEqual(await shownBodies(page), [newest, newer, top, third]);
    await selectedIs(page, third);
    assert.equal(await page.locator('.notice').count(), 0, 'no error was shown');
  },
);

test(
  'a comment decided on another desk leaves the queue; the one that was below it is selected, and the person is told',
  TEST,
  async () => {
    const t0 = Date.now();
    const [p, q, r] = ['Giá này đã gồm phí giao chưa?', 'Hàng về khi nào vậy shop?', 'Mình đặt 2 cái có được giảm không?'];
    const rId = await post(r, t0 - 3000);
    const qId = await post(q, t0 - 2000);
    const pId = await post(p, t0 - 1000);
    const a = await syncedDesk(hub, 'cq-B', [['binh', 'operator', ['comment']]]);
    const b = await syncedDesk(hub, 'cq-C', [['dung', 'operator', ['comment']]]);
    const page = await signIn(browser, a.host, 'binh');
    await selectedIs(page, p);
    await page.locator('.comment-body', { hasText: q }).click();
    await selectedIs(page, q);

    // Desk C marks it as spam and syncs; meanwhile the website posts one more, newer than all.
    moderateComment(b.desk.store.db, qId, { id: b.staff.dung!, name: 'Nhân viên dung' }, 'spam');
    await b.desk.sync.syncNow();
    const newest = 'Shop ơi còn màu xanh không?';
    await post(newest, t0);
    await syncInUi(page);
    const told = page.getByTestId('selection-moved');
    await told.filter({ hasText: 'Bình luận đang chọn đã được xử lý ở nơi khác; đã chọn bình luận kế tiếp.' }).waitFor();
    await selectedIs(page, r);
    await page.locator('.comment-body', { hasText: q }).waitFor({ state: 'detached' });
    await page
      .getByTestId('new-comments')
      .filter({ hasText: /^↑ 1 mới$/ })
      .waitFor();
    assert.deepEqual((await page.locator('.comment .comment-body').allTextContents()).slice(0, 2), [p, r]);
    assert.deepEqual(statusOf(a.desk, qId), { status: 'spam', decidedBy: 'Nhân viên dung' });
    await screenshot(page, 'comments-queue-moved');

    // "x" now rejects the comment the person sees selected, and the note goes.
    await page.keyboard.press('x');
    await until('the decision to reach the store', () => statusOf(a.desk, rId).status === 'rejected');
    await told.filter({ hasText: /^$/ }).waitFor({ state: 'attached' }); // empty again
    assert.deepEqual(decisionsQueued(a.desk), [{ id: rId, payload: '{"decision":"rejected"}' }]);
    assert.equal(statusOf(a.desk, pId).status, 'pending');
    await page.locator('.comment-body', { hasText: r }).waitFor({ state: 'detached' });
    assert.notEqual(await page.locator('.comment.selected .comment-body').textContent(), r);
  },
);
