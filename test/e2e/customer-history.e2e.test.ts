/**
 * The customer's history on their card, end to end in Chromium through the browser host: an operator holding
 * complaints, warranty claims and comments opens a complaint and sees the customer's submissions, the reply sent
 * on their claim and their comment, newest first, without the question (an inbox she does not hold); "Xem thêm"
 * brings the older ones; from the keyboard she opens the claim named there, in the warranty inbox.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { newId } from '../../common/ids.ts';
import type { SubmissionKind } from '../../common/vocabulary/submissions.ts';
import { insertCustomer } from '../../main/core/domain/customers.ts';
import { insertSubmission } from '../../main/core/domain/submissions.ts';
import { startWebHost } from '../../main/web/server.ts';
import { RENDERER_DIR } from '../../main/web/renderer-dir.ts';
import { launchBrowser } from '../support/browser.ts';
import { addStaff, PASSWORD, tempDesk } from '../support/fixtures.ts';
import { screenshot, signIn } from '../support/synced-desk.ts';

const TEST = { timeout: 90_000 };
const HOUR = 3_600_000;
const desk = await tempDesk();
await addStaff(desk.store, 'lan', 'operator', ['complaint', 'warranty', 'comment']);
const db = desk.store.db;
const customerId = insertCustomer(db, { username: 'mai88', fullName: 'Trần Thị Mai', email: 'mai@gmail.com', createdAt: 0 });
const now = Date.now();
const add = (kind: SubmissionKind, subject: string, hoursAgo: number) =>
  insertSubmission(db, {
    kind,
    customerId,
    subject,
    body: `${subject}.`,
    details: kind === 'warranty' ? { product: 'Máy lọc nước RO 9 lõi', serial: 'RO9-2025-0042', purchaseDate: '2026-08-01' } : {},
    createdAt: now - hoursAgo * HOUR,
  });
for (let i = 1; i <= 9; i++) add('complaint', `Khiếu nại cũ số ${i}`, 20 - i);
add('question', 'Câu hỏi về lõi lọc', 10);
const CLAIM = 'Máy lọc nước rò rỉ';
const claimId = add('warranty', CLAIM, 5);
db.prepare('INSERT INTO comments (id, customer_id, page_url, body, posted_at, status) VALUES (?, ?, ?, ?, ?, ?)').run(
  newId(),
  customerId,
  'https://shop.example.vn/p/loc-nuoc',
  'Máy chạy êm, nước ngon.',
  now - 3 * HOUR,
  'approved',
);
const OPEN = 'Giao thiếu phụ kiện';
add('complaint', OPEN, 2);
{
  const call = (m: string, i: unknown) => desk.dispatcher.call('setup', m, i);
  assert.ok((await call('auth.signIn', { username: 'lan', password: PASSWORD })).ok);
  assert.ok((await call('warrantyClaims.queueReply', { id: claimId, body: 'Chúng tôi sẽ kiểm tra máy trong 3 ngày.' })).ok);
  await call('auth.signOut', {});
}
const host = await startWebHost({ dispatcher: desk.dispatcher, rendererDir: RENDERER_DIR });
after(() => host.close());
const browser = await launchBrowser();

const history = (page: Page) => page.getByRole('region', { name: 'Lịch sử khách hàng' });
const items = (page: Page) => history(page).getByTestId('history-item');

test('the card lists the customer’s history newest first, pages on, and opens a claim in its own inbox', TEST, async () => {
  const page = await signIn(browser, host, 'lan');
  await page.locator('.row', { hasText: OPEN }).click();
  await page.getByRole('heading', { name: OPEN }).waitFor();
  await history(page).getByRole('button', { name: 'Xem thêm' }).waitFor();
  const texts = await items(page).allTextContents();
  assert.equal(texts.length, 10);
  assert.match(texts[0]!, /^Bảo hànhTrả lời.*Chúng tôi sẽ kiểm tra máy trong 3 ngày\.của Nhân viên lan · về Máy lọc nước rò rỉ$/);
  assert.match(texts[1]!, /^Khiếu nạiMới.*Giao thiếu phụ kiện \(đang xem\)$/);
  assert.match(texts[2]!, /^Bình luậnĐã duyệt.*Máy chạy êm, nước ngon\.https:\/\/shop\.example\.vn\/p\/loc-nuoc$/);
  assert.match(texts[3]!, /^Bảo hànhMới.*Máy lọc nước rò rỉ$/);
  assert.deepEqual(
    texts.slice(4).map((t) => t.replace(/^.*\d{4}/, '')),
    [9, 8, 7, 6, 5, 4].map((i) => `Khiếu nại cũ số ${i}`),
  );
  assert.ok(!texts.some((t) => t.includes('Câu hỏi')), 'a question is in an inbox she does not hold');
  await screenshot(page, 'customer-history');

  // "Xem thêm" from the keyboard brings the older ones, and there are no more.
  await history(page).getByRole('button', { name: 'Xem thêm' }).focus();
  await page.keyboard.press('Enter');
  await items(page).nth(12).waitFor();
  assert.equal(await items(page).count(), 13);
  assert.match((await items(page).last().textContent())!, /Khiếu nại cũ số 1$/);
  assert.equal(await history(page).getByRole('button', { name: 'Xem thêm' }).count(), 0);

  // The claim named in the history opens in the warranty inbox.
  await history(page).getByRole('button', { name: CLAIM }).first().focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: CLAIM }).waitFor();
  await page.getByTestId('warranty-panel').waitFor();
  const nav = page.getByRole('navigation', { name: 'main' });
  assert.equal(await nav.getByRole('button', { name: 'Bảo hành', exact: true }).getAttribute('aria-current'), 'true');
  // Read again for the claim: it is the one open now, in its own item and in its reply's.
  await items(page)
    .nth(3)
    .filter({ hasText: /Máy lọc nước rò rỉ \(đang xem\)$/ })
    .waitFor();
  assert.match((await items(page).first().textContent())!, /về Máy lọc nước rò rỉ \(đang xem\)$/);
  await screenshot(page, 'customer-history-opened');
});
