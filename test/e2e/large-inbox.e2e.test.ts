/**
 * 100,000 complaints in the inbox: the list stays virtual (a few dozen rows in the DOM), pages load where
 * the person scrolls, and j/k move through it. Speed is measured by `npm run bench`, not here.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { insertCustomer } from '../../main/core/domain/customers.ts';
import { insertSubmission } from '../../main/core/domain/submissions.ts';
import { startWebHost } from '../../main/web/server.ts';
import { RENDERER_DIR } from '../../main/web/renderer-dir.ts';
import { launchBrowser } from '../support/browser.ts';
import { addStaff, PASSWORD, tempDesk } from '../support/fixtures.ts';

const ROWS = 100_000;
const desk = await tempDesk();
await addStaff(desk.store, 'lan', 'operator', ['complaint']);
desk.store.db.transaction(() => {
  const customerId = insertCustomer(desk.store.db, { fullName: 'Trần Văn Nam', createdAt: 0 });
  const t0 = Date.UTC(2026, 0, 1);
  for (let i = 0; i < ROWS; i++) {
    insertSubmission(desk.store.db, {
      kind: 'complaint',
      customerId,
      subject: `Khiếu nại số ${i}`,
      body: 'Giao hàng trễ.',
      createdAt: t0 + i * 1000,
    });
  }
})();
const host = await startWebHost({ dispatcher: desk.dispatcher, rendererDir: RENDERER_DIR });
after(() => host.close());
const browser = await launchBrowser();

test('100,000 rows: the list is virtual, loads pages where it scrolls, and j/k move the selection', async () => {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await page.goto(host.issueLaunchUrl());
  await page.getByLabel('Tên đăng nhập').fill('lan');
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('result-count').filter({ hasText: '100.000 khiếu nại' }).waitFor();
  await page.locator('.row-subject', { hasText: `Khiếu nại số ${ROWS - 1}` }).waitFor();
  const rendered = await page.locator('.row').count();
  assert.ok(rendered > 5 && rendered < 60, `rows in the DOM: ${rendered}`);

  for (let i = 0; i < 3; i++) await page.keyboard.press('j');
  await page.keyboard.press('k');
  await page.locator('#row-1[aria-selected="true"]').waitFor();
  await page.getByRole('heading', { name: `Khiếu nại số ${ROWS - 2}` }).waitFor();

  // Jump to the middle of the list: the rows there are fetched and shown, and the DOM stays small.
  await page.locator('.list').evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  await page
    .locator('.row-subject', { hasText: /Khiếu nại số 5\d{4}$/ })
    .first()
    .waitFor();
  assert.ok((await page.locator('.row').count()) < 60);
  await page.locator('.list').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await page.locator('.row-subject', { hasText: /^Khiếu nại số 0$/ }).waitFor();
});
