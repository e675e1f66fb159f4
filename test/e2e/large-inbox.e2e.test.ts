/**
 * 100,000 complaints in the inbox: the list stays virtual (a few dozen rows in the DOM), pages load where
 * the person scrolls, and j/k move through it; rows that sync in while the person reads the middle of the
 * list leave the view where it was. Speed is measured by `npm run bench`, not here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertCustomer } from '../../main/core/domain/customers.ts';
import { insertSubmission } from '../../main/core/domain/submissions.ts';
import { launchBrowser } from '../support/browser.ts';
import { complaint, startTestHub } from '../support/hub.ts';
import { signIn, syncedDesk, syncInUi } from '../support/synced-desk.ts';

const ROWS = 100_000;
const hub = await startTestHub();
// The rows are written straight into the store (the hub is for the rows that sync in during the test).
const { desk, host } = await syncedDesk(hub, 'A', [['lan', 'operator', ['complaint']]]);
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
const browser = await launchBrowser();

test(
  '100,000 rows: the list is virtual, loads pages where it scrolls, j/k move the selection, and rows synced in leave the view in place',
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

    // Jump to the middle of the list: the rows there are fetched and shown, and the DOM stays small.
    await page.locator('.list').evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await page
      .locator('.row-subject', { hasText: /Khiếu nại số 5\d{4}$/ })
      .first()
      .waitFor();
    assert.ok((await page.locator('.row').count()) < 60);

    // Three complaints sync in at the top while the person reads the middle: what they read stays put.
    // (A string, not a function: the test's transpiler would add helpers the page does not have.)
    const topRow = `{
    const list = document.querySelector('.list').getBoundingClientRect();
    document.elementFromPoint(list.left + 40, list.top + 30).closest('.row').querySelector('.row-subject').textContent;
  }`;
    const reading = await page.evaluate(topRow);
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
    assert.equal(await page.evaluate(topRow), reading, 'the row at the top of the view is the same');
    await page.getByTestId('new-rows').click();
    await page.locator('.row-subject', { hasText: 'Mới đồng bộ' }).first().waitFor();
    await page.getByRole('heading', { name: `Khiếu nại số ${ROWS - 2}` }).waitFor(); // still open

    await page.locator('.list').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.locator('.row-subject', { hasText: /^Khiếu nại số 0$/ }).waitFor();
  },
);
