/**
 * My work end to end, in Chromium through the browser host: an operator holding complaints and warranty claims
 * sees at the top of the navigation how many items are assigned to her and not closed, and lists them soonest
 * due first, each with its inbox and the working time left to its target (an overdue one said so and marked); she opens them from the keyboard, each in
 * its own inbox's detail pane, and closes one, which leaves the list and the count. IT has no My work.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { insertCustomer } from '../../main/core/domain/customers.ts';
import { insertSubmission } from '../../main/core/domain/submissions.ts';
import type { SubmissionKind, Status } from '../../common/vocabulary/submissions.ts';
import { startWebHost } from '../../main/web/server.ts';
import { RENDERER_DIR } from '../../main/web/renderer-dir.ts';
import { launchBrowser } from '../support/browser.ts';
import { addStaff, roundTheClock, tempDesk } from '../support/fixtures.ts';
import { screenshot, signIn } from '../support/synced-desk.ts';

const TEST = { timeout: 90_000 };
const HOUR = 3_600_000;
const desk = await tempDesk();
const lan = await addStaff(desk.store, 'lan', 'operator', ['complaint', 'warranty']);
const binh = await addStaff(desk.store, 'binh', 'operator', ['complaint', 'warranty']);
await addStaff(desk.store, 'quantri', 'it_admin');
const customerId = insertCustomer(desk.store.db, { username: 'khach1', fullName: 'Trần Thị Mai', createdAt: Date.now() });
const target = roundTheClock(desk.store);
const now = Date.now();
// Due `dueInHours` from now: sent a day before that, on a clock that counts every hour.
const add = (kind: SubmissionKind, subject: string, assigneeId: string, status: Status, dueInHours: number) =>
  insertSubmission(desk.store.db, {
    kind,
    customerId,
    subject,
    body: `${subject}: chi tiết khách hàng viết.`,
    status,
    assigneeId,
    details: kind === 'warranty' ? { product: 'Máy lọc nước RO 9 lõi', serial: 'RO9-2025-0042', purchaseDate: '2026-08-01' } : {},
    createdAt: now + dueInHours * HOUR - target(kind),
  });
add('complaint', 'Giao thiếu phụ kiện', lan.id, 'new', 3);
add('warranty', 'Máy lọc nước rò rỉ', lan.id, 'open', -2);
add('complaint', 'Hoàn tiền chậm', lan.id, 'open', 1);
add('complaint', 'Đã xong từ tuần trước', lan.id, 'closed', 1);
add('warranty', 'Việc của Bình', binh.id, 'open', 0.5);
const host = await startWebHost({ dispatcher: desk.dispatcher, rendererDir: RENDERER_DIR });
after(() => host.close());
const browser = await launchBrowser();

const subjects = (page: Page) => page.locator('[role=listbox] .row-subject').allTextContents();
const heading = (page: Page, subject: string) => page.getByRole('heading', { level: 2, name: subject, exact: true });

test('My work lists what is assigned to me, soonest due first; a row closed from its pane leaves it', TEST, async () => {
  const page = await signIn(browser, host, 'lan');
  const nav = page.getByRole('navigation', { name: 'main' });
  await page.getByTestId('mine-count').filter({ hasText: /^3$/ }).waitFor();
  assert.deepEqual(await nav.getByRole('button').allTextContents(), [
    'Việc của tôi3',
    'Khiếu nại',
    'Bảo hành',
    'Khách hàng',
    'Danh mục sản phẩm',
  ]);
  await page.getByTestId('nav-mine').click();
  await page.getByTestId('result-count').filter({ hasText: '3 việc chưa xong' }).waitFor();
  assert.deepEqual(await subjects(page), ['Máy lọc nước rò rỉ', 'Hoàn tiền chậm', 'Giao thiếu phụ kiện']);
  assert.deepEqual(await page.getByTestId('row-kind').allTextContents(), ['Bảo hành', 'Khiếu nại', 'Khiếu nại']);
  // Every hour counts on this desk's clock (roundTheClock): two hours over, and under an hour left, as of the read.
  const due = await page.getByTestId('row-clock').allTextContents();
  assert.match(due[0]!, /^⚠Quá hạn 2 giờ( \d+ phút)?· xử lý xong$/);
  assert.match(due[1]!, /^◷Còn \d+ phút· xử lý xong$/);
  assert.equal(await page.getByTestId('row-clock').first().getAttribute('data-state'), 'overdue');

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Phím tắt' });
  assert.deepEqual(await help.locator('kbd').allTextContents(), [
    'j',
    'k',
    'n',
    'r',
    'e',
    'Ctrl+Enter',
    'Ctrl+/',
    'i',
    'b',
    'Ctrl+K',
    '?',
    'Esc',
  ]);
  await help.getByText('Việc tiếp theo').waitFor();
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });

  // Each opens in its own inbox's pane: the claim with its warranty panel, the complaint without.
  await page.keyboard.press('j');
  await heading(page, 'Máy lọc nước rò rỉ').waitFor();
  await page.getByTestId('warranty-panel').waitFor();
  await page.keyboard.press('j');
  await heading(page, 'Hoàn tiền chậm').waitFor();
  assert.equal(await page.getByTestId('warranty-panel').count(), 0);
  await page.getByRole('button', { name: 'Đóng khiếu nại (e)' }).waitFor();
  await screenshot(page, 'my-work');

  await page.keyboard.press('e');
  await page.getByTestId('result-count').filter({ hasText: '2 việc chưa xong' }).waitFor();
  assert.deepEqual(await subjects(page), ['Máy lọc nước rò rỉ', 'Giao thiếu phụ kiện']);
  await page.getByTestId('mine-count').filter({ hasText: /^2$/ }).waitFor();
  assert.equal(await page.getByTestId('status-select').inputValue(), 'closed', 'the closed one stays open in the pane');
  await page.keyboard.press('j');
  await heading(page, 'Giao thiếu phụ kiện').waitFor();
  await page.keyboard.press('k');
  await heading(page, 'Máy lọc nước rò rỉ').waitFor();

  await page.getByRole('button', { name: 'English' }).click();
  await page
    .getByTestId('result-count')
    .filter({ hasText: /^2 items to do$/ })
    .waitFor();
  assert.match((await page.getByTestId('row-clock').first().textContent())!, /^⚠2 h( \d+ min)? overdue· resolution$/);
  await nav.getByRole('button', { name: /^My work/ }).waitFor();
});

test('IT has no My work', TEST, async () => {
  const page = await signIn(browser, host, 'quantri');
  await page.getByRole('heading', { name: 'Đăng ký máy trạm với máy chủ trung tâm' }).waitFor();
  assert.equal(await page.getByTestId('nav-mine').count(), 0);
});
