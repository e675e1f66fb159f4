/**
 * Bulk actions end to end, in Chromium through the browser host, on two desks enrolled with a real hub on loopback.
 * On desk A an operator picks complaints by keyboard (`x` on the open one, j to the next) and mouse (a row's
 * checkbox, Shift+click for a range); meanwhile one of them is changed on desk B and synced in, so assigning the
 * selection refuses that one ("đã thay đổi ở nơi khác") by its subject and assigns the others. Every row loaded then
 * gets a new status, two get a tag; Escape lets a selection go; the `?` help lists `x`. The changes reach desk B
 * through the hub. A bulk close of warranty claims being worked is refused claim by claim, in words.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { complaint, startTestHub, warranty } from '../support/hub.ts';
import { screenshot, signIn, syncedDesk, syncInUi } from '../support/synced-desk.ts';
import { go, post, syncAll } from './desk-actions.ts';

const TEST = { timeout: 180_000 };
const hub = await startTestHub();
const browser = await launchBrowser();
const a = await syncedDesk(hub, 'A', [
  ['lan', 'operator', ['complaint', 'warranty']],
  ['minh', 'operator', ['complaint']],
]);
const b = await syncedDesk(hub, 'B', [
  ['giamdoc', 'director', []],
  ['hung', 'operator', ['complaint']],
]);

const SUBJECTS = ['Giao nhầm màu áo', 'Hộp bị móp khi nhận', 'Thiếu phụ kiện sạc', 'Hoàn tiền chưa về'];
const ids: Record<string, string> = {};
for (const [i, subject] of SUBJECTS.entries()) {
  ids[subject] = await post(hub, complaint(`b${i}`, { subject, submittedAt: `2026-11-2${i}T09:30:00+07:00` }));
}

/** The signed-in person's own API from the page, as another window would use it. */
const api = async (page: Page, method: string, input: unknown): Promise<any> => {
  // A string, not a function: the test's transpiler would add helpers the page does not have.
  const out: any = await page.evaluate(`window.backdesk.call(${JSON.stringify(method)}, ${JSON.stringify(input)})`);
  assert.equal(out.ok, true, JSON.stringify(out));
  return out.result;
};
const row = (page: Page, subject: string) => page.locator('.row', { hasText: subject });
const check = (page: Page, subject: string) => row(page, subject).getByTestId('row-check');
const count = (page: Page) => page.getByTestId('bulk-count');
const listed = async (page: Page, input: Record<string, unknown>) =>
  ((await api(page, 'complaints.list', input)).rows as { subject: string }[]).map((r) => r.subject).sort();

/** Chooses an action in the bar, checks the question it asks, confirms, and gives back the outcome's first line. */
async function apply(page: Page, action: string, question: string): Promise<string> {
  await page.getByTestId('bulk-action').selectOption({ label: action });
  await page.getByRole('button', { name: 'Thực hiện…' }).click();
  const confirm = page.getByTestId('bulk-confirm');
  assert.equal(await confirm.locator('p').textContent(), question);
  // The confirmation holds the keyboard: Enter on its button is the person's yes.
  await page.keyboard.press('Enter');
  await confirm.waitFor({ state: 'detached' });
  // This change's outcome: the last one's goes when this one starts.
  return (await page.getByTestId('bulk-outcome-head').textContent()) ?? '';
}

test('an operator bulk-assigns, changes the status and tags complaints; a stale one is refused; desk B gets it', TEST, async () => {
  const page = await signIn(browser, a.host, 'lan');
  await syncInUi(page);
  await go(page, 'Khiếu nại');
  await page.getByTestId('result-count').filter({ hasText: '4 khiếu nại' }).waitFor();
  await row(page, SUBJECTS[3]!).waitFor();
  const order = await page.locator('.row .row-subject').allTextContents();
  assert.deepEqual([...order].sort(), [...SUBJECTS].sort());

  // The `?` help tells of `x` on an inbox.
  await page.keyboard.press('?');
  await page
    .getByRole('dialog')
    .getByRole('row', { name: /^x Chọn \/ bỏ chọn khiếu nại đang mở/ })
    .waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });

  // Keyboard: x picks the open row, j opens the next, x picks it too.
  await row(page, order[0]!).click();
  await page.getByRole('heading', { name: order[0] }).waitFor();
  await page.keyboard.press('x');
  await count(page).filter({ hasText: 'Đã chọn 1 khiếu nại' }).waitFor();
  await page.keyboard.press('j');
  await page.getByRole('heading', { name: order[1] }).waitFor();
  await page.keyboard.press('x');
  await count(page).filter({ hasText: 'Đã chọn 2 khiếu nại' }).waitFor();
  // Mouse: Shift+click the last row's box picks the range from the last one picked; a click takes one off and on.
  await check(page, order[3]!).click({ modifiers: ['Shift'] });
  await count(page).filter({ hasText: 'Đã chọn 4 khiếu nại' }).waitFor();
  await check(page, order[3]!).click();
  await count(page).filter({ hasText: 'Đã chọn 3 khiếu nại' }).waitFor();
  assert.equal(await check(page, order[3]!).isChecked(), false);
  // The keys still work after a click on a box: x on the open row takes it off.
  await page.keyboard.press('x');
  await count(page).filter({ hasText: 'Đã chọn 2 khiếu nại' }).waitFor();
  await page.keyboard.press('x');
  await check(page, order[3]!).click();
  await count(page).filter({ hasText: 'Đã chọn 4 khiếu nại' }).waitFor();
  for (const s of order) assert.equal(await check(page, s).isChecked(), true, s);
  await screenshot(page, 'bulk-selected');

  // Someone on desk B changes one of them; desk A syncs it in while it is picked.
  const stale = order[2]!;
  const other = await signIn(browser, b.host, 'hung');
  await syncInUi(other);
  const seen = await api(other, 'complaints.get', { id: ids[stale] });
  await api(other, 'complaints.setStatus', { id: ids[stale], version: seen.version, status: 'waiting' });
  await syncAll(other);
  await syncInUi(page);
  await row(page, stale).locator('.badge', { hasText: 'Chờ phản hồi' }).waitFor();
  await count(page).filter({ hasText: 'Đã chọn 4 khiếu nại' }).waitFor();

  const head = await apply(page, 'Phân công cho Nhân viên minh', 'Phân công 4 khiếu nại cho Nhân viên minh?');
  assert.equal(head, 'Đã phân công 3 · 1 không được:');
  assert.deepEqual(await page.getByTestId('bulk-refused').allTextContents(), [`${stale}: đã thay đổi ở nơi khác sau khi bạn chọn`]);
  await count(page).waitFor({ state: 'detached' });
  await screenshot(page, 'bulk-outcome');
  assert.deepEqual(await listed(page, { assignee: a.staff.minh }), order.filter((s) => s !== stale).sort());

  // Every row loaded, a new status: read again after the assignment, so none is stale now.
  await page.getByTestId('select-all').check();
  await count(page).filter({ hasText: 'Đã chọn 4 khiếu nại' }).waitFor();
  assert.equal(await apply(page, 'Chuyển sang “Đang xử lý”', 'Chuyển 4 khiếu nại sang “Đang xử lý”?'), 'Đã đổi trạng thái 4');
  assert.equal(await page.getByTestId('bulk-refused').count(), 0);
  assert.equal(await page.locator('.row .badge', { hasText: 'Đang xử lý' }).count(), 4);

  // Escape lets a selection go.
  await page.keyboard.press('x');
  await count(page).filter({ hasText: 'Đã chọn 1 khiếu nại' }).waitFor();
  await page.keyboard.press('Escape');
  await count(page).waitFor({ state: 'detached' });

  // A tag, made by a director on desk B, put on two of them.
  const director = await signIn(browser, b.host, 'giamdoc');
  const tag = await api(director, 'tags.save', { tag: { name: 'Gấp', color: 'red', archived: false } });
  await syncAll(director);
  await syncInUi(page);
  await check(page, order[0]!).click();
  await check(page, order[1]!).click();
  assert.equal(await apply(page, 'Gắn nhãn “Gấp”', 'Gắn nhãn “Gấp” cho 2 khiếu nại?'), 'Đã đổi nhãn 2');
  // The filter reads the tags when the person goes to it, as a person does.
  await page.getByTestId('tag-filter').focus();
  await page.getByTestId('tag-filter').selectOption({ label: 'Gấp' });
  await page.getByTestId('result-count').filter({ hasText: '2 khiếu nại' }).waitFor();
  await screenshot(page, 'bulk-tagged');

  // Desk B gets all of it through the hub.
  await syncAll(page);
  await syncInUi(other);
  assert.deepEqual(await listed(other, { assignee: a.staff.minh }), order.filter((s) => s !== stale).sort());
  assert.deepEqual(await listed(other, { status: 'open' }), [...SUBJECTS].sort());
  assert.deepEqual(await listed(other, { tag: tag.id }), [order[0]!, order[1]!].sort());

  // In English.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByTestId('tag-filter').selectOption({ label: 'Any tag' });
  await page.getByTestId('select-all').check();
  await count(page).filter({ hasText: '4 complaints selected' }).waitFor();
  await page.getByTestId('bulk-action').selectOption({ label: 'Unassign' });
  await page.getByRole('button', { name: 'Apply…' }).click();
  assert.equal(await page.getByTestId('bulk-confirm').locator('p').textContent(), 'Unassign 4 complaints?');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.getByTestId('bulk-outcome-head').filter({ hasText: '4 unassigned' }).waitFor();
  await screenshot(page, 'bulk-outcome-en');
});

test('a bulk close of warranty claims is refused claim by claim: claims close by their steps', TEST, async () => {
  const worked = await post(hub, warranty('w1', { subject: 'Máy lọc nước báo lỗi E2' }));
  await post(hub, warranty('w2', { subject: 'Tủ lạnh không đông đá' }));
  const page = await signIn(browser, a.host, 'lan');
  await syncInUi(page);
  // One is being worked: past its first step.
  const claim = await api(page, 'warrantyClaims.get', { id: worked });
  await api(page, 'warrantyClaims.advance', { id: worked, version: claim.version, step: { to: 'inspecting' } });
  await go(page, 'Bảo hành');
  await page.getByTestId('result-count').filter({ hasText: '2' }).waitFor();
  await page.getByTestId('select-all').check();
  await count(page).filter({ hasText: 'Đã chọn 2' }).waitFor();
  const head = await apply(
    page,
    'Chuyển sang “Đã đóng”',
    `Chuyển ${(await count(page).textContent())!.replace('Đã chọn ', '')} sang “Đã đóng”?`,
  );
  assert.equal(head, 'Đã đổi trạng thái 0 · 2 không được:');
  assert.deepEqual((await page.getByTestId('bulk-refused').allTextContents()).sort(), [
    'Máy lọc nước báo lỗi E2: yêu cầu bảo hành chỉ đóng qua các bước (trả máy hoặc từ chối)',
    'Tủ lạnh không đông đá: yêu cầu bảo hành chỉ đóng qua các bước (trả máy hoặc từ chối)',
  ]);
  assert.equal(await page.locator('.row .badge', { hasText: 'Đã đóng' }).count(), 0);
  await screenshot(page, 'bulk-warranty-refused');
});
