/**
 * The whole loop in Chromium, as `npm start` runs it: the website posts to a real hub on loopback, desks
 * enrolled with it sync when the person presses "Đồng bộ ngay", and the person works complaints in the
 * browser host. Covers: a worked and synced complaint opens again (and on a second desk) with each event
 * once; what is open never changes under the person while synced rows arrive; refreshes are not views.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Desk } from '../../main/api/desk.ts';
import { launchBrowser } from '../support/browser.ts';
import { complaint, startTestHub } from '../support/hub.ts';
import { screenshot, signIn, syncedDesk, syncInUi, until } from '../support/synced-desk.ts';

// A hub without SMTP, as `npm start` runs it unless SMTP_URL is set.
const hub = await startTestHub({ mail: null, mailIntervalMs: 100 });
const browser = await launchBrowser();

async function post(ref: string, subject: string, submittedAt: number): Promise<string> {
  const r = await hub.post('/intake/v1/submissions', complaint(ref, { subject, submittedAt: new Date(submittedAt).toISOString() }));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id as string;
}

/** The timeline on screen: each event's id and type, in order. */
const timelineOf = (page: Page) =>
  page
    .locator('.event')
    .evaluateAll((els) => els.map((e) => ({ id: (e as HTMLElement).dataset.eventId!, type: /event-(\w+)/.exec(e.className)![1]! })));

const openRow = async (page: Page, subject: string) => {
  await page.locator('.row', { hasText: subject }).click();
  await page.getByRole('heading', { name: subject }).waitFor();
};

const eventIds = (desk: Desk, submissionId: string) =>
  (desk.store.db.prepare('SELECT id FROM submission_events WHERE submission_id = ? ORDER BY id').all(submissionId) as { id: string }[]).map(
    (r) => r.id,
  );

test(
  'a complaint from the website, worked on desk A and synced, opens again with each event once; desk B sees the same',
  { timeout: 180_000 },
  async () => {
    const a = await syncedDesk(hub, 'A', [['lan', 'operator', ['complaint']]]);
    const b = await syncedDesk(hub, 'B', [['minh', 'operator', ['complaint']]]);
    const page = await signIn(browser, a.host, 'lan');
    await page
      .getByTestId('result-count')
      .filter({ hasText: /^\d+ khiếu nại$/ })
      .waitFor();

    const subject = 'Máy giặt kêu to sau khi lắp';
    const id = await post('loop-1', subject, Date.now());
    await syncInUi(page);
    await openRow(page, subject); // it is in the list after "sync now", without a reload

    await page.getByTestId('status-select').selectOption('open');
    await page.locator('.event', { hasText: '→ Đang xử lý' }).waitFor();
    await page.getByTestId('assignee-select').selectOption({ label: 'Nhân viên lan' });
    await page.locator('.event', { hasText: 'phân công cho Nhân viên lan' }).waitFor();
    await page.getByRole('textbox', { name: 'Ghi chú nội bộ (n)' }).fill('Đã hẹn kỹ thuật viên đến kiểm tra.');
    await page.getByRole('button', { name: 'Thêm ghi chú' }).click();
    await page.locator('.event-body', { hasText: 'Đã hẹn kỹ thuật viên đến kiểm tra.' }).waitFor();
    await page.getByRole('textbox', { name: 'Trả lời khách hàng (r)' }).fill('Chào anh/chị, kỹ thuật viên sẽ đến vào sáng mai.');
    await page.getByRole('button', { name: 'Đưa vào hàng gửi' }).click();
    const delivery = page.locator('.event-reply').getByTestId('delivery');
    await delivery.filter({ hasText: 'chờ đồng bộ lên máy chủ trung tâm' }).waitFor();

    await syncInUi(page);
    await page
      .getByTestId('outbox-count')
      .filter({ hasText: /^0 thay đổi/ })
      .waitFor();
    await until('the hub to mark the reply as waiting for email configuration', async () => {
      const marked = await hub.db.query(`SELECT 1 FROM submission_events WHERE submission_id = $1 AND data @> '{"notConfigured": true}'`, [
        id,
      ]);
      return marked.rows.length === 1;
    });
    await syncInUi(page);
    await delivery.filter({ hasText: 'chưa gửi: máy chủ trung tâm chưa cấu hình email' }).waitFor();

    // The next morning: the app opened again, the complaint opened again.
    await page.reload();
    await openRow(page, subject);
    await page.locator('.event-reply').getByTestId('delivery').filter({ hasText: 'chưa cấu hình email' }).waitFor();
    const onA = await timelineOf(page);
    assert.deepEqual(onA.map((e) => e.type).sort(), ['assignment', 'created', 'note', 'reply', 'status_change']);
    assert.deepEqual(onA.map((e) => e.id).sort(), eventIds(a.desk, id), 'the screen shows each stored event once');
    const onHub = await hub.db.query<{ id: string }>('SELECT id FROM submission_events WHERE submission_id = $1 ORDER BY id', [id]);
    assert.deepEqual(
      onHub.rows.map((r) => r.id),
      eventIds(a.desk, id),
      'the hub holds the same events under the same ids',
    );
    await page.locator('.event', { hasText: 'Nhân viên lan phân công cho Nhân viên lan' }).waitFor(); // as the hub recorded it
    assert.equal(await page.locator('.notice').count(), 0, 'no error was shown');
    await screenshot(page, 'sync-loop-desk-a');

    // Desk B, enrolled on the same hub, after its own sync.
    const pageB = await signIn(browser, b.host, 'minh');
    await syncInUi(pageB);
    await openRow(pageB, subject);
    assert.equal(await pageB.getByTestId('status-select').inputValue(), 'open');
    assert.equal(await pageB.getByTestId('assignee-select').locator('option:checked').textContent(), 'Nhân viên lan');
    await pageB.locator('.event-body', { hasText: 'Đã hẹn kỹ thuật viên đến kiểm tra.' }).waitFor();
    await pageB.locator('.event', { hasText: 'Nhân viên lan phân công cho Nhân viên lan' }).waitFor();
    await pageB.locator('.event-reply').getByTestId('delivery').filter({ hasText: 'chưa cấu hình email' }).waitFor();
    assert.deepEqual(await timelineOf(pageB), onA);
    assert.deepEqual(eventIds(b.desk, id), eventIds(a.desk, id));
  },
);

test('a reply being written stays with its complaint while synced rows arrive above it', { timeout: 180_000 }, async () => {
  const c = await syncedDesk(hub, 'C', [['lan', 'operator', ['complaint']]]);
  const t0 = Date.now();
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) ids.push(await post(`draft-${i}`, `Đơn hàng thiếu phụ kiện ${i}`, t0 - (3 - i) * 60_000));
  await c.desk.sync.syncNow();
  const page = await signIn(browser, c.host, 'lan');

  // A draft belongs to its complaint: it waits there while the person looks at another one.
  await openRow(page, 'Đơn hàng thiếu phụ kiện 1');
  const note = page.getByRole('textbox', { name: 'Ghi chú nội bộ (n)' });
  await note.fill('Kiểm tra lại kho.');
  await openRow(page, 'Đơn hàng thiếu phụ kiện 0');
  assert.equal(await note.inputValue(), '');
  await openRow(page, 'Đơn hàng thiếu phụ kiện 1');
  assert.equal(await note.inputValue(), 'Kiểm tra lại kho.');

  // From here on, every subject the detail pane shows is recorded.
  // (A string, not a function: the test's transpiler would add helpers the page does not have.)
  await page.evaluate(`{
    const shown = (window.shown = new Set());
    const record = () => document.querySelectorAll('.detail-pane .subject').forEach((h) => shown.add(h.textContent));
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
    record();
  }`);
  const reply = page.getByRole('textbox', { name: 'Trả lời khách hàng (r)' });
  await reply.fill('Chúng tôi sẽ gửi bù phụ kiện trong hôm nay.');

  for (let i = 0; i < 4; i++) await post(`arrive-${i}`, `Khiếu nại mới đến ${i}`, t0 + i * 1000);
  await syncInUi(page);
  await page.getByTestId('new-rows').filter({ hasText: '↑ 4 mới' }).waitFor();
  assert.equal(await page.locator('.row[aria-selected="true"] .row-subject').textContent(), 'Đơn hàng thiếu phụ kiện 1');
  await screenshot(page, 'sync-loop-new-rows');

  await reply.press('Control+Enter');
  await page.locator('.event-reply .event-body', { hasText: 'Chúng tôi sẽ gửi bù phụ kiện trong hôm nay.' }).waitFor();
  const landed = c.desk.store.db
    .prepare(
      `SELECT submission_id AS s FROM submission_events WHERE type = 'reply' AND body = 'Chúng tôi sẽ gửi bù phụ kiện trong hôm nay.'`,
    )
    .all();
  assert.deepEqual(landed, [{ s: ids[1] }]);
  const queued = c.desk.store.db.prepare(`SELECT entity_id AS s FROM outbox WHERE mutation = 'submission.reply'`).all();
  assert.deepEqual(queued, [{ s: ids[1] }]);

  // The cue leads up to the new rows; what is open stays open.
  await page.getByTestId('new-rows').click();
  await page.locator('.row-subject', { hasText: 'Khiếu nại mới đến 3' }).waitFor();
  await page.getByTestId('new-rows').waitFor({ state: 'detached' });
  assert.equal(await note.inputValue(), 'Kiểm tra lại kho.', 'the unsent note is still there');
  const shown = await page.evaluate('[...window.shown]');
  assert.deepEqual(shown, ['Đơn hàng thiếu phụ kiện 1'], 'the detail pane never showed another complaint');
});

test('opening a complaint is one view in the audit log; refreshes after changes and syncs are not', { timeout: 180_000 }, async () => {
  const d = await syncedDesk(hub, 'D', [['lan', 'operator', ['complaint']]]);
  // A minute ahead of every complaint the tests before this one posted (some are a few seconds in the
  // future), so these are the top rows and the one posted later arrives above the open one.
  const t0 = Date.now() + 60_000;
  const x = await post('view-x', 'Bảo hành quá hạn dù còn phiếu', t0);
  await post('view-y', 'Giao nhầm màu áo', t0 - 1000);
  const views = (id: string) =>
    (
      d.desk.store.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'submission.view' AND target_id = ?`).get(id) as {
        n: number;
      }
    ).n;
  await d.desk.sync.syncNow();
  const page = await signIn(browser, d.host, 'lan');
  await openRow(page, 'Bảo hành quá hạn dù còn phiếu');
  assert.equal(views(x), 1);

  await page.getByRole('textbox', { name: 'Ghi chú nội bộ (n)' }).fill('Đã xem phiếu bảo hành.');
  await page.keyboard.press('Control+Enter');
  await page.locator('.event-body', { hasText: 'Đã xem phiếu bảo hành.' }).waitFor();
  await page.getByTestId('status-select').selectOption('waiting');
  await page.locator('.event', { hasText: '→ Chờ phản hồi' }).waitFor();
  assert.equal(views(x), 1, 'the re-reads after two changes are not views');
  await post('view-z', 'Hoàn tiền chậm', t0 + 1000);
  await syncInUi(page);
  await page.getByTestId('new-rows').waitFor();
  await syncInUi(page);
  await page
    .getByTestId('outbox-count')
    .filter({ hasText: /^0 thay đổi/ })
    .waitFor();
  assert.equal(views(x), 1, 'nor are the re-reads after two syncs');

  await openRow(page, 'Giao nhầm màu áo');
  await openRow(page, 'Bảo hành quá hạn dù còn phiếu');
  assert.equal(views(x), 2, 'opening it again is a view again');
});
