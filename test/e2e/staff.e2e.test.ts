/**
 * The Staff screen in Chromium, across two desks enrolled with one hub: a director adds an operator on desk A
 * and is shown her one-time password once; after the desks sync, she signs in on desk B, is asked for her own
 * password before anything else, and lands in her inbox; the director disables her, and after B syncs her
 * session there is over.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchBrowser } from '../support/browser.ts';
import { startTestHub } from '../support/hub.ts';
import { screenshot, signIn, syncedDesk, syncInUi } from '../support/synced-desk.ts';

const hub = await startTestHub();
const browser = await launchBrowser();

test(
  'a director adds a person on desk A; she signs in on desk B with the one-time password, chooses her own, and is signed out once disabled',
  { timeout: 180_000 },
  async () => {
    const a = await syncedDesk(hub, 'A', [['giamdoc', 'director', []]]);
    const b = await syncedDesk(hub, 'B', [['minh', 'operator', ['comment']]]);
    const director = await signIn(browser, a.host, 'giamdoc');
    await director.getByRole('button', { name: 'Nhân sự' }).click();
    await director.getByRole('heading', { name: 'Nhân sự của tổ chức' }).waitFor();
    await director.getByRole('button', { name: 'Thêm nhân sự' }).click();
    const form = director.getByRole('form', { name: 'Thêm nhân sự' });
    await form.getByLabel('Họ và tên').fill('Đỗ Thị Hằng');
    await form.getByLabel('Tên đăng nhập').fill('hang');
    await form.getByLabel('Khiếu nại').check();
    await form.getByRole('button', { name: 'Thêm nhân sự' }).click();
    const secret = director.getByTestId('one-time-password');
    await secret.waitFor();
    const oneTime = (await secret.locator('code').textContent())!;
    assert.match(oneTime, /^[A-Za-z2-9]{14}$/);
    await director.getByTestId('staff-row').filter({ hasText: 'Đỗ Thị Hằng' }).filter({ hasText: 'chờ đặt mật khẩu' }).waitFor();
    await screenshot(director, 'staff-added');
    await director.getByRole('button', { name: 'Đã ghi lại' }).click();
    assert.equal(await secret.count(), 0, 'the one-time password is gone once noted');
    await syncInUi(director);

    await b.desk.sync.syncNow();
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(b.host.issueLaunchUrl());
    await page.getByLabel('Tên đăng nhập').fill('hang');
    await page.getByLabel('Mật khẩu').fill(oneTime);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Đặt mật khẩu của bạn' }).waitFor();
    await screenshot(page, 'staff-choose-password');
    await page.getByLabel('Mật khẩu dùng một lần').fill(oneTime);
    await page.getByLabel('Mật khẩu mới').fill('Hằng chọn mật khẩu này');
    await page.getByLabel('Nhập lại mật khẩu').fill('Hằng chọn mật khẩu này');
    await page.getByRole('button', { name: 'Lưu mật khẩu' }).click();
    await page.getByTestId('result-count').filter({ hasText: 'khiếu nại' }).waitFor();

    // Disabled on A: after B syncs, her next call there finds her signed out.
    page.on('dialog', (d) => void d.accept());
    director.on('dialog', (d) => void d.accept());
    await director.getByTestId('staff-row').filter({ hasText: 'Đỗ Thị Hằng' }).getByRole('button', { name: 'Vô hiệu hóa' }).click();
    await director.getByTestId('staff-row').filter({ hasText: 'Đỗ Thị Hằng' }).filter({ hasText: 'Đã vô hiệu hóa' }).waitFor();
    await syncInUi(director);
    await b.desk.sync.syncNow();
    await page.reload();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await screenshot(director, 'staff-disabled');
  },
);
