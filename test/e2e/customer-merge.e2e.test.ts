/**
 * Duplicates and their merge, in Chromium, on desks synced with a real hub (the browser side of
 * test/hub/customer-merges.test.ts): the website sends a complaint from a guest record (no username) and a comment
 * from an account sharing its email in another case. A director's Customers → Trùng lặp shows the pair by email,
 * suggests keeping the account, takes the guest's phone (shown masked in the result), and merges after a
 * confirmation; after a sync the hub has moved the complaint to the account and told the website. On a second desk
 * an operator of complaints finds the account by the guest's phone, with the complaint in its history. The
 * director undoes the merge from the account's page ("Đã gộp từ"); the hub gives the complaint back to the guest,
 * whom the operator finds by the phone again. Two accounts sharing an email are listed too, and their merge is
 * refused in Vietnamese with "Gộp" disabled.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { complaint, customer, startTestHub, websiteComment } from '../support/hub.ts';
import { go, post, syncAll } from './desk-actions.ts';
import { screenshot, signIn, syncedDesk, until } from '../support/synced-desk.ts';

const hub = await startTestHub();
const browser = await launchBrowser();

const NAME = 'Vũ Thị Hạnh';
const GUEST = {
  ...customer('mg-guest', { fullName: NAME }),
  username: undefined,
  gender: undefined,
  email: 'Hanh.Vu@Gmail.com',
  phone: '0911 222 333',
};
const ACCOUNT = { ...customer('mg-account', { fullName: NAME }), email: 'hanh.vu@gmail.com', phone: undefined };
const SUBJECT = 'Nồi cơm điện không chín cơm';
const PHONE_MASKED = '09xx xxx 333';

/** Types a search and presses Enter; waits for its answer (not the one before). */
async function find(page: Page, text: string): Promise<string[]> {
  const field = page.getByTestId('customers-search');
  await field.fill(text);
  await field.press('Enter');
  await page.locator('[data-testid=customers-search-state][data-state=done]').waitFor();
  return page.getByTestId('customer-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
}

/** The duplicate group (by `by`) that holds the customer with `username`. */
const groupWith = (page: Page, by: 'email' | 'phone', username: string) =>
  page.locator(`[data-testid=duplicate-group][data-by~=${by}]`).filter({
    has: page.locator(`[data-testid=duplicate-customer][data-username="${username}"]`),
  });

const customerOf = async (submissionId: string) =>
  (
    await hub.db.query<{ ref: string }>(
      'SELECT c.website_ref AS ref FROM submissions s JOIN customers c ON c.id = s.customer_id WHERE s.id = $1',
      [submissionId],
    )
  ).rows[0]?.ref;

test(
  'a director merges a guest record into the account sharing its email, another desk follows, and the merge is undone',
  { timeout: 300_000 },
  async () => {
    const complaintId = await post(hub, { ...complaint('mg-guest', { subject: SUBJECT }), customer: GUEST });
    const commented = await hub.post('/intake/v1/comments', { ...websiteComment('mg-c1', 'mg-account'), customer: ACCOUNT });
    assert.equal(commented.status, 201, JSON.stringify(commented.body));
    // Two accounts sharing an email: listed, never merged.
    await post(
      hub,
      complaint('mg-one', { customer: customer('mg-one', { fullName: 'Lê Minh Tuấn', email: 'twice@gmail.com', phone: '0905 000 001' }) }),
    );
    await post(
      hub,
      complaint('mg-two', { customer: customer('mg-two', { fullName: 'Lê Minh Tú', email: 'twice@gmail.com', phone: '0905 000 002' }) }),
    );

    const a = await syncedDesk(hub, 'mg-A', [['giamdoc_mg', 'director', []]]);
    const b = await syncedDesk(hub, 'mg-B', [['khieunai_mg', 'operator', ['complaint']]]);
    const page = await signIn(browser, a.host, 'giamdoc_mg');
    const operator = await signIn(browser, b.host, 'khieunai_mg');

    // Before: the operator finds the guest by their phone.
    await go(operator, 'Khách hàng');
    assert.equal(await operator.getByTestId('customers-tab-duplicates').count(), 0, 'duplicates are for directors');
    const guestFound = await find(operator, '0911222333');
    assert.equal(guestFound.length, 1);
    const guestId = guestFound[0]!;

    // Trùng lặp: the guest and the account, by email, both chosen.
    await go(page, 'Khách hàng');
    await page.getByTestId('customers-tab-duplicates').click();
    const pairGroup = groupWith(page, 'email', 'user_mg-account');
    await pairGroup.waitFor();
    assert.equal(await pairGroup.getByTestId('duplicate-customer').count(), 2);
    await pairGroup.getByText('Cùng email').waitFor();
    const accountId = (await pairGroup
      .locator('[data-testid=duplicate-customer][data-username="user_mg-account"]')
      .getAttribute('data-id'))!;
    assert.equal(await pairGroup.locator('[data-testid=duplicate-customer][data-username=""]').getAttribute('data-id'), guestId);
    await pairGroup.getByText('Khách vãng lai (không có tài khoản)').waitFor();
    assert.equal(await pairGroup.getByRole('checkbox').evaluateAll((els) => els.every((e) => (e as HTMLInputElement).checked)), true);
    await screenshot(page, 'merge-duplicates');

    // Two accounts: refused, in Vietnamese, and Gộp cannot be pressed.
    const twins = groupWith(page, 'email', 'user_mg-one');
    await twins.getByTestId('duplicate-compare').click();
    const preview = page.getByTestId('merge-preview');
    await page.locator('[data-testid=merge-preview][data-state=ready]').waitFor();
    await preview.getByTestId('merge-refused').filter({ hasText: 'Cả hai bản ghi đều có tên tài khoản' }).waitFor();
    assert.equal(await preview.getByTestId('merge-go').isDisabled(), true);
    await screenshot(page, 'merge-refused');

    // The pair: the account suggested to stay; the phone taken from the guest, masked in the result.
    await pairGroup.getByTestId('duplicate-compare').click();
    await page
      .locator(`[data-testid=merge-preview][data-target-id="${accountId}"][data-source-id="${guestId}"][data-state=ready]`)
      .waitFor();
    await preview.getByTestId('merge-target').getByText('Tài khoản: user_mg-account').waitFor();
    await preview.getByTestId('merge-fixed').getByText('Tên tài khoản và giới tính không bao giờ thay đổi', { exact: false }).waitFor();
    assert.match(await preview.getByTestId('merge-moves').innerText(), /Chuyển 1 khiếu nại\/yêu cầu, 0 bình luận/);
    assert.equal(await preview.getByTestId('merge-refused').count(), 0);
    // Swapped, the guest would keep the account's username: refused; swapped back, allowed.
    await preview.getByRole('button', { name: 'Đổi chiều: giữ lại bản ghi kia' }).click();
    await page.locator(`[data-testid=merge-preview][data-target-id="${guestId}"][data-state=ready]`).waitFor();
    await preview.getByTestId('merge-refused').filter({ hasText: 'hãy gộp theo chiều ngược lại' }).waitFor();
    await preview.getByRole('button', { name: 'Đổi chiều: giữ lại bản ghi kia' }).click();
    await page.locator(`[data-testid=merge-preview][data-target-id="${accountId}"][data-state=ready]`).waitFor();

    await preview.getByRole('radio', { name: 'Lấy Điện thoại từ bản ghi gộp vào' }).check();
    await page.locator('[data-testid=merge-field-phone][data-choice=source]').waitFor();
    await page.locator('[data-testid=merge-preview][data-state=ready]').waitFor();
    assert.equal((await preview.getByTestId('merge-field-phone').getByTestId('merge-result').innerText()).trim(), PHONE_MASKED);
    const shown = await preview.innerText();
    assert.ok(!shown.replace(/\s/g, '').includes('911222333') && !shown.includes('hanh.vu@gmail.com'), 'masked');
    await screenshot(page, 'merge-preview');

    await preview.getByTestId('merge-go').click();
    const ask = preview.getByTestId('merge-confirm');
    await ask
      .getByText(
        'Gộp sẽ thực hiện trên máy chủ trung tâm và mọi máy trạm sau lần đồng bộ tới; có thể hoàn tác khi khách hàng giữ lại chưa thay đổi.',
      )
      .waitFor();
    await screenshot(page, 'merge-confirm');
    await ask.getByRole('button', { name: 'Xác nhận gộp' }).click();
    await preview.getByTestId('merge-said').filter({ hasText: 'Đã xếp việc gộp vào hàng chờ' }).waitFor();

    // The hub carries it out.
    await syncAll(page);
    await until('the hub moved the complaint to the account', async () => (await customerOf(complaintId)) === 'mg-account');
    const merged = await hub.db.query<{ merged_into: string | null }>('SELECT merged_into FROM customers WHERE id = $1', [guestId]);
    assert.equal(merged.rows[0]?.merged_into, accountId);
    await until('the website feed says the guest was merged into the account', async () =>
      (await hub.feed('?limit=1000')).changes.some(
        (c) => c.type === 'customer.merge' && c.from.ref === 'mg-guest' && c.into.ref === 'mg-account',
      ),
    );
    // Pulled back: the pair is no longer a pair of duplicates, the twins still are.
    await until('the pair leaves Trùng lặp', async () => (await pairGroup.count()) === 0);
    await twins.waitFor();
    await page.getByText('Chọn hai bản ghi của cùng một khách hàng bên trái', { exact: false }).waitFor();

    // Desk B, after a sync: the guest's phone finds the account, with the complaint in its history.
    await syncAll(operator);
    assert.deepEqual(await find(operator, '0911222333'), [accountId]);
    await operator.getByTestId('customer-row').first().click();
    const onB = operator.locator(`[data-testid=customer-page][data-id="${accountId}"]`);
    await onB.getByTestId('timeline-item').filter({ hasText: SUBJECT }).waitFor();
    assert.equal(await onB.getByTestId('merged-from').count(), 0, 'merges are for directors');
    await screenshot(operator, 'merge-operator-after');

    // Back on A: the account's page lists the guest under "Đã gộp từ"; the merge undone.
    await page.getByTestId('customers-tab-find').click();
    assert.deepEqual(await find(page, '0911222333'), [accountId]);
    await page.getByTestId('customer-row').first().click();
    const accountPage = page.locator(`[data-testid=customer-page][data-id="${accountId}"]`);
    const item = accountPage.locator(`[data-testid=merged-from-item][data-id="${guestId}"]`);
    await accountPage.getByRole('heading', { name: 'Đã gộp từ' }).waitFor();
    await item.getByText('Vũ T. H.').waitFor();
    await item.getByText(/^Gộp lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/).waitFor();
    await screenshot(page, 'merge-merged-from');
    await item.getByRole('button', { name: 'Hoàn tác gộp Vũ T. H.' }).click();
    const undo = item.getByTestId('unmerge-confirm');
    await undo.getByText('máy chủ sẽ từ chối nếu khách hàng này đã thay đổi từ khi gộp', { exact: false }).waitFor();
    await screenshot(page, 'merge-undo-confirm');
    await undo.getByRole('button', { name: 'Xác nhận hoàn tác' }).click();
    await accountPage.getByTestId('merged-from-said').filter({ hasText: 'Đã xếp việc hoàn tác gộp Vũ T. H. vào hàng chờ' }).waitFor();
    await item.getByText('Chờ đồng bộ').waitFor();

    await syncAll(page);
    await until('the hub gave the complaint back to the guest', async () => (await customerOf(complaintId)) === 'mg-guest');
    const back = await hub.db.query<{ merged_into: string | null }>('SELECT merged_into FROM customers WHERE id = $1', [guestId]);
    assert.equal(back.rows[0]?.merged_into, null);
    await until('the website feed says the merge was undone', async () =>
      (await hub.feed('?limit=1000')).changes.some((c) => c.type === 'customer.unmerge' && c.from.ref === 'mg-guest'),
    );

    // Desk B: the phone finds the guest again, with the complaint.
    await syncAll(operator);
    assert.deepEqual(await find(operator, '0911222333'), [guestId]);
    await operator.getByTestId('customer-row').first().click();
    await operator
      .locator(`[data-testid=customer-page][data-id="${guestId}"]`)
      .getByTestId('timeline-item')
      .filter({ hasText: SUBJECT })
      .waitFor();

    // And on A the pair is a pair of duplicates again.
    await page.getByTestId('customers-tab-duplicates').click();
    await pairGroup.waitFor();
    for (const p of [page, operator]) await p.context().close();
  },
);
