/**
 * A reply's delivery state as the person sees it in the timeline, for each state the hub can report:
 * waiting to sync, email not configured on the hub, sending, sent, refused and being retried, failed, and
 * no address. The hub's own mail code makes each state (server/mail), step by step, against the real SMTP
 * listener and a server that never answers; the desk gets it by sync, as in use. A refusal reads as its
 * category and SMTP code in the interface language, never the mail server's text.
 */
import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { markNotConfigured } from '../../server/mail/delivery.ts';
import { MAX_ATTEMPTS, MailSender } from '../../server/mail/sender.ts';
import { launchBrowser } from '../support/browser.ts';
import { complaint, customer, startTestHub } from '../support/hub.ts';
import { startSmtpListener } from '../support/smtp.ts';
import { screenshot, signIn, syncedDesk, syncInUi } from '../support/synced-desk.ts';
import { waitFor } from '../support/wait.ts';

// No mail delivery runs on its own here: the test moves each reply to its state.
const hub = await startTestHub();
const smtp = await startSmtpListener();
const { desk, host } = await syncedDesk(hub, 'A', [['lan', 'operator', ['complaint']]]);
const browser = await launchBrowser();
const sender = (url: string) => new MailSender(hub.db, { url, from: 'CSKH <cskh@example.vn>' });

/** The person writes a reply to the open complaint and sends it; it waits in the desk's outbox. */
async function reply(page: Page, body: string) {
  await page.getByRole('textbox', { name: 'Trả lời khách hàng (r)' }).fill(body);
  await page.getByRole('button', { name: 'Đưa vào hàng gửi' }).click();
  await badge(page, body).filter({ hasText: 'chờ đồng bộ lên máy chủ trung tâm' }).waitFor();
  return (desk.store.db.prepare(`SELECT id FROM submission_events WHERE body = ?`).get(body) as { id: string }).id;
}
const badge = (page: Page, body: string) => page.locator('.event-reply', { hasText: body }).getByTestId('delivery');
const hubDelivery = async (id: string) =>
  (await hub.db.query<{ d: string }>(`SELECT data->>'delivery' AS d FROM submission_events WHERE id = $1`, [id])).rows[0]!.d;

test('each delivery state of a reply reads as what happened to it', { timeout: 180_000 }, async () => {
  const subject = 'Tủ lạnh không lạnh sau hai ngày';
  await hub.post('/intake/v1/submissions', complaint('tl', { subject, customer: customer('tl', { email: 'khach.tl@gmail.com' }) }));
  const page = await signIn(browser, host, 'lan');
  await syncInUi(page);
  await page.locator('.row', { hasText: subject }).click();
  await page.getByRole('heading', { name: subject }).waitFor();

  await reply(page, 'Trả lời 1: sẽ đổi tủ mới.');
  await syncInUi(page);
  assert.equal(await sender(smtp.url).runOnce(), 1);

  const unconfigured = await reply(page, 'Trả lời 2: hub chưa có email.');
  await syncInUi(page);
  assert.equal(await markNotConfigured(hub.db), 1);
  await hub.db.query(`UPDATE mail_outbox SET next_attempt_at = now() + interval '1 day' WHERE reply_id = $1`, [unconfigured]);

  smtp.refuseWith = 'mailbox unavailable';
  const failed = await reply(page, 'Trả lời 3: hộp thư từ chối mãi.');
  await syncInUi(page);
  await sender(smtp.url).runOnce();
  await hub.db.query('UPDATE mail_outbox SET attempts = $2, next_attempt_at = now() WHERE reply_id = $1', [failed, MAX_ATTEMPTS - 1]);
  await sender(smtp.url).runOnce();
  assert.equal(await hubDelivery(failed), 'failed');
  await reply(page, 'Trả lời 4: hộp thư từ chối một lần.');
  await syncInUi(page);
  await sender(smtp.url).runOnce();
  smtp.refuseWith = undefined;

  // A mail server that accepts the connection and never answers: the send stays under way.
  const sockets = new Set<Socket>();
  const silent = createServer((s) => void sockets.add(s));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  after(() => silent.close());
  const sending = await reply(page, 'Trả lời 5: đang gửi.');
  await syncInUi(page);
  const stuck = sender(`smtp://127.0.0.1:${(silent.address() as { port: number }).port}`).runOnce();
  await waitFor('the hub to record the reply as being sent', async () => (await hubDelivery(sending)) === 'sending');

  await syncInUi(page);
  const pending = 'Trả lời 6: chưa đồng bộ.';
  await reply(page, pending);
  const expected: [string, RegExp][] = [
    ['Trả lời 1: sẽ đổi tủ mới.', /^đã gửi email lúc \d\d:\d\d \d\d\/\d\d\/\d{4}$/],
    ['Trả lời 2: hub chưa có email.', /^chưa gửi: máy chủ trung tâm chưa cấu hình email$/],
    ['Trả lời 3: hộp thư từ chối mãi.', /^gửi thất bại: địa chỉ email không tồn tại hoặc không nhận thư \(mã 550\)$/],
    [
      'Trả lời 4: hộp thư từ chối một lần.',
      /^gửi lại lúc .+ \(đã thử 1 lần\): địa chỉ email không tồn tại hoặc không nhận thư \(mã 550\)$/,
    ],
    ['Trả lời 5: đang gửi.', /^đang gửi email…$/],
    [pending, /^chờ đồng bộ lên máy chủ trung tâm$/],
  ];
  for (const [body, text] of expected) await badge(page, body).filter({ hasText: text }).waitFor();
  assert.deepEqual(await page.getByTestId('delivery').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.state)), [
    'sent',
    'queued',
    'failed',
    'queued',
    'sending',
    'pending',
  ]);
  await screenshot(page, 'reply-delivery-vi');
  await page.getByRole('button', { name: 'English' }).click();
  await badge(page, 'Trả lời 2: hub chưa có email.').filter({ hasText: 'not sent: email is not configured on the hub' }).waitFor();
  await badge(page, 'Trả lời 3: hộp thư từ chối mãi.')
    .filter({ hasText: /^sending failed: the address does not exist or takes no mail \(code 550\)$/ })
    .waitFor();
  await badge(page, 'Trả lời 4: hộp thư từ chối một lần.')
    .filter({ hasText: /^retrying at .+ \(tried once\): the address does not exist or takes no mail \(code 550\)$/ })
    .waitFor();
  await screenshot(page, 'reply-delivery-en');

  sockets.forEach((s) => s.destroy()); // the stuck send fails and is queued for a retry
  await stuck;
  assert.equal(smtp.received.filter((m) => m.to === 'khach.tl@gmail.com').length, 1, 'only the first reply was accepted');
});

test('a reply to a customer who left no email address says so', { timeout: 120_000 }, async () => {
  const subject = 'Không để lại email';
  const { email: _none, ...noEmail } = customer('ne');
  await hub.post('/intake/v1/submissions', complaint('ne', { subject, customer: noEmail }));
  const page = await signIn(browser, host, 'lan');
  await syncInUi(page);
  await page.locator('.row', { hasText: subject }).click();
  await page.getByRole('heading', { name: subject }).waitFor();
  await reply(page, 'Chào anh/chị.');
  await syncInUi(page); // the push, and the hub's answer in the same cycle's pull
  await badge(page, 'Chào anh/chị.').filter({ hasText: 'không gửi được: khách hàng không để lại địa chỉ email' }).waitFor();
  await screenshot(page, 'reply-delivery-no-address');
});
