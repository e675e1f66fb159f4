/**
 * End to end in Chromium at 1440×900, what a Vietnamese reader noticed: the comments heading names the tab
 * shown, spam has a Vietnamese name, `?` lists the keys of the screen in front of the person, years have
 * four digits in both languages, a masked name keeps its marks on its letters, filters are not cut short.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { newId } from '../../common/ids.ts';
import { insertCustomer } from '../../main/core/domain/customers.ts';
import { startWebHost, type WebHost } from '../../main/web/server.ts';
import { RENDERER_DIR } from '../../main/web/renderer-dir.ts';
import { launchBrowser } from '../support/browser.ts';
import { signIn } from '../support/synced-desk.ts';
import { addComplaint, addStaff, tempDesk } from '../support/fixtures.ts';

// Set up once at the top level, so the fixtures' after() hooks run when the whole file is done.
const desk = await tempDesk();
await addStaff(desk.store, 'giamdoc', 'director');
await addStaff(desk.store, 'binh', 'operator', ['comment']);
// The website may send a name decomposed: "Đỗ" as Đ, o, combining circumflex, combining tilde.
addComplaint(desk.store, 'Tủ lạnh không lạnh', 'Tủ lạnh mua tuần trước, ngăn mát không lạnh.', { fullName: 'Đỗ Thị Lan'.normalize('NFD') });
{
  const customerId = insertCustomer(desk.store.db, { username: 'binhluan1', fullName: 'Lê Văn Bình', createdAt: Date.now() });
  const comment = desk.store.db.prepare(
    'INSERT INTO comments (id, customer_id, page_url, body, posted_at, status, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const at = Date.now() - 3_600_000;
  for (const [body, status] of [
    ['Sản phẩm tốt, giao nhanh!', 'pending'],
    ['Cho hỏi còn bảo hành chính hãng không?', 'pending'],
    ['Giá hơi cao so với chỗ khác.', 'pending'],
    ['Shop tư vấn nhiệt tình.', 'approved'],
    ['Bình luận lạc đề.', 'rejected'],
    ['Mua ngay tại http://khuyen-mai.example ưu đãi 90%!!!', 'spam'],
  ] as const) {
    const decided = status !== 'pending';
    comment.run(
      newId(),
      customerId,
      'https://shop.example.vn/p/1',
      body,
      at,
      status,
      decided ? 'Trần Minh Đức' : null,
      decided ? at : null,
    );
  }
}
const host: WebHost = await startWebHost({ dispatcher: desk.dispatcher, rendererDir: RENDERER_DIR });
after(() => host.close());
const browser: Browser = await launchBrowser();
const TEST = { timeout: 60_000 };
const VI_DATE_TIME = /^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/;
const EN_DATE_TIME = /^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}$/;

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name, exact: true });

test('the comments heading names the tab shown, spam has a Vietnamese name, and years have four digits', TEST, async () => {
  const page = await signIn(browser, host, 'binh');
  for (const [tab, title] of [
    ['Đã duyệt', 'Bình luận đã duyệt'],
    ['Đã từ chối', 'Bình luận đã từ chối'],
    ['Nội dung rác', 'Bình luận rác'],
    ['Chờ duyệt', 'Bình luận chờ duyệt'],
  ] as const) {
    await page.getByRole('tab', { name: tab }).click();
    await heading(page, title).waitFor();
  }
  await page.getByTestId('comment-count').filter({ hasText: '3 bình luận' }).waitFor();
  await page.getByRole('button', { name: 'Đánh dấu rác (s)' }).first().waitFor();
  for (const time of await page.locator('.comment time').allTextContents()) assert.match(time, VI_DATE_TIME);

  await page.getByRole('tab', { name: 'Nội dung rác' }).click();
  const decided = page.locator('.comment', { hasText: 'khuyen-mai.example' }).getByText(/^Đã đánh dấu rác bởi Trần Minh Đức lúc /);
  await decided.waitFor();
  assert.match((await decided.textContent())!.replace('Đã đánh dấu rác bởi Trần Minh Đức lúc ', ''), VI_DATE_TIME);
  assert.doesNotMatch(await page.locator('.comments').innerText(), /spam/i);

  await page.getByRole('button', { name: 'English' }).click();
  await heading(page, 'Spam comments').waitFor();
  await page.getByRole('tab', { name: 'Spam' }).waitFor();
  await page
    .getByTestId('comment-count')
    .filter({ hasText: /^1 comment$/ })
    .waitFor();
  const english = page.locator('.comment').getByText(/^Marked as spam by Trần Minh Đức at /);
  assert.match((await english.textContent())!.replace('Marked as spam by Trần Minh Đức at ', ''), EN_DATE_TIME);
});

test('? lists the keys of the screen shown, and the queue does not act on a key while the help is open', TEST, async () => {
  const page = await signIn(browser, host, 'giamdoc');
  const help = page.getByRole('dialog', { name: 'Phím tắt' });
  const keys = () => help.locator('kbd').allTextContents();

  await page.locator('[role=listbox] [role=option]').first().waitFor(); // the complaints inbox
  await page.keyboard.press('?');
  await help.waitFor();
  assert.deepEqual(await keys(), ['j', 'k', 'x', '/', 'n', 'r', 'e', 'Ctrl+Enter', 'Ctrl+/', 'Ctrl+K', '?', 'Esc']);
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });

  await page.getByRole('button', { name: 'Bình luận', exact: true }).click();
  await page.getByTestId('comment-count').filter({ hasText: '3 bình luận' }).waitFor();
  await page.keyboard.press('?');
  await help.waitFor();
  assert.deepEqual(await keys(), ['j', 'k', 'a', 'x', '1–4', 's', 'z', 'Space', 'Shift+A / X / S', 'u', 'Ctrl+K', '?', 'Esc']);
  await help.getByText('Duyệt bình luận đang chọn').waitFor();

  // "a" typed while reading the help approves nothing; "x" after closing it rejects one comment, once.
  await page.keyboard.press('a');
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });
  await page.keyboard.press('x');
  await page.getByTestId('comment-count').filter({ hasText: '2 bình luận' }).waitFor();
  const queued = desk.store.db.prepare(`SELECT payload FROM outbox WHERE mutation = 'comment.moderate'`).all();
  assert.deepEqual(queued, [{ payload: '{"decision":"rejected"}' }]);
});

test('a masked name keeps its marks on its letters: composed, in a face that has them', TEST, async () => {
  const page = await signIn(browser, host, 'giamdoc');
  await page.locator('[role=listbox] [role=option]').first().click();
  const name = page.getByTestId('customer-fullName').locator('.masked');
  await name.waitFor();
  const text = (await name.textContent())!;
  assert.equal(text, 'Đỗ T. L.');
  assert.equal(text, text.normalize('NFC'));
  // Monospace faces on many systems lack ỗ; the name is set in the text face, the phone stays a code.
  const face = (selector: string) => page.locator(selector).evaluate((el) => getComputedStyle(el).fontFamily);
  assert.doesNotMatch(await face('[data-testid=customer-fullName] .masked'), /mono/i);
  assert.match(await face('[data-testid=customer-phone] .masked'), /mono/i);
});

test('at 1440×900 every filter dropdown is at least as wide as its longest choice', TEST, async () => {
  const page = await signIn(browser, host, 'giamdoc');
  await page.locator('[role=listbox] [role=option]').first().waitFor();
  const selects = page.locator('.filter-row select');
  assert.equal(await selects.count(), 4); // status, assignee, tag, sort
  for (const select of await selects.all()) {
    const { shown, needed, label } = await select.evaluate((el) => {
      // A copy outside the row, free to take its natural width: the width its longest option needs.
      const copy = el.cloneNode(true) as HTMLSelectElement;
      copy.style.cssText = 'position: absolute; width: auto; min-width: 0; max-width: none; flex: none;';
      document.body.append(copy);
      const natural = copy.getBoundingClientRect().width;
      copy.remove();
      return { shown: el.getBoundingClientRect().width, needed: natural, label: el.getAttribute('aria-label') };
    });
    assert.ok(shown >= needed - 0.5, `${label}: ${shown}px wide, its longest choice needs ${needed}px`);
  }
});
