/**
 * 100,000 complaints in the inbox: the list stays virtual (a few dozen rows in the DOM), pages load as the
 * person scrolls down, and j/k move through it; rows that sync in while the person reads further down leave
 * the view where it was, and scrolling on afterwards goes on loading. Speed is measured by `npm run bench`,
 * not here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertCustomer } from '../../main/core/domain/customers.ts';
import { insertSubmissions, type NewSubmission } from '../../main/core/domain/submissions.ts';
import { launchBrowser } from '../support/browser.ts';
import { complaint, startTestHub } from '../support/hub.ts';
import { signIn, syncedDesk, syncInUi } from '../support/synced-desk.ts';
import { scrollToRow, TOP_ROW } from './inbox-list.ts';

const ROWS = 100_000;
const hub = await startTestHub();
// The rows are written straight into the store (the hub is for the rows that sync in during the test).
const { desk, host } = await syncedDesk(hub, 'A', [['lan', 'operator', ['complaint']]]);
desk.store.db.transaction(() => {
  const customerId = insertCustomer(desk.store.db, { fullName: 'Trần Văn Nam', createdAt: 0 });
  const t0 = Date.UTC(2026, 0, 1);
  const rows: NewSubmission[] = [];
  for (let i = 0; i < ROWS; i++) {
    rows.push({ kind: 'complaint', customerId, subject: `Khiếu nại số ${i}`, body: 'Giao hàng trễ.', createdAt: t0 + i * 1000 });
  }
  insertSubmissions(desk.store.db, rows);
})();
const browser = await launchBrowser();

test(
  '100,000 rows: the list is virtual, loads pages as it scrolls, j/k move the selection, and rows synced in leave the view in place',
  { timeout: 120_000 },
  async () => {
    const page = await signIn(browser, host, 'lan');
    await page.getByTestId('result-count').filter({ hasText: '100.000 khiếu nại' }).waitFor();
    await page.locator('.row-subject', { hasText: `Khiếu nại số ${ROWS - 1}` }).waitFor();
    const rendered = await page.locator('.row').count();
    assert.ok(rendered > 5 && rendered < 60, `rows in the DOM: ${rendered}`);

    for (let i = 0; i < 3; i++) await page.keyboard.press('j');
    await page.keyboard.press('k');
    await page.locator('#row-1[aria-selected="true"]').waitFor();
    await page.getByRole('heading', { name: `Khiếu nại số ${ROWS - 2}` }).waitFor();

    // Down to row 600: page after page is fetched as the list nears the end of those loaded, and the DOM stays small.
    await scrollToRow(page, 600);
    await page.locator('#row-600 .row-subject', { hasText: `Khiếu nại số ${ROWS - 601}` }).waitFor();
    assert.ok((await page.locator('.row').count()) < 60);

    // Three complaints sync in at the top while the person reads further down: what they read stays put.
    const reading = await page.evaluate(TOP_ROW);
    for (let i = 0; i < 3; i++) {
      const posted = await hub.post(
        '/intake/v1/submissions',
        complaint(`new-${i}`, { subject: `Mới đồng bộ ${i}`, submittedAt: new Date().toISOString() }),
      );
      assert.equal(posted.status, 201);
    }
    await syncInUi(page);
    await page.getByTestId('result-count').filter({ hasText: '100.003 khiếu nại' }).waitFor();
    await page.getByTestId('new-rows').filter({ hasText: '↑ 3 mới' }).waitFor();
    assert.equal(await page.evaluate(TOP_ROW), reading, 'the row at the top of the view is the same');
    await page.getByTestId('new-rows').click();
    await page.locator('.row-subject', { hasText: 'Mới đồng bộ' }).first().waitFor();
    await page.getByRole('heading', { name: `Khiếu nại số ${ROWS - 2}` }).waitFor(); // still open

    // The refresh re-read every row loaded, from the top: scrolling on loads the pages after them.
    await scrollToRow(page, 1203);
    await page.locator('#row-1203 .row-subject', { hasText: `Khiếu nại số ${ROWS - 1201}` }).waitFor();
  },
);
