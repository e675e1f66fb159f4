/**
 * An author's standing and the word lists, in Chromium, on desks synced with a real hub: a moderator opens the
 * author panel (`u`), writes a note, bans the author with a reason and rejects everything of theirs pending after
 * the count is confirmed; the hub rejects as well the comment no desk had pulled, and the website feed says the
 * author is banned and hides each comment. A director adds a banned word from the lists beside the queue; the next
 * comment with it, written without its marks, is marked banned at the hub and on the desk.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CommentMarker } from '../../common/moderation/markers.ts';
import { launchBrowser } from '../support/browser.ts';
import { startTestHub, websiteComment } from '../support/hub.ts';
import { screenshot, signIn, syncedDesk, syncInUi, until } from '../support/synced-desk.ts';

const hub = await startTestHub();
const browser = await launchBrowser();

async function post(ref: string, author: string, body: string, minutesAgo: number): Promise<string> {
  const r = await hub.post(
    '/intake/v1/comments',
    websiteComment(ref, author, { body, postedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString() }),
  );
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}

const count = (n: number) => new RegExp(`^${n} bình luận$`);

test('ban and reject everything pending from the author panel reaches the hub and the website feed', { timeout: 180_000 }, async () => {
  await post('ca-other', 'ca-lan', 'Sản phẩm dùng tốt, giao nhanh', 60);
  for (const [i, minutes] of [30, 20, 10].entries()) await post(`ca-${i}`, 'ca-spam', `Mua sỉ giá tốt liên hệ ngay số ${i}`, minutes);
  const { host } = await syncedDesk(hub, 'ca-A', [['ngoc', 'operator', ['comment']]]);
  const unseen = await post('ca-unseen', 'ca-spam', 'Mua sỉ giá tốt, bài này desk chưa nhận', 5);
  const page = await signIn(browser, host, 'ngoc');
  await page
    .getByTestId('comment-count')
    .filter({ hasText: count(4) })
    .waitFor();

  // The newest is the spammer's and is selected; u opens its author.
  await page.keyboard.press('u');
  const panel = page.getByTestId('author-panel');
  await panel.getByText('Chưa có ghi chú nào.').waitFor();
  await panel.getByTestId('author-note').fill('Đăng quảng cáo bán sỉ nhiều lần');
  await panel.getByTestId('author-note').press('Enter');
  await panel.getByTestId('author-notes').filter({ hasText: 'Đăng quảng cáo bán sỉ nhiều lần' }).waitFor();
  await panel.getByTestId('ban-reason').fill('Quảng cáo');
  await panel.getByRole('button', { name: 'Cấm và từ chối 3 bình luận đang chờ' }).click();
  await panel.getByRole('alertdialog').filter({ hasText: 'Cấm user_ca-spam và từ chối tất cả 3 bình luận đang chờ' }).waitFor();
  await screenshot(page, 'comment-author-ban-ask');
  await page.keyboard.press('Enter');
  await page
    .getByTestId('comment-count')
    .filter({ hasText: count(1) })
    .waitFor();
  await page.getByTestId('queue-notice').filter({ hasText: 'Đã cấm tác giả và từ chối 3 bình luận' }).waitFor();
  await panel.getByTestId('author-banned').filter({ hasText: 'Bị cấm bình luận: Quảng cáo (cập nhật lần cuối bởi' }).waitFor();
  await screenshot(page, 'comment-author-banned');

  const cursor = (await hub.feed('?limit=1000')).cursor;
  await syncInUi(page);
  let told: string[] = [];
  await until('the website feed says the author is banned and hides their comments', async () => {
    told = (await hub.feed(`?cursor=${cursor}&limit=1000`)).changes.map((c) =>
      'author' in c ? `${c.type} ${c.author.ref}` : 'comment' in c ? `${c.type} ${c.comment.ref}` : c.type,
    );
    return told.length >= 5;
  });
  assert.deepEqual(told, ['author.ban ca-spam', 'comment.hide ca-0', 'comment.hide ca-1', 'comment.hide ca-2', 'comment.hide ca-unseen']);
  const onHub = await hub.db.query<{ status: string }>('SELECT status FROM comments WHERE id = $1', [unseen]);
  assert.equal(onHub.rows[0]!.status, 'rejected', 'the comment no desk had pulled is rejected at the hub too');
  // The sync brought the unseen one in as the hub rejected it: four rejected, the other author's still waiting.
  await page.getByRole('tab', { name: /^Đã từ chối \(4\)$/ }).waitFor();
  await page
    .getByTestId('comment-count')
    .filter({ hasText: count(1) })
    .waitFor();
});

test(
  'a director adds a banned word from the lists beside the queue; the next comment with it is marked',
  { timeout: 180_000 },
  async () => {
    const { host } = await syncedDesk(hub, 'ca-B', [['giamdoc_ca', 'director', []]]);
    const page = await signIn(browser, host, 'giamdoc_ca');
    await page.getByRole('button', { name: 'Bình luận', exact: true }).click();
    await page.getByRole('button', { name: 'Danh sách từ' }).click();
    const lists = page.getByTestId('word-lists');
    await lists.getByTestId('words-suspect').filter({ hasText: 'giá rẻ' }).waitFor();
    await lists.getByTestId('word-new').fill('Hàng giả');
    await lists.getByTestId('word-new').press('Enter');
    await lists.getByTestId('words-banned').filter({ hasText: 'Hàng giả' }).waitFor();
    await screenshot(page, 'comment-word-lists');
    await syncInUi(page);
    await until(
      'the hub holds the word',
      async () => (await hub.db.query(`SELECT 1 FROM moderation_words WHERE word_key = 'hang gia'`)).rows.length === 1,
    );

    const id = await post('ca-fake', 'ca-buyer', 'Coi chừng HANG GIA nha mọi người', 1);
    const markers = (await hub.db.query<{ markers: CommentMarker[] }>('SELECT markers FROM comments WHERE id = $1', [id])).rows[0]!.markers;
    assert.deepEqual(markers[0], { reason: 'banned_words', words: ['Hàng giả'] });
    await syncInUi(page);
    // It arrives held above the queue, as new comments do, until shown.
    await page.getByTestId('new-comments').click();
    const card = page.locator('.comment', { hasText: 'Coi chừng HANG GIA' });
    await card.locator('[data-testid=comment-markers] li').filter({ hasText: 'Từ cấm: Hàng giả' }).waitFor();
    assert.deepEqual(await card.locator('mark.word.banned').allInnerTexts(), ['HANG GIA']);
  },
);
