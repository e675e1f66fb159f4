/**
 * A comment turned into a question, in Chromium, on a desk synced with a real hub: the moderator turns it from its
 * card, the card says it will reach its inbox after a sync, and after one opens the question, whose timeline says it
 * was made from the customer's comment on that page; the comment is still in the queue to be decided.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchBrowser } from '../support/browser.ts';
import { startTestHub, websiteComment } from '../support/hub.ts';
import { screenshot, signIn, syncedDesk, syncInUi } from '../support/synced-desk.ts';

const hub = await startTestHub();
const browser = await launchBrowser();

test('turn a comment into a question, sync, open the question from the comment', { timeout: 180_000 }, async () => {
  const posted = await hub.post(
    '/intake/v1/comments',
    websiteComment('tq-1', 'tq-author', { body: 'Máy này còn bảo hành chính hãng không shop?', pageTitle: 'Máy lọc nước RO 9 lõi' }),
  );
  assert.equal(posted.status, 201);
  const { host } = await syncedDesk(hub, 'tq-A', [['hoa', 'operator', ['comment', 'question']]]);
  const page = await signIn(browser, host, 'hoa');
  await page.getByRole('button', { name: 'Bình luận', exact: true }).click();
  const card = page.locator('.comment', { hasText: 'còn bảo hành chính hãng' });
  await card.getByRole('button', { name: 'Câu hỏi', exact: true }).click();
  await page.getByTestId('queue-notice').filter({ hasText: 'Đã chuyển bình luận thành câu hỏi' }).waitFor();
  await card.getByTestId('comment-submission').filter({ hasText: 'sau lần đồng bộ tới' }).waitFor();

  await syncInUi(page);
  const link = card.getByRole('button', { name: 'Đã chuyển thành câu hỏi — mở' });
  await link.waitFor();
  await screenshot(page, 'comment-turned-into-question');
  assert.equal(await page.getByTestId('comment-count').innerText(), '1 bình luận', 'the comment still waits for its decision');

  await link.click();
  const detail = page.locator('[data-testid=detail][data-state=full]');
  await detail.getByText('Hoa tạo từ bình luận của khách trên trang “Máy lọc nước RO 9 lõi”', { exact: false }).waitFor();
  await detail.getByText('Máy này còn bảo hành chính hãng không shop?').first().waitFor();
  await screenshot(page, 'question-from-comment');
});
