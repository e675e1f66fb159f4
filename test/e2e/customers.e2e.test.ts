/**
 * The Customers screen, in Chromium, on desks synced with a real hub: the website sends a complaint and a consent
 * to email promotions (with the page it was given on) for customer A, and a complaint for customer B. A director
 * finds A by their phone in any of its forms (the digits never shown) and by a part of their name typed without
 * marks, opens A's page by the keyboard and sees the consent's record; the email promotion list holds A, and its
 * export (recorded in the audit log) downloads a CSV with A's name and email in full. The director withdraws A's
 * consent by phone: the channel shows withdrawn at once, the list empties, and after a sync the hub holds the
 * withdrawal and the website feed says so. On another desk an operator of questions alone cannot find A, who
 * only sent a complaint; an operator of complaints can.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { complaint, customer, startTestHub } from '../support/hub.ts';
import { go, post, syncAll } from './desk-actions.ts';
import { screenshot, signIn, syncedDesk, until } from '../support/synced-desk.ts';

const hub = await startTestHub();
const browser = await launchBrowser();

const A_NAME = 'Phạm Thị Hồng Nhung';
const A_EMAIL = 'hongnhung.pham@gmail.com';
const A = customer('cu-a', { fullName: A_NAME, email: A_EMAIL, phone: '0912 345 678' });
const B = customer('cu-b', { fullName: 'Trần Văn Bảo', email: 'tranbao@gmail.com', phone: '0987 000 111' });
const WORDING = 'Tôi đồng ý nhận thông tin khuyến mãi của cửa hàng qua email.';
const PAGE_URL = 'https://shop.example.vn/dang-ky-nhan-tin';
const A_SUBJECT = 'Máy giặt kêu to khi vắt';

/** Types a search and presses Enter; waits for its answer (not the one before). */
async function find(page: Page, text: string): Promise<void> {
  const field = page.getByTestId('customers-search');
  await field.fill(text);
  await field.press('Enter');
  await page.locator('[data-testid=customers-search-state][data-state=done]').waitFor();
}
const rows = (page: Page) => page.getByTestId('customer-row');

test(
  'a director finds a customer by phone or name, sees their consent, exports and withdraws it; operators see only their inboxes’ customers',
  { timeout: 240_000 },
  async () => {
    await post(hub, complaint('cu-kn-a', { customer: A, subject: A_SUBJECT, body: 'Máy giặt mua tháng trước, vắt rất ồn.' }));
    await post(hub, complaint('cu-kn-b', { customer: B }));
    const given = await hub.post('/intake/v1/consents', {
      customer: A,
      optedIn: true,
      channel: 'email',
      wording: WORDING,
      pageUrl: PAGE_URL,
      recordedAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    assert.equal(given.status, 201, JSON.stringify(given.body));

    const { host } = await syncedDesk(hub, 'cu-A', [['giamdoc_cu', 'director', []]]);
    const page = await signIn(browser, host, 'giamdoc_cu');
    await go(page, 'Khách hàng');
    await page.getByRole('heading', { level: 2, name: 'Khách hàng' }).waitFor();
    const state = page.getByTestId('customers-search-state');

    // Too short, then nobody.
    await page.getByTestId('customers-search').fill('a');
    await state.getByText('Nhập email, số điện thoại hoặc ít nhất 2 chữ của tên').waitFor();
    await find(page, 'khong ai ten nay');
    await state.getByText('Không tìm thấy khách hàng nào').waitFor();

    // A's phone, in each of its forms: A alone, masked.
    await find(page, '+84 912 345 678');
    assert.equal(await rows(page).count(), 1);
    const aId = (await rows(page).first().getAttribute('data-id'))!;
    const shown = await rows(page).first().innerText();
    assert.doesNotMatch(shown.replace(/\s/g, ''), /912345678|345678/, 'the digits are not shown');
    assert.ok(!shown.includes(A_NAME) && !shown.includes(A_EMAIL), `masked: ${shown}`);
    assert.match(shown, /Phạm/);
    await screenshot(page, 'customers-found-by-phone');
    for (const form of ['84912345678', '0912345678']) {
      await find(page, form);
      assert.deepEqual(await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))), [aId], form);
    }
    // A part of the name without its marks.
    await find(page, 'hong nhung');
    assert.deepEqual(await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))), [aId]);

    // ↓ from the field to the row, Enter opens the page.
    await page.getByTestId('customers-search').press('ArrowDown');
    await page.keyboard.press('Enter');
    const customerPage = page.locator(`[data-testid=customer-page][data-id="${aId}"]`);
    await customerPage.waitFor();
    const email = customerPage.getByTestId('consent-email');
    assert.equal(await email.getAttribute('data-state'), 'active');
    assert.equal(await customerPage.getByTestId('consent-sms').getAttribute('data-state'), 'never');
    await email.getByTestId('consent-record').getByText(WORDING).waitFor();
    await email.getByTestId('consent-page').filter({ hasText: PAGE_URL }).waitFor();
    await email.getByTestId('consent-record').getByText('Nguồn: Website').waitFor();
    await customerPage.getByTestId('timeline-item').filter({ hasText: A_SUBJECT }).waitFor();
    await customerPage.getByTestId('customer-requests').getByText('Khách chưa gửi yêu cầu nào').waitFor();
    assert.notEqual(await customerPage.getByTestId('customer-email').innerText(), A_EMAIL);
    await customerPage.getByRole('button', { name: 'Hiện Email đầy đủ' }).click();
    await customerPage.getByTestId('customer-email').filter({ hasText: A_EMAIL }).waitFor();
    await screenshot(page, 'customers-page');

    // The promotion lists: one by email, nobody by SMS (nothing to export).
    await page.getByTestId('customers-tab-promotions').click();
    const total = page.getByTestId('promotions-total');
    await page.locator('[data-testid=promotions-total][data-total="1"]').waitFor();
    assert.match(await total.innerText(), /^1 khách hàng đồng ý nhận khuyến mãi qua Email$/);
    await page.getByTestId('promotion-row').filter({ hasText: 'Phạm' }).waitFor();
    await page.getByTestId('promotions-sms').click();
    await page.locator('[data-testid=promotions-total][data-total="0"]').waitFor();
    assert.equal(await page.getByTestId('promotions-export').isDisabled(), true, 'an empty list has nothing to export');

    // The email list's export: asked first, saying it is audited; the CSV holds A in full.
    await page.getByTestId('promotions-email').click();
    await page.locator('[data-testid=promotions-total][data-total="1"]').waitFor();
    await page.getByTestId('promotions-export').click();
    const confirm = page.getByTestId('export-confirm');
    await confirm.getByText('nhật ký kiểm toán', { exact: false }).waitFor();
    await screenshot(page, 'customers-export-confirm');
    const downloading = page.waitForEvent('download', { timeout: 15_000 });
    await confirm.getByRole('button', { name: 'Xuất tệp CSV' }).click();
    const download = await downloading;
    assert.match(download.suggestedFilename(), /^khuyen-mai-email-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    assert.ok(csv.includes(A_NAME) && csv.includes(A_EMAIL), csv);
    assert.ok(!csv.includes('tranbao@gmail.com'), 'only those who consent');
    await page.getByTestId('promotions-said').filter({ hasText: 'Đã xuất 1 khách hàng' }).waitFor();

    // Withdrawn by phone from A's page, opened from the list: withdrawn at once, the list empty.
    await page.getByTestId('promotion-row').first().click();
    await customerPage.waitFor();
    await email.getByRole('button', { name: 'Rút lại đồng ý nhận khuyến mãi qua Email' }).click();
    const ask = email.getByTestId('withdraw-confirm');
    assert.equal(await ask.getByRole('radio', { name: 'Điện thoại' }).isChecked(), true, 'by phone unless told otherwise');
    await screenshot(page, 'customers-withdraw-ask');
    await ask.getByRole('button', { name: 'Xác nhận rút lại' }).click();
    await customerPage.locator('[data-testid=consent-email][data-state=withdrawn]').waitFor();
    await customerPage.getByTestId('consents-said').filter({ hasText: 'rút lại đồng ý nhận khuyến mãi qua Email' }).waitFor();
    await email.locator('[data-testid=consent-record][data-opted-in=false]').getByText('Nguồn: Điện thoại').waitFor();
    await page.locator('[data-testid=promotions-total][data-total="0"]').waitFor();
    await page.getByText('Không có khách hàng nào đang đồng ý nhận khuyến mãi qua Email.').waitFor();
    await screenshot(page, 'customers-withdrawn');

    await syncAll(page);
    await until('the website feed says A withdrew email promotions', async () =>
      (await hub.feed('?limit=1000')).changes.some(
        (c) => c.type === 'consent.withdrawn' && c.customer.ref === 'cu-a' && c.channel === 'email',
      ),
    );
    const onHub = await hub.db.query<{ opted_in: boolean; source: string }>(
      'SELECT opted_in, source FROM consents WHERE customer_id = $1 ORDER BY recorded_at',
      [aId],
    );
    assert.deepEqual(
      onHub.rows.map((r) => [r.opted_in, r.source]),
      [
        [true, 'website'],
        [false, 'phone'],
      ],
    );

    // The complaint in A's history opens in the complaints inbox.
    await page.getByTestId('customers-tab-find').click();
    await find(page, '0912345678');
    await rows(page).first().click();
    await customerPage.getByTestId('timeline-item').getByRole('button', { name: A_SUBJECT }).click();
    await page.getByRole('heading', { name: A_SUBJECT }).waitFor();

    // Another desk: questions alone do not name A; complaints do (without the consents, without the requests).
    const other = await syncedDesk(hub, 'cu-B', [
      ['hoi_cu', 'operator', ['question']],
      ['khieunai_cu', 'operator', ['complaint']],
    ]);
    const questions = await signIn(browser, other.host, 'hoi_cu');
    await go(questions, 'Khách hàng');
    assert.equal(await questions.getByTestId('customers-tab-promotions').count(), 0, 'no promotion inbox, no lists');
    await find(questions, '0912345678');
    await questions.getByTestId('customers-search-state').getByText('Không tìm thấy khách hàng nào').waitFor();
    await find(questions, 'hong nhung');
    assert.equal(await rows(questions).count(), 0);

    const complaints = await signIn(browser, other.host, 'khieunai_cu');
    await go(complaints, 'Khách hàng');
    await find(complaints, '+84 912 345 678');
    assert.deepEqual(await rows(complaints).evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))), [aId]);
    await rows(complaints).first().click();
    const seen = complaints.locator(`[data-testid=customer-page][data-id="${aId}"]`);
    await seen.getByTestId('timeline-item').filter({ hasText: A_SUBJECT }).waitFor();
    assert.equal(await seen.getByTestId('consents').count(), 0, 'consents are for the promotion inbox');
    assert.equal(await seen.getByTestId('customer-requests').count(), 0, 'requests are for directors');
    await screenshot(complaints, 'customers-operator');
    // Closed before the desks are, so no page asks a desk that has gone.
    for (const p of [page, questions, complaints]) await p.context().close();
  },
);
