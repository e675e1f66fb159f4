/**
 * Deciding many comments at once from the keyboard, in Chromium, on a desk synced with a real hub: Space picks,
 * Shift+x asks by the count (Escape leaves everything as it was, Enter decides), and the decisions reach the hub
 * and the website feed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchBrowser } from '../support/browser.ts';
import { commentChanges, startTestHub, websiteComment } from '../support/hub.ts';
import { screenshot, signIn, syncedDesk, syncInUi, until } from '../support/synced-desk.ts';

const hub = await startTestHub();
const browser = await launchBrowser();

test(
  'Space picks comments, Shift+x asks by the count, Enter rejects them all, and the website hides them',
  { timeout: 180_000 },
  async () => {
    const bodies = ['Một', 'Hai', 'Ba', 'Bốn'].map((w) => `Bình luận số ${w}`);
    for (const [i, body] of bodies.entries()) {
      const r = await hub.post(
        '/intake/v1/comments',
        websiteComment(`kb-${i}`, `kb-author-${i}`, { body, postedAt: new Date(Date.now() - (10 - i) * 60_000).toISOString() }),
      );
      assert.equal(r.status, 201);
    }
    const { host } = await syncedDesk(hub, 'kb-A', [['vinh', 'operator', ['comment']]]);
    const page = await signIn(browser, host, 'vinh');
    const count = (n: number) =>
      page
        .getByTestId('comment-count')
        .filter({ hasText: new RegExp(`^${n} bình luận$`) })
        .waitFor();
    await count(4);
    // Newest first: Bốn, Ba, Hai, Một. Pick Bốn, Hai and Một.
    await page.keyboard.press(' ');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press(' ');
    await page.keyboard.press('j');
    await page.keyboard.press(' ');
    await page.getByTestId('picked-count').filter({ hasText: 'Đã chọn 3 bình luận' }).waitFor();
    assert.equal(await page.locator('.comment input.pick:checked').count(), 3);

    await page.keyboard.press('Shift+X');
    const ask = page.getByRole('alertdialog');
    await ask.filter({ hasText: 'Từ chối 3 bình luận đã chọn?' }).waitFor();
    await screenshot(page, 'comments-bulk-ask');
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    await count(4);

    await page.keyboard.press('Shift+X');
    await ask.waitFor();
    await page.keyboard.press('Enter');
    await count(1);
    await page.getByTestId('queue-notice').filter({ hasText: 'Đã từ chối: 3 bình luận.' }).waitFor();
    assert.deepEqual(await page.locator('.comment .comment-body').allInnerTexts(), ['Bình luận số Ba']);
    await syncInUi(page);
    await until('the website feed hides the three', async () => {
      const feed = await hub.feed();
      const hidden = commentChanges(feed)
        .filter((c) => c.type === 'comment.hide')
        .map((c) => c.comment.ref);
      return hidden.sort().join() === 'kb-0,kb-1,kb-3';
    });
  },
);

test(
  '"u" shows the author’s record; rejecting everything pending from them asks by the count, then hides them all on the website',
  { timeout: 180_000 },
  async () => {
    for (const [i, author] of ['au-x', 'au-x', 'au-other', 'au-x'].entries()) {
      const r = await hub.post(
        '/intake/v1/comments',
        websiteComment(`au-${i}`, author, { body: `Bình luận au ${i}`, postedAt: new Date(Date.now() - (5 - i) * 60_000).toISOString() }),
      );
      assert.equal(r.status, 201);
    }
    const { host } = await syncedDesk(hub, 'au-A', [['quynh', 'operator', ['comment']]]);
    const page = await signIn(browser, host, 'quynh');
    const card = page.locator('.comment', { hasText: 'Bình luận au 3' });
    await card.click();
    await page.keyboard.press('u');
    const panel = page.getByTestId('author-panel');
    await panel.getByRole('heading', { name: 'Tác giả user_au-x' }).waitFor();
    assert.equal(await panel.locator('.author-comments li').count(), 3);
    await panel.getByText('Chưa có bình luận nào của tác giả được xử lý trong 90 ngày qua.').waitFor();
    await panel.getByRole('button', { name: 'Từ chối tất cả 3 bình luận đang chờ của tác giả' }).click();
    await panel.getByRole('alertdialog').filter({ hasText: 'Từ chối tất cả 3 bình luận đang chờ duyệt của user_au-x?' }).waitFor();
    await screenshot(page, 'comments-author-panel');
    await page.keyboard.press('Enter');
    await panel.waitFor({ state: 'detached' });
    await page.getByTestId('queue-notice').filter({ hasText: 'Đã từ chối: 3 bình luận.' }).waitFor();
    assert.ok(!(await page.locator('.comment .comment-body').allInnerTexts()).some((b) => /au [013]$/.test(b)));
    await syncInUi(page);
    await until('the website feed hides the author’s three', async () => {
      const feed = await hub.feed('?limit=1000');
      const hidden = commentChanges(feed)
        .filter((c) => c.type === 'comment.hide' && c.comment.ref.startsWith('au-'))
        .map((c) => c.comment.ref);
      return hidden.sort().join() === 'au-0,au-1,au-3';
    });
  },
);

test(
  'a hundred comments moderated with the keyboard only; the website feed publishes and hides exactly those',
  { timeout: 240_000 },
  async () => {
    const HUNDRED = 100;
    const own = await startTestHub(); // a hub of its own: the queue holds these hundred and nothing else
    const t0 = Date.now() - 3 * 3600_000;
    for (let i = 0; i < HUNDRED; i++) {
      const r = await own.post(
        '/intake/v1/comments',
        websiteComment(`hd-${i}`, `hd-author-${i % 17}`, {
          body: `Bình luận trăm ${i}`,
          postedAt: new Date(t0 + i * 60_000).toISOString(),
        }),
      );
      assert.equal(r.status, 201);
    }
    const { host } = await syncedDesk(own, 'hd-A', [['xuan', 'operator', ['comment']]]);
    const page = await signIn(browser, host, 'xuan');
    await page
      .getByTestId('comment-count')
      .filter({ hasText: /^100 bình luận$/ })
      .waitFor();
    // Newest first: hd-99 down to hd-0. One key each, in turn approve, reject, spam, with nothing but the keyboard.
    const KEYS = ['a', 'x', 's'] as const;
    const expected = new Map<string, string>();
    for (let n = 0; n < HUNDRED; n++) {
      const body = await page.locator('.comment.selected .comment-body').innerText();
      const i = Number(/(\d+)$/.exec(body)![1]);
      const key = KEYS[n % 3]!;
      expected.set(`hd-${i}`, key === 'a' ? 'comment.publish' : 'comment.hide');
      await page.keyboard.press(key);
      if (n < HUNDRED - 1) await page.locator('.comment.selected .comment-body', { hasNotText: body }).waitFor();
    }
    await page
      .getByTestId('comment-count')
      .filter({ hasText: /^0 bình luận$/ })
      .waitFor();
    assert.equal(expected.size, HUNDRED, 'each key decided another comment');
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).focus();
    await page.keyboard.press('Enter');
    const seen = new Map<string, string>();
    await until(
      'the website feed carries the hundred decisions',
      async () => {
        const feed = await own.feed('?limit=1000');
        seen.clear();
        for (const c of commentChanges(feed)) if (c.comment.ref.startsWith('hd-')) seen.set(c.comment.ref, c.type);
        return seen.size === HUNDRED;
      },
      60_000,
    );
    assert.deepEqual(new Map([...seen].sort()), new Map([...expected].sort()));
  },
);

test(
  'j from the last card read reads the next ones, so the keyboard alone reaches the oldest of 60 comments',
  { timeout: 180_000 },
  async () => {
    const own = await startTestHub();
    const t0 = Date.now() - 3 * 3600_000;
    for (let i = 0; i < 60; i++) {
      const r = await own.post(
        '/intake/v1/comments',
        websiteComment(`jj-${i}`, `jj-author-${i % 7}`, { body: `Bình luận thứ ${i}`, postedAt: new Date(t0 + i * 60_000).toISOString() }),
      );
      assert.equal(r.status, 201);
    }
    const { host } = await syncedDesk(own, 'jj-A', [['yen', 'operator', ['comment']]]);
    const page = await signIn(browser, host, 'yen');
    await page.locator('.comment.selected .comment-body', { hasText: 'Bình luận thứ 59' }).waitFor();
    assert.equal(await page.locator('.comment').count(), 50, 'the queue reads 50 cards at first');
    for (let i = 58; i >= 0; i--) {
      await page.keyboard.press('j');
      await page.locator('.comment.selected .comment-body', { hasText: new RegExp(`^Bình luận thứ ${i}$`) }).waitFor();
    }
    assert.equal(await page.locator('.comment').count(), 60);
  },
);
