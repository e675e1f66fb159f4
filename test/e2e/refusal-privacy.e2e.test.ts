/**
 * A mail server's refusal usually quotes the recipient ("550 5.1.1 <mai@gmail.com>: mailbox unavailable"),
 * and desks may show a customer's address only masked, until an audited reveal. The address stays in the
 * hub's mail_outbox.last_error; the reply event every desk pulls, and the screen, carry only the SMTP code
 * and a category, while the reply is retried and after it has failed, in both languages.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { MAX_ATTEMPTS, MailSender } from '../../server/mail/sender.ts';
import { launchBrowser } from '../support/browser.ts';
import { complaint, customer, startTestHub } from '../support/hub.ts';
import { startSmtpListener } from '../support/smtp.ts';
import { signIn, syncedDesk, syncInUi } from '../support/synced-desk.ts';

const ADDRESS = 'mai.nguyen.rp@gmail.com';
const hub = await startTestHub(); // no mail delivery of its own: the test runs each attempt
const smtp = await startSmtpListener();
const { desk, host } = await syncedDesk(hub, 'P', [['lan', 'operator', ['complaint']]]);
const browser = await launchBrowser();
const sender = new MailSender(hub.db, { url: smtp.url, from: 'CSKH <cskh@example.vn>' });
const BODY = 'Chào chị Mai, chúng tôi đã gửi lại hóa đơn.';

const hubEvent = async (id: string) =>
  (await hub.db.query<{ data: unknown }>('SELECT data FROM submission_events WHERE id = $1', [id])).rows[0]!.data;
const deskEvent = (id: string) =>
  (desk.store.db.prepare('SELECT data FROM submission_events WHERE id = ?').get(id) as { data: string }).data;
const lastError = async (id: string) =>
  (await hub.db.query<{ last_error: string }>('SELECT last_error FROM mail_outbox WHERE reply_id = $1', [id])).rows[0]!.last_error;

/** Nowhere but on the hub: not in the hub's event, not in the desk's copy, not in the page's text or markup. */
async function addressKeptOnHub(page: Page, id: string, state: string) {
  assert.ok((await lastError(id)).includes(ADDRESS), `${state}: the hub keeps the server's full answer`);
  assert.ok(!JSON.stringify(await hubEvent(id)).includes(ADDRESS), `${state}: the hub's reply event`);
  assert.ok(!deskEvent(id).includes(ADDRESS), `${state}: the desk's copy of the event`);
  assert.ok(!(await page.locator('body').innerText()).includes(ADDRESS), `${state}: the page's text`);
  assert.ok(!(await page.content()).includes(ADDRESS), `${state}: the page's markup`);
}

test('an SMTP refusal quoting the customer’s address never puts it in the event data nor on screen', { timeout: 120_000 }, async () => {
  const subject = 'Chưa nhận được hóa đơn';
  await hub.post('/intake/v1/submissions', complaint('rp', { subject, customer: customer('rp', { email: ADDRESS }) }));
  const page = await signIn(browser, host, 'lan');
  await syncInUi(page);
  await page.locator('.row', { hasText: subject }).click();
  await page.getByRole('heading', { name: subject }).waitFor();
  await page.getByRole('textbox', { name: 'Trả lời khách hàng (r)' }).fill(BODY);
  await page.getByRole('button', { name: 'Đưa vào hàng gửi' }).click();
  await syncInUi(page);
  const id = (desk.store.db.prepare('SELECT id FROM submission_events WHERE body = ?').get(BODY) as { id: string }).id;
  const badge = page.locator('.event-reply', { hasText: BODY }).getByTestId('delivery');

  smtp.refuseWith = `5.1.1 <${ADDRESS}>: mailbox unavailable`;
  try {
    assert.equal(await sender.runOnce(), 0);
    await syncInUi(page);
    await badge.filter({ hasText: /\(đã thử 1 lần\)/ }).waitFor();
    await addressKeptOnHub(page, id, 'retrying');
    await badge.filter({ hasText: /\(đã thử 1 lần\): địa chỉ email không tồn tại hoặc không nhận thư \(mã 550\)$/ }).waitFor();

    await hub.db.query('UPDATE mail_outbox SET attempts = $2, next_attempt_at = now() WHERE reply_id = $1', [id, MAX_ATTEMPTS - 1]);
    assert.equal(await sender.runOnce(), 0);
  } finally {
    smtp.refuseWith = undefined;
    await sender.close();
  }
  await syncInUi(page);
  await badge.filter({ hasText: /^gửi thất bại: địa chỉ email không tồn tại hoặc không nhận thư \(mã 550\)$/ }).waitFor();
  assert.deepEqual(await hubEvent(id), {
    delivery: 'failed',
    code: 'refused',
    failure: { category: 'mailbox_unavailable', smtpCode: 550 },
  });
  await addressKeptOnHub(page, id, 'failed');

  await page.getByRole('button', { name: 'English' }).click();
  await badge.filter({ hasText: /^sending failed: the address does not exist or takes no mail \(code 550\)$/ }).waitFor();
  await addressKeptOnHub(page, id, 'failed, in English');
});
