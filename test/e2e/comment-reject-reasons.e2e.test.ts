/**
 * A rejection with a reason, in Chromium, on a desk synced with a real hub: `2` rejects the selected comment as
 * advertising, the rejected tab says why, and the website feed's hide carries the reason; `x` still rejects without
 * one, and undoing a reasoned rejection before it leaves takes the reason away with it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchBrowser } from '../support/browser.ts';
import { commentChanges, startTestHub, websiteComment } from '../support/hub.ts';
import { screenshot, signIn, syncedDesk, syncInUi, until } from '../support/synced-desk.ts';

const hub = await startTestHub();
const browser = await launchBrowser();

test('1–4 reject with a reason the website feed carries; x without one', { timeout: 180_000 }, async () => {
  for (const [i, body] of ['Bán sỉ giá rẻ, liên hệ 0987 000 111', 'Giao hàng nhanh', 'Sản phẩm ổn'].entries()) {
    const r = await hub.post(
      '/intake/v1/comments',
      websiteComment(`rr-${i}`, `rr-author-${i}`, { body, postedAt: new Date(Date.now() - (10 - i) * 60_000).toISOString() }),
    );
    assert.equal(r.status, 201);
  }
  const { host, desk } = await syncedDesk(hub, 'rr-A', [['mai', 'operator', ['comment']]]);
  const page = await signIn(browser, host, 'mai');
  await page
    .getByTestId('comment-count')
    .filter({ hasText: /^3 bình luận$/ })
    .waitFor();

  // Newest first: "Sản phẩm ổn" is selected. 4 then z: withdrawn, reason and all.
  await page.keyboard.press('4');
  await page
    .getByTestId('comment-count')
    .filter({ hasText: /^2 bình luận$/ })
    .waitFor();
  await page.keyboard.press('z');
  await page
    .getByTestId('comment-count')
    .filter({ hasText: /^3 bình luận$/ })
    .waitFor();
  const withdrawn = desk.store.db.prepare(`SELECT status, reject_reason FROM comments WHERE body = 'Sản phẩm ổn'`).get();
  assert.deepEqual(withdrawn, { status: 'pending', reject_reason: null });

  await page.keyboard.press('x'); // "Sản phẩm ổn", no reason
  await page.locator('.comment.selected', { hasText: 'Giao hàng nhanh' }).waitFor();
  await page.keyboard.press('j'); // to the advertisement
  await page.locator('.comment.selected', { hasText: 'Bán sỉ giá rẻ' }).waitFor();
  await page.keyboard.press('2');
  await page
    .getByTestId('comment-count')
    .filter({ hasText: /^1 bình luận$/ })
    .waitFor();
  await syncInUi(page);
  let hidden: string[] = [];
  await until('the website feed hides both', async () => {
    hidden = commentChanges(await hub.feed()).flatMap((c) =>
      c.type === 'comment.hide' ? [`${c.comment.ref}:${c.rejectReason ?? 'none'}`] : [],
    );
    return hidden.length === 2;
  });
  assert.deepEqual(hidden.sort(), ['rr-0:advertising', 'rr-2:none']);

  await page.getByRole('tab', { name: /^Đã từ chối/ }).click();
  await page.locator('.comment', { hasText: 'Bán sỉ giá rẻ' }).getByText('Lý do: quảng cáo').waitFor();
  await screenshot(page, 'comment-reject-reason');
});
