/**
 * End to end in Chromium through the browser host, on a desk enrolled with a real hub on loopback: what the
 * website posted reaches the desk by sync, as it does in use. A real store, a real keychain, the built renderer.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { complaint, customer, startTestHub } from '../support/hub.ts';
import { signIn as signInTo, syncedDesk } from '../support/synced-desk.ts';

const XSS = '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2</script>';
// Set up once at the top level, so the fixtures' after() hooks run when the whole file is done.
const hub = await startTestHub();
const { desk, host } = await syncedDesk(hub, 'A', [
  ['lan', 'operator', ['complaint']],
  ['binh', 'operator', ['comment']],
]);
const website = async (path: string, body: unknown) => assert.equal((await hub.post(path, body)).status, 201);
await website(
  '/intake/v1/submissions',
  complaint('k-vo', { subject: 'Điện thoại rơi vỡ màn hình khi giao', body: 'Nhân viên giao hàng làm rơi điện thoại, màn hình vỡ.' }),
);
await website('/intake/v1/submissions', complaint('k-xss', { subject: 'Mã độc trong nội dung onerror', body: XSS }));
for (let i = 0; i < 20; i++)
  await website('/intake/v1/submissions', complaint(`k-tre-${i}`, { subject: `Giao hàng trễ lần ${i}`, body: 'Đơn hàng chưa tới.' }));
for (const [ref, body, postedAt] of [
  ['cm-1', 'Sản phẩm tốt, giao nhanh!', '2026-11-20T09:00:00+07:00'],
  ['cm-2', XSS, '2026-11-20T09:01:00+07:00'],
]) {
  await website('/intake/v1/comments', { ref, customer: customer('binhluan1'), pageUrl: 'https://shop.example.vn/p/1', body, postedAt });
}
await desk.sync.syncNow();
const browser: Browser = await launchBrowser();
const signIn = (username: string): Promise<Page> => signInTo(browser, host, username);

async function search(page: Page, text: string, expected: string) {
  await page.getByTestId('result-count').filter({ hasText: 'khiếu nại' }).waitFor();
  await page.keyboard.press('/');
  await page.keyboard.type(text);
  await page
    .getByTestId('result-count')
    .filter({ hasText: new RegExp(`^${expected}$`) })
    .waitFor();
  await page.keyboard.press('Enter'); // leaves the search box on the first result
}

test('an operator finds a complaint typed without marks, notes it, closes it, and after a reload it is still so', async () => {
  const page = await signIn('lan');
  await page.getByTestId('result-count').filter({ hasText: '22 khiếu nại' }).waitFor();
  await search(page, 'dien thoai roi vo', '1 khiếu nại');
  await page.getByRole('heading', { name: 'Điện thoại rơi vỡ màn hình khi giao' }).waitFor();

  await page.keyboard.press('n');
  await page.keyboard.type('Đã gọi cho khách, sẽ đổi máy mới.');
  await page.keyboard.press('Control+Enter');
  await page.locator('.event-body', { hasText: 'Đã gọi cho khách, sẽ đổi máy mới.' }).waitFor();

  await page.keyboard.press('Escape'); // leave the text box so shortcuts apply
  await page.keyboard.press('e');
  await page.locator('.event', { hasText: '→ Đã đóng' }).waitFor();
  assert.equal(await page.getByTestId('status-select').inputValue(), 'closed');
  await page.getByTestId('outbox-count').filter({ hasText: '2 thay đổi' }).waitFor();

  await page.reload();
  await page.getByTestId('result-count').filter({ hasText: '22 khiếu nại' }).waitFor();
  await search(page, 'dien thoai', '1 khiếu nại');
  await page.getByRole('heading', { name: 'Điện thoại rơi vỡ màn hình khi giao' }).waitFor();
  assert.equal(await page.getByTestId('status-select').inputValue(), 'closed');
  assert.equal(await page.locator('.event-body', { hasText: 'Đã gọi cho khách, sẽ đổi máy mới.' }).count(), 1);
});

test('a status change and an assignment made at once both land: the second waits for the first, nothing is refused', async () => {
  const page = await signIn('lan');
  await search(page, 'giao hang tre lan 7', '1 khiếu nại');
  await page.getByRole('heading', { name: 'Giao hàng trễ lần 7' }).waitFor();
  const lan = await page.getByTestId('assignee-select').locator('option', { hasText: 'Nhân viên lan' }).getAttribute('value');
  // Both chosen in the same moment, so the assignment is made while the status change is still on its way.
  // (A string, not a function: the test's transpiler would add helpers the page does not have.)
  await page.evaluate(`{
    const choose = (testId, value) => {
      const select = document.querySelector('[data-testid="' + testId + '"]');
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    };
    choose('status-select', 'open');
    choose('assignee-select', ${JSON.stringify(lan)});
  }`);
  await page.locator('.event', { hasText: 'phân công cho Nhân viên lan' }).waitFor();
  await page.locator('.event', { hasText: '→ Đang xử lý' }).waitFor();
  assert.equal(await page.getByTestId('status-select').inputValue(), 'open');
  assert.equal(await page.locator('.notice').count(), 0, 'no change was refused as stale');
});

test('a complaint whose body is HTML shows as text and runs nothing', async () => {
  const page = await signIn('lan');
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await search(page, 'onerror', '1 khiếu nại');
  const body = page.getByTestId('submission-body');
  await body.waitFor();
  assert.equal((await body.textContent())?.trim(), XSS);
  assert.equal(await body.locator('img, script').count(), 0);
  // An injected handler would fire as the element is parsed; the body has been in the page since waitFor
  // above. 300 ms more covers an image error event (no network: it fails at once), which is the bound here.
  await page.waitForTimeout(300);
  assert.deepEqual(dialogs, [], 'no dialog opened within 300 ms of the payload being shown');
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
});

test('the customer card is masked until a field is revealed', async () => {
  const page = await signIn('lan');
  await search(page, 'dien thoai', '1 khiếu nại');
  await page.getByTestId('customer-phone').filter({ hasText: '09xx xxx 123' }).waitFor();
  await page.getByRole('button', { name: 'Hiện Điện thoại đầy đủ' }).click();
  await page.getByTestId('customer-phone').filter({ hasText: '0912345123' }).waitFor();
});

test('keyboard: ? lists every shortcut; the interface switches to English', async () => {
  const page = await signIn('lan');
  await page.getByTestId('result-count').filter({ hasText: 'khiếu nại' }).waitFor();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Phím tắt' });
  await dialog.waitFor();
  const keys = await dialog.locator('kbd').allTextContents();
  for (const key of ['j', 'k', '/', 'n', 'r', 'e', '?', 'Esc']) assert.ok(keys.includes(key), key);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByTestId('result-count').filter({ hasText: '22 complaints' }).waitFor();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
});

test('an operator granted only comments moderates them from the keyboard; complaints are refused by the API too', async () => {
  const page = await signIn('binh');
  await page.getByRole('heading', { name: 'Bình luận chờ duyệt' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Khiếu nại' }).count(), 0);
  await page.locator('.comment-body', { hasText: XSS }).waitFor(); // shown as text, like every customer text
  assert.equal(await page.locator('.comment-body img').count(), 0);
  await page.getByTestId('comment-count').filter({ hasText: '2 bình luận' }).waitFor();
  await page.keyboard.press('a');
  await page.getByTestId('comment-count').filter({ hasText: '1 bình luận' }).waitFor();
  await page.getByRole('tab', { name: 'Đã duyệt' }).click();
  await page.locator('.comment', { hasText: 'Đã duyệt bởi Nhân viên binh' }).waitFor();
  const queued = desk.store.db.prepare(`SELECT payload FROM outbox WHERE mutation = 'comment.moderate'`).all();
  assert.deepEqual(queued, [{ payload: '{"decision":"approved"}' }]);
  await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
  await page
    .getByTestId('outbox-count')
    .filter({ hasText: /^0 thay đổi/ })
    .waitFor();
  const onHub = await hub.db.query<{ status: string; decided_by: string }>(
    `SELECT status, decided_by FROM comments WHERE status <> 'pending'`,
  );
  assert.deepEqual(onHub.rows, [{ status: 'approved', decided_by: 'Nhân viên binh' }]);
  const direct = await page.evaluate(() => window.backdesk!.call('complaints.list', {}));
  assert.equal(!direct.ok && direct.error.code, 'forbidden');
});

test('the browser host refuses a wrong token, and a browser without the cookie gets nothing', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const wrong = await page.goto(`${host.origin}/launch?token=${'x'.repeat(43)}`);
  assert.equal(wrong?.status(), 403);
  assert.match((await page.textContent('body')) ?? '', /wrong or has already been used/);
  const home = await page.goto(`${host.origin}/`);
  assert.equal(home?.status(), 401);
  await context.close();
});
