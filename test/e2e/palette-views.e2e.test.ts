/**
 * The command palette and saved views end to end, in Chromium through the browser host, on a desk enrolled with
 * a real hub on loopback, from the keyboard only. An operator working complaints and warranty claims presses
 * Ctrl+K anywhere: "bao hanh" goes to the warranty inbox, a reference typed in lower case without its dash opens
 * that complaint, a customer's phone number typed with +84 and spaces finds them masked with how many
 * submissions they have and opens the newest (a warranty claim, in its inbox), and Escape closes the palette with
 * the focus back where it was. In the complaints inbox she saves the filters in force as a view, which shows its
 * count; the count moves when new complaints sync in from the hub; the same name in other case and marks is said
 * to be taken and the view may be replaced; the view opens from the inbox and from the palette in exactly its
 * filters; it is renamed and deleted. Vietnamese and English words checked.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { newId } from '../../common/ids.ts';
import { fold } from '../../common/text/fold.ts';
import { submissionReference } from '../../common/vocabulary/submissions.ts';
import { launchBrowser } from '../support/browser.ts';
import { complaint, customer, startTestHub, warranty } from '../support/hub.ts';
import { screenshot, signIn, syncedDesk, syncInUi } from '../support/synced-desk.ts';
import { post } from './desk-actions.ts';

const TEST = { timeout: 180_000 };
const hub = await startTestHub();
const browser = await launchBrowser();

const HOA = customer('hoa', { fullName: 'Phạm Thị Hoa', phone: '0987 654 321' });
const LATE = 'Hàng trả lại chưa được hoàn tiền';
const CLAIM = 'Máy lọc nước rò rỉ sau 3 tháng';
const lateId = await post(hub, complaint('k1', { subject: LATE, customer: HOA }));
await post(hub, warranty('w1', { subject: CLAIM, customer: HOA, submittedAt: '2026-11-22T10:00:00+07:00' }));
await post(hub, complaint('k2', { subject: 'Giao hàng trễ hai ngày' }));
const a = await syncedDesk(hub, 'A', [['lan', 'operator', ['complaint', 'warranty']]]);
const REF = submissionReference('complaint', lateId);

const palette = (page: Page) => page.getByRole('dialog', { name: 'Bảng lệnh' });
const box = (page: Page) => palette(page).getByRole('combobox');
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'main' }).getByRole('button', { name, exact: true });
const heading = (page: Page, subject: string) => page.getByRole('heading', { level: 2, name: subject, exact: true });
const focusedLabel = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName);
/** Ctrl+K, the text typed, and the option chosen by Enter once `option` is the active one. */
async function jump(page: Page, text: string, option: RegExp) {
  await page.keyboard.press('Control+k');
  await box(page).waitFor();
  assert.equal(await focusedLabel(page), 'Đến hộp thư, chế độ xem, mã yêu cầu, email hoặc số điện thoại');
  await page.keyboard.type(text);
  await palette(page).locator('[role=option][aria-selected=true]').filter({ hasText: option }).waitFor();
  await page.keyboard.press('Enter');
  await palette(page).waitFor({ state: 'detached' });
}

test('Ctrl+K goes to an inbox, a submission by its reference, a customer by phone; Escape gives the focus back', TEST, async () => {
  const page = await signIn(browser, a.host, 'lan');
  await page.getByTestId('result-count').filter({ hasText: '2 khiếu nại' }).waitFor();

  // With nothing typed it lists every screen the person may open; arrows move the choice round.
  await page.keyboard.press('Control+k');
  const options = palette(page).getByTestId('palette-screens').getByRole('option');
  await options.first().waitFor();
  assert.deepEqual(await options.allTextContents(), ['Việc của tôi', 'Khiếu nại', 'Bảo hành', 'Khách hàng', 'Danh mục sản phẩm']);
  assert.equal(await options.nth(0).getAttribute('aria-selected'), 'true');
  await page.keyboard.press('ArrowDown');
  assert.equal(await options.nth(1).getAttribute('aria-selected'), 'true');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await options.nth(4).getAttribute('aria-selected'), 'true');
  await page.keyboard.type('bao hanh');
  assert.deepEqual(await options.allTextContents(), ['Bảo hành']);
  // A word is matched here only: nothing is looked up (finding a customer is audited).
  assert.equal(await palette(page).getByTestId('palette-status').textContent(), '');
  await screenshot(page, 'palette-screens');
  await page.keyboard.press('Enter');
  await palette(page).waitFor({ state: 'detached' });
  assert.equal(await nav(page, 'Bảo hành').getAttribute('aria-current'), 'true');

  // The reference in lower case without its dash: the complaint opens in its inbox.
  await jump(page, REF.toLowerCase().replace('-', ''), new RegExp(REF));
  await heading(page, LATE).waitFor();
  assert.equal(await nav(page, 'Khiếu nại').getAttribute('aria-current'), 'true');

  // The phone number as told on the telephone: the customer masked, with both submissions; the newest opens.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('+84 987 654 321');
  const found = palette(page).getByTestId('palette-customers').getByRole('option');
  await found.filter({ hasText: '2 yêu cầu · mở yêu cầu mới nhất (Bảo hành)' }).waitFor();
  const shown = (await found.textContent())!;
  assert.doesNotMatch(shown, /Phạm Thị Hoa/, 'the name is masked');
  await screenshot(page, 'palette-customer');
  await page.keyboard.press('Enter');
  await heading(page, CLAIM).waitFor();
  assert.equal(await nav(page, 'Bảo hành').getAttribute('aria-current'), 'true');

  // Part of a number finds nobody: the palette jumps, it does not browse.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('0987 654');
  await palette(page).getByTestId('palette-status').filter({ hasText: 'Không có kết quả.' }).waitFor();
  // Escape closes it, and the keyboard is back where it was (the inbox's search box, from `/`).
  await page.keyboard.press('Escape');
  await palette(page).waitFor({ state: 'detached' });
  await page.keyboard.press('/');
  assert.equal(await focusedLabel(page), 'Tìm kiếm yêu cầu bảo hành');
  await page.keyboard.press('Control+k');
  await box(page).waitFor();
  await page.keyboard.press('Escape');
  await palette(page).waitFor({ state: 'detached' });
  assert.equal(await focusedLabel(page), 'Tìm kiếm yêu cầu bảo hành');
});

test('a view saved from the inbox filters counts, follows syncs, opens in its filters, is renamed and deleted', TEST, async () => {
  const page = await signIn(browser, a.host, 'lan');
  const views = page.getByTestId('saved-views');
  const chip = (name: string) => views.getByTestId('view-chip').filter({ hasText: name });
  /** Saves the filters in force under a name a view has already, replacing that view. */
  const replaceAs = async (name: string) => {
    await views.getByRole('button', { name: 'Lưu chế độ xem' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await views.getByRole('button', { name: 'Thay thế chế độ xem đó' }).focus();
    await page.keyboard.press('Enter');
  };
  await page.getByTestId('result-count').filter({ hasText: '2 khiếu nại' }).waitFor();
  await page.getByLabel('Trạng thái').selectOption({ label: 'Mới' });
  await page.getByLabel('Tìm kiếm khiếu nại').fill('hàng');
  await page.getByTestId('result-count').filter({ hasText: '2 khiếu nại' }).waitFor();

  await views.getByRole('button', { name: 'Lưu chế độ xem' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await focusedLabel(page), 'Tên chế độ xem');
  await page.keyboard.press('Enter');
  await views.getByTestId('view-problem').filter({ hasText: 'Tên không được để trống.' }).waitFor();
  await page.keyboard.type('Mới có chữ hàng');
  await page.keyboard.press('Enter');
  await chip('Mới có chữ hàng').getByTestId('view-count').filter({ hasText: /^2$/ }).waitFor();
  assert.equal(await chip('Mới có chữ hàng').getAttribute('aria-current'), 'true');
  assert.equal(await focusedLabel(page), 'BUTTON', 'the keyboard is back on the save button');

  // The same name in other case and without marks is taken: said so, and that view may be replaced.
  await page.getByLabel('Tìm kiếm khiếu nại').fill('');
  await page.getByTestId('result-count').filter({ hasText: '2 khiếu nại' }).waitFor();
  assert.equal(await chip('Mới có chữ hàng').getAttribute('aria-current'), 'false');
  await views.getByRole('button', { name: 'Lưu chế độ xem' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('MOI CO CHU HANG');
  await page.keyboard.press('Enter');
  await views.getByTestId('view-problem').filter({ hasText: 'Bạn đã có chế độ xem tên “Mới có chữ hàng”.' }).waitFor();
  await screenshot(page, 'view-taken');
  // Escape keeps the view as it was; "Thay thế chế độ xem đó" puts these filters (no search) in its place.
  await page.keyboard.press('Escape');
  await views.getByTestId('view-form').waitFor({ state: 'detached' });
  await chip('Mới có chữ hàng').getByTestId('view-count').filter({ hasText: /^2$/ }).waitFor();
  await replaceAs('moi co chu hang');
  await chip('moi co chu hang').waitFor();
  assert.equal(await chip('moi co chu hang').getAttribute('aria-current'), 'true');
  assert.equal(await views.getByTestId('view-chip').count(), 1);
  // And back, under its first name, with the search for "hàng".
  await page.getByLabel('Tìm kiếm khiếu nại').fill('hàng');
  await page.getByTestId('result-count').filter({ hasText: '2 khiếu nại' }).waitFor();
  await replaceAs('Mới có chữ hàng');
  await chip('Mới có chữ hàng').getByTestId('view-count').filter({ hasText: /^2$/ }).waitFor();
  assert.equal(await chip('Mới có chữ hàng').getAttribute('aria-current'), 'true');

  // New complaints sync in from the hub: the view's count follows.
  await post(hub, complaint('k3', { subject: 'Đổi hàng lỗi' }));
  await post(hub, complaint('k4', { subject: 'Hỏi giờ mở cửa', body: 'Mấy giờ cửa hiệu mở?' }));
  await syncInUi(page);
  await chip('Mới có chữ hàng').getByTestId('view-count').filter({ hasText: /^3$/ }).waitFor();

  // Opened from the inbox: exactly its filters.
  await page.getByLabel('Trạng thái').selectOption({ label: 'Mọi trạng thái' });
  await page.getByLabel('Tìm kiếm khiếu nại').fill('');
  await page.getByTestId('result-count').filter({ hasText: '4 khiếu nại' }).waitFor();
  await chip('Mới có chữ hàng').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('result-count').filter({ hasText: '3 khiếu nại' }).waitFor();
  assert.equal(await page.getByLabel('Trạng thái').inputValue(), 'new');
  assert.equal(await page.getByLabel('Tìm kiếm khiếu nại').inputValue(), 'hàng');

  // Opened from the palette, from another inbox: the complaints inbox in its filters, with its count.
  await nav(page, 'Bảo hành').click();
  await page.getByTestId('result-count').filter({ hasText: '1 yêu cầu bảo hành' }).waitFor();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('co chu');
  const viewOption = palette(page).getByTestId('palette-views').getByRole('option');
  await viewOption.filter({ hasText: 'Mới có chữ hàng Khiếu nại · 3' }).waitFor();
  await screenshot(page, 'palette-view');
  await page.keyboard.press('Enter');
  await page.getByTestId('result-count').filter({ hasText: '3 khiếu nại' }).waitFor();
  assert.equal(await nav(page, 'Khiếu nại').getAttribute('aria-current'), 'true');
  assert.equal(await page.getByLabel('Trạng thái').inputValue(), 'new');
  assert.equal(await page.getByLabel('Tìm kiếm khiếu nại').inputValue(), 'hàng');
  assert.equal(await chip('Mới có chữ hàng').getAttribute('aria-current'), 'true');
  await screenshot(page, 'saved-views');
  // On a small window the chips wrap under the filters and the palette keeps to the width.
  await page.setViewportSize({ width: 900, height: 640 });
  await page.keyboard.press('Control+k');
  await box(page).waitFor();
  await screenshot(page, 'palette-narrow');
  await page.keyboard.press('Escape');
  await palette(page).waitFor({ state: 'detached' });

  // Renamed from its ⋯ button, from the keyboard.
  await views.getByRole('button', { name: 'Đổi tên hoặc xoá Mới có chữ hàng' }).focus();
  await page.keyboard.press('Enter');
  await views.getByRole('button', { name: 'Đổi tên', exact: true }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await focusedLabel(page), 'Tên mới của “Mới có chữ hàng”');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Khiếu nại mới về hàng');
  await page.keyboard.press('Enter');
  await chip('Khiếu nại mới về hàng').getByTestId('view-count').filter({ hasText: /^3$/ }).waitFor();
  assert.equal(await chip('Mới có chữ hàng').count(), 0);

  // In English.
  await page.getByRole('button', { name: 'English' }).click();
  await views.getByRole('button', { name: 'Save view' }).waitFor();
  await page.keyboard.press('Control+k');
  const english = page.getByRole('dialog', { name: 'Command palette' });
  await english.getByRole('combobox', { name: 'Go to an inbox, view, reference, email or phone number' }).waitFor();
  await english.getByText('Saved views').waitFor();
  await english.getByText('Inboxes and screens').waitFor();
  await page.keyboard.press('Escape');
  await english.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();

  // Deleted, after a confirmation.
  await views.getByRole('button', { name: 'Đổi tên hoặc xoá Khiếu nại mới về hàng' }).focus();
  await page.keyboard.press('Enter');
  await views.getByRole('button', { name: 'Xoá', exact: true }).focus();
  await page.keyboard.press('Enter');
  await views.getByText('Xoá chế độ xem “Khiếu nại mới về hàng”? Các yêu cầu trong đó không bị ảnh hưởng.').waitFor();
  await screenshot(page, 'view-delete');
  await page.keyboard.press('Enter');
  await views.getByTestId('view-chip').first().waitFor({ state: 'detached' });
  const left: any = await page.evaluate(`window.backdesk.call('views.list', {})`);
  assert.deepEqual(left, { ok: true, result: [] });
});

test('a view of an inbox she no longer works is listed in My work and deleted there after a confirmation', TEST, async () => {
  // As a grant taken away leaves it: her view of the feedback inbox, which she does not hold.
  const name = 'Góp ý một sao';
  a.desk.store.db
    .prepare(
      `INSERT INTO saved_views (id, person_id, name, name_key, kind, filters, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'feedback', '{"sort":"newest"}', 0, 0)`,
    )
    .run(newId(), a.staff.lan, name, fold(name));
  const page = await signIn(browser, a.host, 'lan');
  await page.getByTestId('nav-mine').click();
  const unusable = page.getByTestId('unusable-views');
  await unusable.getByText('(Góp ý · không còn làm hộp thư này)').waitFor();
  await unusable.getByRole('button', { name: `Xoá chế độ xem ${name}` }).focus();
  await page.keyboard.press('Enter');
  await unusable.getByText(`Xoá chế độ xem “${name}”? Các yêu cầu trong đó không bị ảnh hưởng.`).waitFor();
  await screenshot(page, 'view-unusable');
  await page.keyboard.press('Enter'); // the confirmation's own button has the focus
  await unusable.waitFor({ state: 'detached' });
  const left = a.desk.store.db.prepare('SELECT count(*) AS n FROM saved_views WHERE person_id = ?').get(a.staff.lan) as { n: number };
  assert.equal(left.n, 0);
});
