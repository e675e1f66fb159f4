/**
 * The warranty desk end to end, in Chromium through the browser host, on desks enrolled with a real hub on
 * loopback: the website posts two claims of one serial by two customers; a director's desk adds the first claim's
 * product to the catalogue through the API and syncs; an operator granted only warranty syncs on a second desk,
 * opens the claim and sees it in warranty (the serial's other claim as a warning), and works it with the keyboard
 * alone from received to returned — only the steps the claim may take are offered, what a step needs is asked
 * for, a step refused by the form's check says why — then rejects the other claim with a reason through a stale
 * version (read again, the reason kept); the director's desk syncs and sees where both claims ended, the tracking
 * code and the steps on the timeline.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { eligibility, todayInVietnam } from '../../common/warranty/eligibility.ts';
import { launchBrowser } from '../support/browser.ts';
import { startTestHub, warranty } from '../support/hub.ts';
import { screenshot, signIn, syncedDesk, syncInUi } from '../support/synced-desk.ts';
import { changeElsewhere, go, post, syncAll } from './desk-actions.ts';

const TEST = { timeout: 180_000 };
const hub = await startTestHub();
const browser = await launchBrowser();

const PRODUCT = 'Máy lọc nước RO 9 lõi';
const SERIAL = 'RO9-2025-0042';
const CLAIM = 'Máy lọc nước báo lỗi E2 sau 3 tháng';
const OTHER = 'Quạt đứng kêu to khi quay';
await post(hub, warranty('w-1', { subject: CLAIM, product: PRODUCT, serial: SERIAL, purchaseDate: '2026-08-01' }));
const otherId = await post(
  hub,
  warranty('w-2', {
    subject: OTHER,
    body: 'Quạt mua ở cửa hàng, kêu to từ tuần thứ hai.',
    product: 'Quạt đứng không có trong danh mục',
    serial: SERIAL,
    purchaseDate: '2026-10-02',
    submittedAt: '2026-11-20T10:00:00+07:00',
  }),
);

// The operator's desk first, so its scope starts as warranty alone; then the director's.
const a = await syncedDesk(hub, 'A', [['lan', 'operator', ['warranty']]]);
const b = await syncedDesk(hub, 'B', [['giamdoc', 'director', []]]);

const panel = (page: Page) => page.getByTestId('warranty-panel');
const stage = (page: Page) => page.getByTestId('warranty-stage');
const stepForm = (page: Page) => page.getByRole('form', { name: 'Chuyển bước bảo hành' });
/** The steps the open form offers, by name, in order. */
const offered = (form: Locator) => form.getByRole('group', { name: 'Bước tiếp theo' }).locator('.choice-name').allTextContents();
/** Opens the step form with `b` and checks the steps it offers. */
async function openSteps(page: Page, expected: string[]): Promise<Locator> {
  await page.keyboard.press('b');
  const form = stepForm(page);
  await form.waitFor();
  assert.deepEqual(await offered(form), expected);
  return form;
}
/** Presses Enter where the focus is and waits for the claim to stand at `name`, the form closed. */
async function confirm(page: Page, name: string) {
  await page.keyboard.press('Enter');
  await stepForm(page).waitFor({ state: 'detached' });
  await stage(page)
    .filter({ hasText: new RegExp(`^${name}$`) })
    .waitFor();
}

test('an operator works a claim from received to returned with the keyboard alone; the director sees where it ended', TEST, async () => {
  const director = await signIn(browser, b.host, 'giamdoc');
  const saved: any = await director.evaluate((product) => window.backdesk!.call('products.save', { product }), {
    sku: 'RO9-L',
    name: PRODUCT,
    warrantyMonths: 12,
    serialPattern: 'RO9-9999-9999',
    active: true,
  });
  assert.equal(saved.ok, true, JSON.stringify(saved));
  await syncAll(director);

  const page = await signIn(browser, a.host, 'lan');
  await syncInUi(page);
  await page.getByTestId('result-count').filter({ hasText: '2 yêu cầu bảo hành' }).waitFor();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Phím tắt' });
  assert.equal(await help.locator('tr', { hasText: 'Chuyển bước bảo hành của yêu cầu đang chọn' }).locator('kbd').textContent(), 'b');
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });

  await page.keyboard.press('j');
  await page.getByRole('heading', { name: CLAIM }).waitFor();
  const until = eligibility('2026-08-01', 12, todayInVietnam());
  assert.equal(until.state, 'in');
  const day = until.until.split('-').reverse().join('/');
  const inWarranty = `Còn bảo hành đến ${day} (còn ${until.state === 'in' && until.daysLeft} ngày)`;
  assert.equal(await page.getByTestId('warranty-eligibility').textContent(), inWarranty);
  assert.equal(await page.getByTestId('warranty-product').textContent(), `${PRODUCT} (mã RO9-L, bảo hành 12 tháng)`);
  assert.equal(await stage(page).textContent(), 'Đã nhận');
  assert.deepEqual(await panel(page).getByRole('list', { name: 'Cảnh báo về số serial' }).getByRole('listitem').allTextContents(), [
    '⚠Cảnh báo: Số serial này có trong 1 yêu cầu của khách khác.',
  ]);
  await screenshot(page, 'warranty-panel');

  // From received: inspecting or a rejection, never a step further on. Escape leaves the claim as it was.
  await openSteps(page, ['Đang kiểm tra', 'Từ chối']);
  await page.keyboard.press('Escape');
  await stepForm(page).waitFor({ state: 'detached' });
  assert.equal(await stage(page).textContent(), 'Đã nhận');
  await openSteps(page, ['Đang kiểm tra', 'Từ chối']);
  await confirm(page, 'Đang kiểm tra');

  // A digit chooses; arrows move between steps.
  await openSteps(page, ['Chờ linh kiện', 'Đang sửa', 'Sẵn sàng trả khách', 'Từ chối']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  assert.equal(await stepForm(page).getByRole('radio', { name: 'Chờ linh kiện' }).isChecked(), true);
  await confirm(page, 'Chờ linh kiện');

  // Repairing asks for the parts used; the digit goes straight to them.
  await openSteps(page, ['Đang sửa', 'Từ chối']);
  await page.keyboard.press('1');
  const parts = stepForm(page).getByLabel('Linh kiện đã dùng (mỗi dòng một linh kiện)');
  await parts.waitFor();
  assert.equal(await parts.evaluate((el) => el === document.activeElement), true);
  await page.keyboard.type('Bo mạch điều khiển RO-PCB-9');
  await confirm(page, 'Đang sửa');
  assert.equal(await page.getByTestId('warranty-parts').textContent(), 'Bo mạch điều khiển RO-PCB-9');

  // Ready to return needs what was done: refused until it is chosen.
  await openSteps(page, ['Chờ linh kiện', 'Sẵn sàng trả khách']);
  await page.keyboard.press('2');
  await page.keyboard.press('Enter');
  await page.getByTestId('problem-outcome').filter({ hasText: 'Hãy chọn kết quả xử lý.' }).waitFor();
  assert.equal(await parts.inputValue(), 'Bo mạch điều khiển RO-PCB-9', 'the parts recorded are shown');
  await page.keyboard.press(' ');
  assert.equal(await stepForm(page).getByRole('radio', { name: 'Sửa chữa' }).isChecked(), true);
  await screenshot(page, 'warranty-step-form');
  await confirm(page, 'Sẵn sàng trả khách');
  assert.equal(await page.getByTestId('warranty-outcome').textContent(), 'Sửa chữa');

  await openSteps(page, ['Đã trả khách']);
  await page.keyboard.press('1');
  await page.keyboard.type('GHN-8812734');
  await confirm(page, 'Đã trả khách');
  assert.equal(await page.getByTestId('warranty-tracking').textContent(), 'GHN-8812734');
  assert.equal(await page.getByTestId('status-select').inputValue(), 'closed', 'a returned claim is closed');
  await panel(page).getByText('Yêu cầu đã kết thúc, không còn bước nào.').waitFor();
  await page.keyboard.press('b');
  assert.equal(await stepForm(page).count(), 0, 'a returned claim takes no more steps');
  await page.locator('.event-warranty_step', { hasText: 'Nhân viên lan chuyển từ Đang kiểm tra sang Chờ linh kiện' }).waitFor();
  await screenshot(page, 'warranty-returned');

  await syncAll(page);
  await syncInUi(director);
  await go(director, 'Bảo hành');
  await director.locator('.row', { hasText: CLAIM }).click();
  await director.getByRole('heading', { name: CLAIM }).waitFor();
  await stage(director)
    .filter({ hasText: /^Đã trả khách$/ })
    .waitFor();
  assert.equal(await director.getByTestId('warranty-tracking').textContent(), 'GHN-8812734');
  assert.deepEqual(await director.locator('.event-warranty_step .event-head > span:first-child').allTextContents(), [
    'Nhân viên lan chuyển từ Đã nhận sang Đang kiểm tra',
    'Nhân viên lan chuyển từ Đang kiểm tra sang Chờ linh kiện',
    'Nhân viên lan chuyển từ Chờ linh kiện sang Đang sửa — linh kiện: Bo mạch điều khiển RO-PCB-9',
    'Nhân viên lan chuyển từ Đang sửa sang Sẵn sàng trả khách — kết quả: Sửa chữa',
    'Nhân viên lan chuyển từ Sẵn sàng trả khách sang Đã trả khách — mã vận đơn: GHN-8812734',
  ]);
  await screenshot(director, 'warranty-returned-director');
});

test('a claim for a product not in the catalogue is rejected with its reason, through a stale version', TEST, async () => {
  const page = await signIn(browser, a.host, 'lan');
  await page.locator('.row', { hasText: OTHER }).click();
  await page.getByRole('heading', { name: OTHER }).waitFor();
  assert.equal(await page.getByTestId('warranty-eligibility').textContent(), 'Chưa xác định');
  assert.deepEqual(await page.getByTestId('warranty-asks').getByRole('listitem').allTextContents(), [
    'Hỏi khách mã sản phẩm (SKU), hoặc sửa lại sản phẩm cho khớp danh mục (phím i).',
  ]);
  assert.equal(await page.getByTestId('warranty-product').textContent(), 'Không khớp sản phẩm nào trong danh mục');
  await page.getByTestId('warranty-panel').getByRole('listitem').filter({ hasText: 'khách khác' }).waitFor();

  const form = await openSteps(page, ['Đang kiểm tra', 'Từ chối']);
  await page.keyboard.press('2');
  const reason = form.getByLabel('Lý do từ chối (sẽ báo cho khách hàng)');
  await page.keyboard.press('Enter');
  await page.getByTestId('problem-reason').filter({ hasText: 'Hãy ghi lý do từ chối.' }).waitFor();
  await reason.pressSequentially('Sản phẩm không do cửa hàng bán.');
  await reason.press('Shift+Enter');
  await reason.pressSequentially('Vui lòng liên hệ nơi mua.');

  // Someone else changes the claim meanwhile: the step is stale, the claim is read again, the reason is kept.
  await changeElsewhere(page, 'warrantyClaims', otherId, 'waiting');
  await reason.press('Enter');
  await page
    .locator('.notice')
    .filter({ hasText: 'Yêu cầu bảo hành này vừa được thay đổi ở nơi khác; đã tải lại trạng thái mới nhất, hãy thử lại.' })
    .waitFor();
  await page.locator('.event', { hasText: '→ Chờ phản hồi' }).waitFor();
  const typed = 'Sản phẩm không do cửa hàng bán.\nVui lòng liên hệ nơi mua.';
  assert.equal(await reason.inputValue(), typed);
  await reason.press('Enter');
  await stepForm(page).waitFor({ state: 'detached' });
  await stage(page)
    .filter({ hasText: /^Từ chối$/ })
    .waitFor();
  assert.equal(await page.getByTestId('warranty-rejectReason').textContent(), typed);
  assert.equal(await page.getByTestId('warranty-outcome').textContent(), 'Từ chối bảo hành');
  const event = page.locator('.event-warranty_step', { hasText: 'Nhân viên lan chuyển từ Đã nhận sang Từ chối' });
  assert.equal(await event.locator('.event-body').textContent(), `Lý do: ${typed}`);
  await screenshot(page, 'warranty-rejected');

  await syncAll(page);
  const director = await signIn(browser, b.host, 'giamdoc');
  await syncInUi(director);
  await go(director, 'Bảo hành');
  await director.locator('.row', { hasText: OTHER }).click();
  await stage(director)
    .filter({ hasText: /^Từ chối$/ })
    .waitFor();
  assert.equal(await director.getByTestId('warranty-rejectReason').textContent(), typed);
});
