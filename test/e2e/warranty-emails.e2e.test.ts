/**
 * The emails warranty claimants get, end to end, in Chromium through the browser host, on desks enrolled with a
 * real hub on loopback that sends its mail to a real SMTP listener: a director opens "Email gửi khách bảo hành" on
 * desk A, words the "received" email with the keyboard (the placeholders listed, the preview filled from a sample
 * claim by the shared render, a typo and a placeholder this email has nothing for pointed out, an empty subject
 * refused), saves it through a stale version (the wording in force read again and shown, what was typed kept) and
 * syncs; the hub holds the new wording. A claim the website posts next is emailed in it, and on desk B an operator
 * (who has no such screen) sees the email on the claim's timeline in words, sent, with its text folded away — in
 * Vietnamese and in English.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { claimReference, DEFAULT_TEMPLATES } from '../../common/warranty/notices.ts';
import { launchBrowser } from '../support/browser.ts';
import { customer, startTestHub, warranty } from '../support/hub.ts';
import { startSmtpListener } from '../support/smtp.ts';
import { screenshot, signIn, syncedDesk, syncInUi } from '../support/synced-desk.ts';
import { waitFor } from '../support/wait.ts';
import { go, post, syncAll } from './desk-actions.ts';

const TEST = { timeout: 180_000 };
const smtp = await startSmtpListener();
// The hub sends as it serves: its own mail delivery, a round every 200 ms.
const hub = await startTestHub({ mail: { url: smtp.url, from: 'Bảo hành <baohanh@example.vn>' }, mailIntervalMs: 200 });
const browser = await launchBrowser();
const a = await syncedDesk(hub, 'A', [['giamdoc', 'director', []]]);
const b = await syncedDesk(hub, 'B', [['lan', 'operator', ['warranty']]]);

const SUBJECT = 'Cửa hàng đã nhận yêu cầu {{ma_yeu_cau}} của {{xung_ho}} {{ten_khach}}';
const BODY = [
  '{{xung_ho}} {{ten_khach}} thân mến,',
  '',
  'Cửa hàng đã nhận yêu cầu bảo hành máy {{san_pham}} (số serial {{so_serial}}). Kỹ thuật viên sẽ gọi cho {{xung_ho}} trong vòng 24 giờ làm việc.',
  '',
  'Bộ phận Bảo hành',
].join('\n');
const CLAIM = 'Máy lọc nước rò nước ở đáy máy';

const EDIT = 'Sửa email “Đã nhận yêu cầu bảo hành”';
const form = (page: Page) => page.getByRole('form', { name: EDIT });
const editButton = (page: Page) => page.getByRole('button', { name: EDIT });
const rows = (page: Page) =>
  page.getByTestId('notice-row').evaluateAll((trs) => trs.map((tr) => [tr.children[0]!.textContent, tr.children[3]!.textContent]));
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id);

test('a director words the received email with its preview and placeholders, through a stale save', TEST, async () => {
  const page = await signIn(browser, a.host, 'giamdoc');
  await go(page, 'Email gửi khách bảo hành');
  await page.getByTestId('notice-row').first().waitFor();
  assert.deepEqual(await rows(page), [
    ['Đã nhận yêu cầu bảo hành', 'Mặc định'],
    ['Chấp nhận bảo hành', 'Mặc định'],
    ['Từ chối bảo hành', 'Mặc định'],
    ['Sản phẩm sẵn sàng trả khách', 'Mặc định'],
    ['Đã gửi trả sản phẩm', 'Mặc định'],
  ]);

  // Keyboard: Enter on "Sửa" opens the form on the subject; Escape closes it and gives the focus back.
  await editButton(page).focus();
  await page.keyboard.press('Enter');
  await form(page).waitFor();
  const subject = form(page).getByLabel('Tiêu đề');
  const body = form(page).getByLabel('Nội dung', { exact: true });
  assert.equal(await focused(page), 'notice-subject');
  assert.equal(await subject.inputValue(), DEFAULT_TEMPLATES.warranty_received.subject);
  assert.equal(await body.inputValue(), DEFAULT_TEMPLATES.warranty_received.body);
  assert.equal(await form(page).getByTestId('preview-subject').textContent(), 'Đã nhận yêu cầu bảo hành BH-2C41B7D9');
  const placeholders = await form(page)
    .getByTestId('placeholders')
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [tr.children[0]!.textContent, tr.children[2]!.textContent]));
  assert.deepEqual(placeholders, [
    ['{{xung_ho}}', 'Anh'],
    ['{{ten_khach}}', 'Nguyễn Văn An'],
    ['{{ma_yeu_cau}}', 'BH-2C41B7D9'],
    ['{{san_pham}}', 'Máy lọc nước RO 9 lõi'],
    ['{{so_serial}}', 'RO9-2025-0042'],
    ['{{ly_do}}', '—'],
    ['{{ma_van_don}}', '—'],
  ]);
  await page.keyboard.press('Escape');
  await form(page).waitFor({ state: 'detached' });
  assert.equal(await focused(page), EDIT);
  await page.keyboard.press('Enter');
  await form(page).waitFor();

  // An empty subject is refused in words; a typo and a placeholder the received email has nothing for are pointed out.
  await subject.fill('   ');
  await subject.press('Enter');
  await form(page).getByTestId('problem-subject').filter({ hasText: 'Không được để trống.' }).waitFor();
  assert.equal(await focused(page), 'notice-subject');
  await subject.fill(SUBJECT);
  await body.fill(`${BODY}\n{{ten_khah}} {{ly_do}}`);
  await form(page)
    .getByTestId('notice-unknown')
    .filter({ hasText: 'Không có chỗ điền này, khách sẽ nhận nguyên văn: {{ten_khah}}' })
    .waitFor();
  await form(page)
    .getByTestId('notice-unavailable')
    .filter({ hasText: 'Email này không có thông tin cho {{ly_do}}; khách sẽ thấy dấu —.' })
    .waitFor();
  assert.match((await form(page).getByTestId('preview-body').textContent())!, /\n\{\{ten_khah\}\} —$/);
  await screenshot(page, 'warranty-emails-warnings');
  await body.fill(BODY);
  await form(page).getByTestId('notice-unknown').waitFor({ state: 'detached' });
  assert.equal(await form(page).getByTestId('notice-unavailable').count(), 0);
  assert.equal(await form(page).getByTestId('preview-subject').textContent(), 'Cửa hàng đã nhận yêu cầu BH-2C41B7D9 của Anh Nguyễn Văn An');
  assert.equal(
    await form(page).getByTestId('preview-body').textContent(),
    BODY.replaceAll('{{xung_ho}}', 'Anh')
      .replace('{{ten_khach}}', 'Nguyễn Văn An')
      .replace('{{san_pham}}', 'Máy lọc nước RO 9 lõi')
      .replace('{{so_serial}}', 'RO9-2025-0042'),
  );
  await screenshot(page, 'warranty-emails-editor');

  // Someone else words it meanwhile: the save is stale, the wording in force is shown, what was typed is kept.
  // A string, not a function: the test's transpiler would add helpers the page does not have.
  const other: any = await page.evaluate(`window.backdesk.call('notices.saveTemplate', {
    notice: 'warranty_received', version: null,
    template: { subject: 'Đã nhận yêu cầu {{ma_yeu_cau}}', body: 'Nội dung do người khác viết.' } })`);
  assert.equal(other.ok, true, JSON.stringify(other));
  await body.press('Enter'); // Enter saves from the text too (Shift+Enter starts a new line)
  await form(page).getByRole('alert').filter({ hasText: 'Email này vừa được sửa ở nơi khác' }).waitFor();
  const current = form(page).getByTestId('notice-current');
  assert.equal(await current.getByTestId('current-subject').textContent(), 'Đã nhận yêu cầu {{ma_yeu_cau}}');
  assert.equal(await current.getByTestId('current-body').textContent(), 'Nội dung do người khác viết.');
  assert.deepEqual([await subject.inputValue(), await body.inputValue()], [SUBJECT, BODY]);
  assert.deepEqual((await rows(page))[0], ['Đã nhận yêu cầu bảo hành', 'Đã sửa (phiên bản 1)']);
  await screenshot(page, 'warranty-emails-stale');
  await subject.press('Enter');
  await form(page).waitFor({ state: 'detached' });
  await page.getByTestId('notice-saved').filter({ hasText: 'Đã lưu email “Đã nhận yêu cầu bảo hành”.' }).waitFor();
  await page.getByTestId('notice-row').first().filter({ hasText: 'Đã sửa (phiên bản 2)' }).filter({ hasText: SUBJECT }).waitFor();
  assert.equal(await focused(page), EDIT);

  await syncAll(page);
  await waitFor('the hub to hold the director’s wording', async () => {
    const row = (
      await hub.db.query<{ subject: string; body: string }>(`SELECT subject, body FROM notice_templates WHERE id = 'warranty_received'`)
    ).rows[0];
    return row?.subject === SUBJECT && row.body === BODY;
  });

  await page.getByRole('button', { name: 'English' }).click();
  await go(page, 'Warranty emails');
  await page.getByTestId('notice-row').first().filter({ hasText: 'Claim received' }).filter({ hasText: 'Changed (version 2)' }).waitFor();
  await screenshot(page, 'warranty-emails-en');
});

test('a claim posted next is emailed in the new wording, and its timeline names the email', TEST, async () => {
  const id = await post(hub, warranty('n1', { subject: CLAIM, customer: customer('n1', { email: 'mai.n1@gmail.com' }) }));
  const ref = claimReference(id);
  const mail = await waitFor('the claimant’s email at the SMTP listener', () => smtp.received.find((m) => m.to === 'mai.n1@gmail.com'));
  const text = [
    'Chị Nguyễn Thị Lan thân mến,',
    '',
    'Cửa hàng đã nhận yêu cầu bảo hành máy Máy lọc nước RO 9 lõi (số serial RO9-2025-0042). Kỹ thuật viên sẽ gọi cho Chị trong vòng 24 giờ làm việc.',
    '',
    'Bộ phận Bảo hành',
  ].join('\n');
  assert.equal(mail.subject, `Cửa hàng đã nhận yêu cầu ${ref} của Chị Nguyễn Thị Lan`);
  assert.equal(mail.text, text);
  await waitFor('the hub to record the email as sent', async () => {
    const sent = await hub.db.query<{ d: string }>(
      `SELECT data->>'delivery' AS d FROM submission_events WHERE submission_id = $1 AND type = 'notice'`,
      [id],
    );
    return sent.rows[0]?.d === 'sent';
  });

  const page = await signIn(browser, b.host, 'lan');
  const nav = page.getByRole('navigation', { name: 'main' });
  await nav.getByRole('button', { name: 'Danh mục sản phẩm' }).waitFor();
  assert.equal(await nav.getByRole('button', { name: 'Email gửi khách bảo hành' }).count(), 0, 'directors alone word the emails');
  await syncInUi(page);
  await page.locator('.row', { hasText: CLAIM }).click();
  await page.getByRole('heading', { name: CLAIM }).waitFor();
  const event = page.locator('.event-notice');
  const title = event.locator('.event-head > span:first-child');
  await title.filter({ hasText: /^Đã gửi email cho khách: Đã nhận yêu cầu bảo hành$/ }).waitFor();
  assert.equal(await event.count(), 1);
  assert.match((await event.getByTestId('delivery').textContent())!, /^đã gửi email lúc \d\d:\d\d \d\d\/\d\d\/\d{4}$/);
  assert.equal(await event.getByTestId('delivery').getAttribute('data-state'), 'sent');
  assert.equal(await page.getByText('timeline.notice').count(), 0, 'no raw key on the timeline');

  // The letter is folded to an excerpt; Enter on it opens the whole text, as sent.
  const email = event.getByTestId('notice-email');
  const isOpen = () => email.evaluate((d) => (d as HTMLDetailsElement).open);
  assert.equal(await isOpen(), false);
  assert.match((await email.locator('summary').textContent())!, /^Nội dung email Chị Nguyễn Thị Lan thân mến, Cửa hàng đã nhận yêu cầu/);
  await email.locator('summary').focus();
  await page.keyboard.press('Enter');
  await waitFor('the email to unfold', isOpen, { withinMs: 5_000 });
  assert.equal(await email.locator('.event-body').textContent(), text);
  await screenshot(page, 'warranty-emails-timeline');

  await page.getByRole('button', { name: 'English' }).click();
  await title.filter({ hasText: /^Email sent to the customer: Claim received$/ }).waitFor();
  assert.match((await event.getByTestId('delivery').textContent())!, /^email sent at /);
  await screenshot(page, 'warranty-emails-timeline-en');
});
