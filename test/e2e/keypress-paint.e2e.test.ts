/**
 * Keypress to the next item painted, in the browser host at 5,000 complaints: the person opens the newest
 * complaint and walks down the inbox with j, reading each one; for each press, the time from the key's event to
 * the frame after the next complaint's detail is in the page. Printed (p50, p95, max), not asserted: speed is
 * not a test's verdict (the target is p95 ≤ 16 ms). What is asserted is that each press opened the next one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertCustomer } from '../../main/core/domain/customers.ts';
import { insertSubmissions, type NewSubmission } from '../../main/core/domain/submissions.ts';
import { launchBrowser } from '../support/browser.ts';
import { startTestHub } from '../support/hub.ts';
import { signIn, syncedDesk } from '../support/synced-desk.ts';

const ROWS = 5_000;
const PRESSES = 80;
const hub = await startTestHub();
const { desk, host } = await syncedDesk(hub, 'A', [['lan', 'operator', ['complaint']]]);
desk.store.db.transaction(() => {
  const customerId = insertCustomer(desk.store.db, { fullName: 'Trần Văn Nam', createdAt: 0 });
  const t0 = Date.UTC(2026, 10, 1);
  const rows: NewSubmission[] = [];
  for (let i = 0; i < ROWS; i++) {
    rows.push({
      kind: 'complaint',
      customerId,
      subject: `Khiếu nại số ${i}`,
      body: `Đơn hàng DH${100000 + i} giao trễ ${1 + (i % 9)} ngày, hộp bị móp một góc.`,
      createdAt: t0 + i * 60_000,
    });
  }
  insertSubmissions(desk.store.db, rows);
})();
const browser = await launchBrowser();

/** In the page: for each j, the key event's time to the frame after another submission's detail came in. */
const INSTRUMENT = `{
  window.__paints = [];
  const detailId = () => document.querySelector('[data-testid="detail"]')?.getAttribute('data-submission-id') ?? null;
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'j') return;
    const from = detailId();
    const observer = new MutationObserver(() => {
      if (detailId() === from) return;
      observer.disconnect();
      // After the frame that shows it: the next animation frame, then the task after it.
      requestAnimationFrame(() => setTimeout(() => window.__paints.push(performance.now() - e.timeStamp)));
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-submission-id'] });
  }, true);
}`;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

test(`keypress to the next complaint painted, at ${ROWS.toLocaleString('en')} complaints (printed)`, { timeout: 180_000 }, async () => {
  const page = await signIn(browser, host, 'lan');
  await page.getByTestId('result-count').filter({ hasText: '5.000 khiếu nại' }).waitFor();
  await page.keyboard.press('j');
  await page.getByRole('heading', { name: `Khiếu nại số ${ROWS - 1}` }).waitFor();
  await page.evaluate(INSTRUMENT);
  for (let i = 1; i <= PRESSES; i++) {
    await page.keyboard.press('j');
    await page.waitForFunction((n) => (window as unknown as { __paints: number[] }).__paints.length === n, i, { timeout: 10_000 });
    assert.equal(await page.getByTestId('detail').getAttribute('aria-label'), `Khiếu nại số ${ROWS - 1 - i}`);
  }
  const paints = await page.evaluate<number[]>('window.__paints');
  const sorted = [...paints].sort((a, b) => a - b);
  console.log(
    `keypress → next complaint painted, ${ROWS.toLocaleString('en')} complaints, ${PRESSES} presses: ` +
      `p50 ${quantile(sorted, 0.5).toFixed(1)} ms, p95 ${quantile(sorted, 0.95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms (target p95 ≤ 16 ms)`,
  );
  await page.close();
});
