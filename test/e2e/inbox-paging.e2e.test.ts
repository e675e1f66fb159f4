/**
 * The inbox's pages in Chromium, on a desk of 3,000 complaints: scrolled down, the list loads page after page
 * to the last row and shows each row once, in order, even when complaints arrive between pages (each page
 * goes on from the last row's key); j steps on past the rows loaded; a search with more than 1,000 hits says
 * "more than 1,000", a rarer one its exact count; and search results come in time order whatever sort the
 * person had chosen, with a hint, their sort coming back when the search is cleared.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { insertCustomer } from '../../main/core/domain/customers.ts';
import { insertSubmissions, type NewSubmission } from '../../main/core/domain/submissions.ts';
import { startWebHost, type WebHost } from '../../main/web/server.ts';
import { RENDERER_DIR } from '../../main/web/renderer-dir.ts';
import { launchBrowser } from '../support/browser.ts';
import { addStaff, tempDesk } from '../support/fixtures.ts';
import { screenshot, signIn } from '../support/synced-desk.ts';
import { READ_AND_SCROLL, scrollToRow, viewLoaded } from './inbox-list.ts';

const ROWS = 3000;
/** The complaints about a fridge: every 400th, 8 in all; the oldest of them is the only urgent complaint. */
const FRIDGE = [7, 407, 807, 1207, 1607, 2007, 2407, 2807];
const subject = (i: number) => `Khiếu nại số ${i}`;

// Set up once at the top level, so the fixtures' after() hooks run when the whole file is done.
const desk = await tempDesk();
await addStaff(desk.store, 'lan', 'operator', ['complaint']);
const customerId = insertCustomer(desk.store.db, { fullName: 'Trần Văn Nam', createdAt: 0 });
const t0 = Date.UTC(2026, 0, 1);
const rows: NewSubmission[] = [];
for (let i = 0; i < ROWS; i++) {
  const fridge = FRIDGE.includes(i);
  rows.push({
    kind: 'complaint',
    customerId,
    subject: subject(i),
    body: fridge ? 'Tủ lạnh không lạnh.' : 'Giao hàng trễ.',
    priority: i === 7 ? 'urgent' : 'normal',
    createdAt: t0 + i * 60_000,
  });
}
desk.store.db.transaction(() => insertSubmissions(desk.store.db, rows))();
const host: WebHost = await startWebHost({ dispatcher: desk.dispatcher, rendererDir: RENDERER_DIR });
after(() => host.close());
const browser: Browser = await launchBrowser();
const TEST = { timeout: 120_000 };

const count = (page: Page, text: string) =>
  page
    .getByTestId('result-count')
    .filter({ hasText: new RegExp(`^${text}$`) })
    .waitFor();

async function search(page: Page, text: string, label = 'Tìm kiếm khiếu nại') {
  await page.getByLabel(label).fill(text);
}

test(
  'scrolled down, the list loads page after page to the last row, each row once and in order, as rows arrive meanwhile',
  TEST,
  async () => {
    const page = await signIn(browser, host, 'lan');
    await count(page, '3.000 khiếu nại');
    const seen: string[] = [];
    let arrived = false;
    const deadline = Date.now() + 100_000;
    for (;;) {
      assert.ok(Date.now() < deadline, `the end of the list within 100 s (${seen.length} rows seen)`);
      await viewLoaded(page);
      const { rows: shown, end } = await page.evaluate<{ rows: [number, string][]; end: boolean }>(READ_AND_SCROLL);
      for (const [i, s] of shown) {
        if (seen[i] !== undefined) assert.equal(s, seen[i], `row ${i} is the same row each time it is shown`);
        seen[i] = s;
      }
      if (end) break;
      // Five complaints arrive while the person is on the third page: they are newer than every row, so a page
      // counted from the top would show five rows again; pages going on from the last row's key do not.
      if (!arrived && seen.length > 250) {
        arrived = true;
        const now = Date.now();
        insertSubmissions(
          desk.store.db,
          [0, 1, 2, 3, 4].map((n) => ({
            kind: 'complaint',
            customerId,
            subject: `Vừa đến ${n}`,
            body: 'Giao hàng trễ.',
            createdAt: now + n,
          })),
        );
      }
    }
    assert.ok(arrived);
    assert.equal(seen.length, ROWS, 'every row was shown');
    const expected = Array.from({ length: ROWS }, (_, i) => subject(ROWS - 1 - i));
    assert.deepEqual(seen, expected, 'newest first, each row once, none skipped');
    // The count is the first page's: the list does not change its count as the person scrolls.
    await count(page, '3.000 khiếu nại');
    assert.equal(await page.locator('.row', { hasText: 'Đang tải…' }).count(), 0, 'no row is left loading at the end');
  },
);

test('j steps on past the rows loaded, into the next page', TEST, async () => {
  const page = await signIn(browser, host, 'lan');
  await count(page, /\d\.\d{3} khiếu nại/.source);
  await scrollToRow(page, 97);
  // The first complaints are the five that arrived in the test above.
  const first = await page.locator('#row-97 .row-subject').textContent();
  await page.locator('#row-97').click();
  await page.getByRole('heading', { name: first!, exact: true }).waitFor();
  for (let i = 98; i <= 103; i++) {
    await page.keyboard.press('j');
    await page.locator(`#row-${i}[aria-selected="true"]`).waitFor();
  }
  const at103 = await page.locator('#row-103 .row-subject').textContent();
  await page.getByRole('heading', { name: at103!, exact: true }).waitFor();
  await page.keyboard.press('k');
  await page.locator('#row-102[aria-selected="true"]').waitFor();
});

test('a search with more than 1,000 hits says so; a rare word has its exact count, in both languages', TEST, async () => {
  const page = await signIn(browser, host, 'lan');
  await count(page, /\d\.\d{3} khiếu nại/.source);
  await search(page, 'giao hang');
  await count(page, 'Hơn 1.000 khiếu nại');
  await search(page, 'tu lanh');
  await count(page, '8 khiếu nại');
  await page.locator('#row-0 .row-subject', { hasText: subject(2807) }).waitFor();
  await search(page, 'giao hang tre');
  await count(page, 'Hơn 1.000 khiếu nại');
  await page.getByRole('button', { name: 'English' }).click();
  await count(page, 'More than 1,000 complaints');
  await screenshot(page, 'inbox-search-more-than');
  await search(page, 'tu lanh', 'Search complaints');
  await count(page, '8 complaints');
});

test('searching with the priority sort chosen: results newest first with a hint, and the priority sort back after', TEST, async () => {
  const page = await signIn(browser, host, 'lan');
  const sort = page.getByLabel('Sắp xếp');
  const hint = page.getByTestId('sort-hint');
  await count(page, /\d\.\d{3} khiếu nại/.source);
  await sort.selectOption('priority');
  await page.locator('#row-0 .row-subject', { hasText: new RegExp(`^${subject(7)}$`) }).waitFor(); // the one urgent complaint
  assert.equal(await hint.count(), 0, 'no hint without a search');

  await search(page, 'tu lanh');
  await count(page, '8 khiếu nại');
  await hint.filter({ hasText: 'Kết quả tìm kiếm xếp theo thời gian' }).waitFor();
  assert.equal(await sort.inputValue(), 'newest');
  assert.deepEqual(await sort.locator('option').allTextContents(), ['Mới nhất', 'Cũ nhất']);
  await page.locator('#row-7 .row-subject').waitFor();
  const shown = await page.locator('.row-subject').allTextContents();
  assert.deepEqual(shown, [...FRIDGE].reverse().map(subject), 'newest first, the urgent one last');
  assert.equal(await page.locator('.notice').count(), 0, 'nothing was refused');
  await screenshot(page, 'inbox-search-in-time-order');

  await search(page, '');
  await count(page, /\d\.\d{3} khiếu nại/.source);
  await hint.waitFor({ state: 'detached' });
  assert.equal(await sort.inputValue(), 'priority');
  assert.equal(await sort.locator('option').count(), 4);
  await page.locator('#row-0 .row-subject', { hasText: new RegExp(`^${subject(7)}$`) }).waitFor();
});
