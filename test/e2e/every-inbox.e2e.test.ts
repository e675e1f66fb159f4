/**
 * Every submission inbox end to end, in Chromium through the browser host, on desks enrolled with a real hub on
 * loopback: the website posts a complaint, a question, a trade contact, a warranty claim and a feedback; an
 * operator granted only warranty sees that one inbox, and no other answers them through the API; they correct
 * a claim's serial in the edit form from the keyboard (Escape cancels, the form refuses a date in the future,
 * a stale save keeps what they typed) and sync; a director's desk, whose own correction of the same claim the
 * hub refuses, syncs and shows the corrected serial with the timeline naming who changed it from what to what,
 * and every kind's own fields.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { complaint, startTestHub, warranty } from '../support/hub.ts';
import { screenshot, signIn, syncedDesk, syncInUi } from '../support/synced-desk.ts';

const TEST = { timeout: 180_000 };
const hub = await startTestHub();
const browser = await launchBrowser();

async function post(body: Record<string, unknown>): Promise<string> {
  const r = await hub.post('/intake/v1/submissions', body);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id as string;
}
const CLAIM = 'Máy lọc nước báo lỗi E2 sau 3 tháng';
const claimId = await post(warranty('w-1', { subject: CLAIM, serial: 'ABC123', purchaseDate: '2026-08-01' }));
await post(complaint('c-1', { subject: 'Giao hàng trễ hai ngày' }));
await post(
  complaint('q-1', {
    kind: 'question',
    subject: 'Máy lọc nước có cần thay lõi định kỳ không?',
    body: 'Bao lâu thì tôi nên thay lõi lọc một lần?',
  }),
);
const DEALER = 'Đăng ký làm đại lý tại Đà Nẵng';
await post(
  complaint('t-1', {
    kind: 'trade_contact',
    subject: DEALER,
    body: 'Chúng tôi muốn làm đại lý bán lẻ máy lọc nước tại Đà Nẵng.',
    trade: 'resale',
    company: 'Công ty TNHH Thương mại Hòa Phát',
    taxCode: '0312345678-001',
    region: 'Đà Nẵng',
    expectedVolume: '200 máy mỗi quý',
  }),
);
const WHOLESALE = 'Hỏi giá bán sỉ máy lọc nước';
await post(complaint('t-2', { kind: 'trade_contact', subject: WHOLESALE, body: 'Xin báo giá khi mua từ 50 máy.', trade: 'wholesale' }));
const PRAISE = 'Nhân viên lắp đặt rất chu đáo';
await post(complaint('f-1', { kind: 'feedback', subject: PRAISE, body: 'Lắp nhanh, dọn dẹp sạch sẽ.', rating: 4 }));

// The operator's desk first, so its scope starts as warranty alone; then the director's.
const a = await syncedDesk(hub, 'A', [['lan', 'operator', ['warranty']]]);
const b = await syncedDesk(hub, 'B', [['giamdoc', 'director', []]]);

/** The navigation's buttons, once My work's count is in (nothing is assigned here: 0). */
async function navOf(page: Page) {
  await page.getByTestId('mine-count').waitFor();
  return page.getByRole('navigation', { name: 'main' }).getByRole('button').allTextContents();
}
const go = (page: Page, inbox: string) =>
  page.getByRole('navigation', { name: 'main' }).getByRole('button', { name: inbox, exact: true }).click();
const openRow = async (page: Page, subject: string) => {
  await page.locator('.row', { hasText: subject }).click();
  await page.getByRole('heading', { name: subject }).waitFor();
};
const fact = (page: Page, field: string) => page.getByTestId(`fact-${field}`);
/** Types into a field of the edit form a value it must refuse, presses Enter, and waits for the field's message. */
async function refused(field: Locator, typed: string, name: string, message: string) {
  await field.fill(typed);
  await field.press('Enter');
  await field.page().getByTestId(`problem-${name}`).filter({ hasText: message }).waitFor();
}
const outboxDetails = () =>
  (a.desk.store.db.prepare(`SELECT payload FROM outbox WHERE mutation = 'submission.details'`).all() as { payload: string }[]).map(
    (r) => JSON.parse(r.payload).changes,
  );

test('an operator granted only warranty sees that inbox alone, and the API refuses them every other one', TEST, async () => {
  const page = await signIn(browser, a.host, 'lan');
  await page.getByTestId('result-count').filter({ hasText: '1 yêu cầu bảo hành' }).waitFor();
  assert.deepEqual(await navOf(page), ['Việc của tôi0', 'Bảo hành', 'Khách hàng', 'Danh mục sản phẩm']);
  for (const other of ['complaints', 'questions', 'tradeContacts', 'feedback']) {
    const direct: any = await page.evaluate((m) => window.backdesk!.call(`${m}.list` as 'complaints.list', {}), other);
    assert.equal(!direct.ok && direct.error.code, 'forbidden', other);
  }
  const own: any = await page.evaluate(() => window.backdesk!.call('warrantyClaims.list', {}));
  assert.equal(own.ok, true);

  // Nothing the screens read on their own asks for an inbox they do not hold: My work, then the claim opened.
  await page.getByTestId('nav-mine').click();
  await page.getByTestId('result-count').filter({ hasText: 'việc chưa xong' }).waitFor();
  await page.getByRole('navigation', { name: 'main' }).getByRole('button', { name: 'Bảo hành' }).click();
  await page.locator('.row').first().click();
  await page.getByRole('heading', { level: 2 }).waitFor();
  assert.deepEqual(await page.locator('.notice').allTextContents(), [], 'no refusal was shown');
});

test(
  'the operator corrects a claim’s serial from the keyboard; a director’s desk syncs and sees who changed it from what to what',
  TEST,
  async () => {
    const page = await signIn(browser, a.host, 'lan');
    await page.getByTestId('result-count').filter({ hasText: '1 yêu cầu bảo hành' }).waitFor();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Phím tắt' });
    assert.equal(await help.locator('tr', { hasText: 'Sửa thông tin yêu cầu bảo hành đang chọn' }).locator('kbd').textContent(), 'i');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    await page.keyboard.press('j');
    await page.getByRole('heading', { name: CLAIM }).waitFor();
    assert.equal(await fact(page, 'product').textContent(), 'Máy lọc nước RO 9 lõi');
    assert.equal(await fact(page, 'serial').textContent(), 'ABC123');
    assert.equal(await fact(page, 'purchaseDate').textContent(), '01/08/2026');
    await screenshot(page, 'every-inbox-warranty');

    // Escape leaves the form without a change.
    const form = page.getByRole('form', { name: 'Sửa thông tin yêu cầu bảo hành' });
    const serial = form.getByLabel('Số serial');
    await page.keyboard.press('i');
    await serial.waitFor();
    assert.equal(await form.getByLabel('Sản phẩm', { exact: true }).inputValue(), 'Máy lọc nước RO 9 lõi');
    assert.equal(await form.getByLabel('Ngày mua').inputValue(), '01/08/2026');
    await serial.fill('nhầm');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    assert.equal(await fact(page, 'serial').textContent(), 'ABC123');

    // The form opens again as the claim is; a date in the future or not a date is refused before any call.
    await page.keyboard.press('i');
    assert.equal(await serial.inputValue(), 'ABC123');
    const date = form.getByLabel('Ngày mua');
    await refused(date, '01/01/2099', 'purchaseDate', 'Ngày phải từ 01/01/1990 đến hôm nay, không được là ngày trong tương lai.');
    await refused(date, '31/02/2026', 'purchaseDate', 'Nhập ngày theo dạng ngày/tháng/năm, ví dụ 25/11/2026.');
    assert.equal(await date.getAttribute('aria-invalid'), 'true');
    await date.fill('01/08/2026'); // back as it was: not a change
    await serial.fill('ABC124');
    await screenshot(page, 'every-inbox-edit-form');

    // Someone else changes the claim meanwhile (the status, through the same API): the save is stale, the
    // claim is read again, and the form keeps what was typed until it is saved again.
    // (A string, not a function: the test's transpiler would add helpers the page does not have.)
    const bumped: any = await page.evaluate(`(async () => {
    const d = await window.backdesk.call('warrantyClaims.reload', { id: ${JSON.stringify(claimId)} });
    return window.backdesk.call('warrantyClaims.setStatus', { id: d.result.id, version: d.result.version, status: 'open' });
  })()`);
    assert.equal(bumped.ok, true, JSON.stringify(bumped));
    await serial.press('Enter');
    await page
      .locator('.notice')
      .filter({ hasText: 'Yêu cầu bảo hành này vừa được thay đổi ở nơi khác; đã tải lại trạng thái mới nhất, hãy thử lại.' })
      .waitFor();
    await page.locator('.event', { hasText: '→ Đang xử lý' }).waitFor();
    assert.equal(await serial.inputValue(), 'ABC124');
    assert.deepEqual(outboxDetails(), []);
    await serial.press('Enter');
    await form.waitFor({ state: 'detached' });
    await page.locator('.event-details_change', { hasText: 'Nhân viên lan sửa số serial: ABC123 → ABC124' }).waitFor();
    assert.equal(await fact(page, 'serial').textContent(), 'ABC124');
    assert.deepEqual(outboxDetails(), [{ serial: 'ABC124' }], 'only the field changed is sent');

    // The director's desk has not heard of it yet: their own correction of the product is made on the old claim.
    const director = await signIn(browser, b.host, 'giamdoc');
    await go(director, 'Bảo hành');
    await openRow(director, CLAIM);
    await director.getByRole('button', { name: 'Sửa thông tin' }).click();
    const product = director.getByRole('form', { name: 'Sửa thông tin yêu cầu bảo hành' }).getByLabel('Sản phẩm', { exact: true });
    await product.fill('Máy lọc nước RO 10 lõi');
    await product.press('Enter');
    await director
      .locator('.event-details_change', { hasText: 'Nhân viên giamdoc sửa sản phẩm: Máy lọc nước RO 9 lõi → Máy lọc nước RO 10 lõi' })
      .waitFor();

    await syncInUi(page);
    await page
      .getByTestId('outbox-count')
      .filter({ hasText: /^0 thay đổi/ })
      .waitFor();
    const onHub = await hub.db.query<{ details: Record<string, unknown> }>('SELECT details FROM submissions WHERE id = $1', [claimId]);
    assert.deepEqual(onHub.rows[0]!.details, { product: 'Máy lọc nước RO 9 lõi', serial: 'ABC124', purchaseDate: '2026-08-01' });

    // The hub refuses the director's correction (made on a version since changed) and the desk shows the hub's claim.
    await syncInUi(director);
    await director.getByTestId('conflict-count').filter({ hasText: '1 thay đổi bị từ chối' }).click();
    const dialog = director.getByRole('dialog', { name: 'Thay đổi bị máy chủ trung tâm từ chối' });
    await dialog.locator('.conflicts-list li').filter({ hasText: 'Sửa thông tin' }).waitFor();
    await screenshot(director, 'every-inbox-conflict');
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await fact(director, 'serial').filter({ hasText: 'ABC124' }).waitFor();
    await director.locator('.event-details_change', { hasText: 'Nhân viên lan sửa số serial: ABC123 → ABC124' }).waitFor();
    assert.equal(await fact(director, 'product').textContent(), 'Máy lọc nước RO 9 lõi');
    await screenshot(director, 'every-inbox-warranty-synced');
  },
);

test('a director sees the five inboxes in order, each kind with its own fields, counted in the plural English needs', TEST, async () => {
  const page = await signIn(browser, b.host, 'giamdoc');
  assert.deepEqual(await navOf(page), [
    'Việc của tôi0',
    'Khiếu nại',
    'Câu hỏi',
    'Liên hệ đại lý',
    'Bảo hành',
    'Góp ý',
    'Bình luận',
    'Khách hàng',
    'Danh mục sản phẩm',
    'Yêu cầu về dữ liệu0',
    'Email gửi khách bảo hành',
    'Giờ làm việc & SLA',
    'Mẫu trả lời & nhãn',
    'Nhân sự',
    'Nhật ký kiểm toán',
  ]);
  await page.getByTestId('result-count').filter({ hasText: '1 khiếu nại' }).waitFor();
  await openRow(page, 'Giao hàng trễ hai ngày');
  await screenshot(page, 'every-inbox-complaint');
  assert.equal(await page.getByRole('button', { name: 'Sửa thông tin' }).count(), 0, 'a complaint has no fields to correct');

  await go(page, 'Câu hỏi');
  await page.getByTestId('result-count').filter({ hasText: '1 câu hỏi' }).waitFor();
  await openRow(page, 'Máy lọc nước có cần thay lõi định kỳ không?');
  await page.locator('.event-created', { hasText: 'Khách hàng gửi câu hỏi' }).waitFor();
  await screenshot(page, 'every-inbox-question');

  await go(page, 'Liên hệ đại lý');
  await page.getByTestId('result-count').filter({ hasText: '2 liên hệ' }).waitFor();
  await openRow(page, DEALER);
  const facts = async () =>
    Object.fromEntries(
      await Promise.all(
        ['trade', 'company', 'taxCode', 'region', 'expectedVolume'].map(async (f) => [f, await fact(page, f).textContent()]),
      ),
    );
  assert.deepEqual(await facts(), {
    trade: 'Bán lẻ',
    company: 'Công ty TNHH Thương mại Hòa Phát',
    taxCode: '0312345678-001',
    region: 'Đà Nẵng',
    expectedVolume: '200 máy mỗi quý',
  });
  await screenshot(page, 'every-inbox-trade-contact');
  // A tax code that is not one is refused in the form, in Vietnamese.
  await page.keyboard.press('i');
  const taxCode = page.getByRole('form', { name: 'Sửa thông tin liên hệ' }).getByLabel('Mã số thuế');
  const TAX_CODE = 'Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số của chi nhánh (ví dụ 0312345678-001).';
  await refused(taxCode, '031234567', 'taxCode', TAX_CODE);
  await refused(taxCode, '0312345678-01', 'taxCode', TAX_CODE);
  await screenshot(page, 'every-inbox-trade-contact-form');
  await taxCode.press('Escape');
  await openRow(page, WHOLESALE);
  assert.deepEqual(await facts(), { trade: 'Bán sỉ', company: '—', taxCode: '—', region: '—', expectedVolume: '—' });

  await go(page, 'Góp ý');
  await page.getByTestId('result-count').filter({ hasText: '1 góp ý' }).waitFor();
  await openRow(page, PRAISE);
  await fact(page, 'rating').getByRole('img', { name: 'Đánh giá 4 trên 5 sao' }).waitFor();
  assert.match((await fact(page, 'rating').textContent()) ?? '', /4\/5$/);
  assert.equal(await page.getByRole('button', { name: 'Sửa thông tin' }).count(), 0, 'a rating is the customer’s, never corrected');
  await screenshot(page, 'every-inbox-feedback');

  await page.getByRole('button', { name: 'English' }).click();
  assert.deepEqual(await navOf(page), [
    'My work0',
    'Complaints',
    'Questions',
    'Trade contacts',
    'Warranty',
    'Feedback',
    'Comments',
    'Customers',
    'Product catalogue',
    'Data requests0',
    'Warranty emails',
    'Hours & service targets',
    'Canned replies & tags',
    'Staff',
    'Audit log',
  ]);
  await page
    .getByTestId('result-count')
    .filter({ hasText: /^1 feedback item$/ })
    .waitFor();
  await fact(page, 'rating').getByRole('img', { name: 'Rated 4 out of 5 stars' }).waitFor();
  await page
    .getByTestId('conflict-count')
    .filter({ hasText: /^1 change refused$/ })
    .waitFor(); // the correction refused above
  await go(page, 'Warranty');
  await page
    .getByTestId('result-count')
    .filter({ hasText: /^1 warranty claim$/ })
    .waitFor();
  await openRow(page, CLAIM);
  await page.locator('.event-details_change', { hasText: 'Nhân viên lan corrected the serial number: ABC123 → ABC124' }).waitFor();
  await go(page, 'Complaints');
  await page
    .getByTestId('result-count')
    .filter({ hasText: /^1 complaint$/ })
    .waitFor();

  // On a narrower window the top bar wraps rather than pushing a button out of sight.
  await page.setViewportSize({ width: 1024, height: 768 });
  for (const button of await page.getByRole('banner').getByRole('button').all()) {
    const box = (await button.boundingBox())!;
    assert.ok(box.x >= 0 && box.x + box.width <= 1024, `${await button.textContent()} is within the window`);
  }
  await screenshot(page, 'every-inbox-narrow');
});
