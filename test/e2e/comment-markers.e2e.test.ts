/**
 * Why a comment waits, in Chromium, on a desk synced with a real hub: the website posts comments the hub marks
 * (banned words without their marks, suspect words, two links, a first comment) and a reply; the card shows the
 * markers, highlights the listed words where the customer wrote them, names the page and quotes the comment
 * answered. Approving from the keyboard goes back through the hub to the website feed as a publish.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchBrowser } from '../support/browser.ts';
import { commentChanges, startTestHub, websiteComment } from '../support/hub.ts';
import { screenshot, signIn, syncedDesk, syncInUi, until } from '../support/synced-desk.ts';

const hub = await startTestHub();
const browser = await launchBrowser();

async function post(ref: string, author: string, body: string, minutesAgo: number, extra: Record<string, unknown> = {}) {
  const r = await hub.post(
    '/intake/v1/comments',
    websiteComment(ref, author, { body, postedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(), ...extra }),
  );
  assert.equal(r.status, 201, JSON.stringify(r.body));
}

test(
  'the card shows why a comment waits, where it was posted and what it answers; "a" publishes it on the website feed',
  { timeout: 180_000 },
  async () => {
    await post('mk-parent', 'mk-lan', 'Nồi này nấu cơm có ngon không mọi người?', 50);
    await post('mk-links', 'mk-spam', 'Xem http://a.example và www.b.example giá rẻ bất ngờ', 40);
    await post('mk-reply', 'mk-lan', 'Ngon, nhưng shop giao chậm, DM thật sự, đặt 5 ngày', 5, {
      pageTitle: 'Nồi cơm điện Sharp 1,8 lít | Shop',
      inReplyTo: 'mk-parent',
    });
    const { host } = await syncedDesk(hub, 'mk-A', [['thao', 'operator', ['comment']]]);
    const page = await signIn(browser, host, 'thao');
    await page
      .getByTestId('comment-count')
      .filter({ hasText: /^3 bình luận$/ })
      .waitFor();

    const reply = page.locator('.comment.selected');
    await reply.getByTestId('reply-to').filter({ hasText: 'Nồi này nấu cơm có ngon không mọi người?' }).waitFor();
    assert.match(await reply.getByTestId('reply-to').innerText(), /^Trả lời user_mk-lan:/);
    assert.equal(await reply.locator('.page-title').innerText(), 'Nồi cơm điện Sharp 1,8 lít | Shop');
    assert.deepEqual(await reply.locator('[data-testid=comment-markers] li').allInnerTexts(), ['Từ cấm: đm']);
    assert.deepEqual(await reply.locator('mark.word.banned').allInnerTexts(), ['DM']);

    const links = page.locator('.comment', { hasText: 'giá rẻ bất ngờ' });
    assert.deepEqual(await links.locator('[data-testid=comment-markers] li').allInnerTexts(), [
      'Từ đáng ngờ: giá rẻ',
      '2 liên kết',
      'Bình luận đầu tiên của tác giả',
    ]);
    assert.deepEqual(await links.locator('mark.word.suspect').allInnerTexts(), ['giá rẻ']);
    await screenshot(page, 'comment-markers');

    // Keyboard only: the reply is selected; "a" approves it; a sync takes it to the hub, which tells the website.
    await page.keyboard.press('a');
    await page
      .getByTestId('comment-count')
      .filter({ hasText: /^2 bình luận$/ })
      .waitFor();
    await syncInUi(page);
    let published: string[] = [];
    await until('the website feed publishes the reply', async () => {
      const feed = await hub.feed();
      published = commentChanges(feed).flatMap((c) => (c.type === 'comment.publish' ? [c.comment.ref] : []));
      return published.length > 0;
    });
    assert.deepEqual(published, ['mk-reply']);

    // Narrowed to one reason to look; each tab says how many it holds.
    await page.getByLabel('Lọc theo lý do cần xem').selectOption({ label: 'Nhiều liên kết' });
    await page
      .getByTestId('comment-count')
      .filter({ hasText: /^1 bình luận$/ })
      .waitFor();
    assert.deepEqual(await page.locator('.comment .comment-body').allInnerTexts(), [
      'Xem http://a.example và www.b.example giá rẻ bất ngờ',
    ]);
    assert.equal(await page.getByRole('tab', { name: /^Chờ duyệt/ }).innerText(), 'Chờ duyệt (2)');
    assert.equal(await page.getByRole('tab', { name: /^Đã duyệt/ }).innerText(), 'Đã duyệt (1)');
    await screenshot(page, 'comment-narrowed');
  },
);

test(
  'a published comment readers report comes back under "Bị báo cáo"; "x" hides it, "z" undoes that before it leaves the desk, "x" again reaches the website',
  { timeout: 180_000 },
  async () => {
    await post('rp-1', 'rp-an', 'Máy giặt này chạy êm, đáng tiền', 30);
    const { desk, host } = await syncedDesk(hub, 'rp-A', [['uyen', 'operator', ['comment']]]);
    const page = await signIn(browser, host, 'uyen');
    const card = page.locator('.comment', { hasText: 'Máy giặt này chạy êm' });
    await card.waitFor();
    await card.click();
    await page.keyboard.press('a');
    await card.waitFor({ state: 'detached' });
    await syncInUi(page);

    const r = await hub.post('/intake/v1/comment-reports', {
      commentRef: 'rp-1',
      reason: 'offensive',
      reportedAt: new Date().toISOString(),
    });
    assert.equal(r.status, 201);
    await syncInUi(page);
    await page.getByRole('tab', { name: 'Bị báo cáo' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Bình luận bị người đọc báo cáo' }).waitFor();
    await card.waitFor();
    assert.deepEqual(await card.locator('[data-testid=comment-markers] li').allInnerTexts(), [
      'Bình luận đầu tiên của tác giả',
      'Bị báo cáo 1 lần: xúc phạm 1',
    ]);
    await screenshot(page, 'comment-reported');

    await page.keyboard.press('x');
    await card.waitFor({ state: 'detached' });
    await page.keyboard.press('z');
    await page.getByTestId('queue-notice').filter({ hasText: 'quyết định chưa gửi đi đã được rút lại' }).waitFor();
    await card.waitFor();
    const outbox = () => desk.store.db.prepare(`SELECT count(*) AS n FROM outbox WHERE state = 'pending'`).get() as { n: number };
    assert.equal(outbox().n, 0, 'the withdrawn decision is not waiting to be sent');

    await card.click();
    await page.keyboard.press('x');
    await card.waitFor({ state: 'detached' });
    await syncInUi(page);
    await until('the website feed hides the comment', async () => {
      const feed = await hub.feed('?limit=1000');
      const mine = commentChanges(feed)
        .filter((c) => c.comment.ref === 'rp-1')
        .map((c) => c.type);
      return mine.join() === 'comment.publish,comment.hide';
    });
  },
);
