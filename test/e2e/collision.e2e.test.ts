/**
 * Collision end to end, in Chromium through the browser host, on two desks enrolled with one real hub on loopback.
 * Two operators open the same complaint: each is told the other has it open (the desk renews its report every
 * 15 s, so the one who opened first hears of the second at the next renewal); one starts a reply and the other reads
 * "đang soạn trả lời…"; one sends and syncs, the other syncs and, before sending, is shown the reply that came in
 * since she opened it and must press "Vẫn gửi". When one closes it, the other stops seeing her. Then the customer
 * writes again through the website about a complaint waiting on them: after a sync the timeline shows their message
 * apart from staff replies, the complaint is open again ("Mở lại vì khách hàng viết thêm"), and the person who had it
 * open is told before replying. Vietnamese and English words checked.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { complaint, startTestHub } from '../support/hub.ts';
import { screenshot, signIn, syncedDesk, syncInUi } from '../support/synced-desk.ts';
import { go, post, syncAll } from './desk-actions.ts';

const TEST = { timeout: 180_000 };
/** Past one renewal of the other desk's report (15 s), with room for the hub's answer. */
const RENEWAL = { timeout: 25_000 };
const hub = await startTestHub();
const browser = await launchBrowser();
const a = await syncedDesk(hub, 'A', [['lan', 'operator', ['complaint']]]);
const b = await syncedDesk(hub, 'B', [['minh', 'operator', ['complaint']]]);

const BOTH = 'Bảo hành tủ lạnh bị từ chối';
const WAITING = 'Chưa nhận được hàng đổi';
await post(hub, complaint('c1', { subject: BOTH }));
const waitingId = await post(hub, complaint('c2', { subject: WAITING }));

async function open(page: Page, subject: string): Promise<void> {
  await go(page, 'Khiếu nại');
  await page.locator('.row', { hasText: subject }).click();
  await page.getByRole('heading', { name: subject }).waitFor();
}
const presence = (page: Page) => page.getByTestId('presence');
const replies = (page: Page) => page.locator('.event-reply .event-body');

test('two people on one complaint see each other, who is writing, and a reply that came in before sending', TEST, async () => {
  const lan = await signIn(browser, a.host, 'lan');
  await syncInUi(lan);
  await open(lan, BOTH);
  const minh = await signIn(browser, b.host, 'minh');
  await syncInUi(minh);
  await open(minh, BOTH);

  // The second to open hears of the first at once; the first hears of the second at its next renewal.
  await presence(minh).getByText('Nhân viên lan cũng đang xem yêu cầu này').waitFor();
  await presence(lan).getByText('Nhân viên minh cũng đang xem yêu cầu này').waitFor(RENEWAL);

  // Minh starts a reply: said at once to the hub, heard by Lan at her next renewal.
  const minhReply = minh.locator('textarea[name=reply]');
  await minhReply.fill('Dạ, cửa hàng xin kiểm tra lại và báo anh trong hôm nay.');
  await presence(lan).getByText('Nhân viên minh đang soạn trả lời…').waitFor(RENEWAL);
  assert.equal(await presence(lan).getByTestId('presence-viewing').count(), 0);
  await screenshot(lan, 'collision-composing');

  // Lan replies and syncs; Minh's desk syncs: before sending he reads her reply and must confirm.
  const LAN_SAYS = 'Dạ, cửa hàng đã đổi sang bảo hành tại nhà, kỹ thuật viên sẽ gọi anh.';
  await lan.keyboard.press('r');
  await lan.keyboard.type(LAN_SAYS);
  await lan.keyboard.press('Control+Enter');
  await replies(lan).filter({ hasText: LAN_SAYS }).waitFor();
  await syncAll(lan);
  await syncInUi(minh);
  const warning = minh.getByTestId('news-warning');
  await warning
    .getByTestId('news-item')
    .filter({ hasText: /^Nhân viên lan đã trả lời lúc .+, sau khi bạn mở yêu cầu này/ })
    .waitFor();
  assert.equal(await warning.locator('.event-body').textContent(), LAN_SAYS);
  await screenshot(minh, 'collision-warning');
  // Ctrl+Enter does not send past it: the keyboard goes to "Vẫn gửi".
  await minhReply.press('Control+Enter');
  await minh.getByRole('button', { name: 'Vẫn gửi' }).and(minh.locator(':focus')).waitFor();
  assert.equal(await replies(minh).count(), 1);
  await minh.keyboard.press('Enter');
  await replies(minh).filter({ hasText: 'xin kiểm tra lại' }).waitFor();
  await warning.waitFor({ state: 'detached' });
  assert.equal(await minhReply.inputValue(), '');
  assert.equal(await minh.getByRole('button', { name: 'Đưa vào hàng gửi' }).count(), 1);

  // Minh leaves it: Lan stops seeing him at her next renewal.
  await go(minh, /^Việc của tôi/);
  await presence(lan).waitFor({ state: 'detached', ...RENEWAL });

  await lan.getByRole('button', { name: 'English' }).click();
  await open(minh, BOTH);
  await presence(minh).getByText('Nhân viên lan cũng đang xem yêu cầu này').waitFor();
  await presence(lan).getByText('Nhân viên minh is also viewing this').waitFor(RENEWAL);
});

test('the customer writes again: the message on the timeline, the complaint open again, the person told', TEST, async () => {
  const lan = await signIn(browser, a.host, 'lan');
  await syncInUi(lan);
  await open(lan, WAITING);
  await lan.getByTestId('status-select').selectOption({ label: 'Chờ phản hồi' });
  await lan.locator('.event-status_change').waitFor();
  await syncAll(lan);

  const SAYS = 'Tôi vẫn chưa nhận được hàng đổi, nhờ cửa hàng kiểm tra giúp.';
  const r = await hub.post('/intake/v1/messages', {
    submissionId: waitingId,
    customerRef: 'c2',
    body: SAYS,
    sentAt: new Date().toISOString(),
  });
  assert.ok(r.status >= 200 && r.status < 300, JSON.stringify(r.body));
  await syncInUi(lan);

  const message = lan.locator('.event-customer_message');
  await message.waitFor();
  assert.equal(await message.locator('.event-head span').first().textContent(), 'Khách hàng viết thêm');
  assert.equal(await message.locator('.event-body').textContent(), SAYS);
  await lan.locator('.event-by-customer').getByText('Mở lại vì khách hàng viết thêm').waitFor();
  assert.equal(await lan.getByTestId('status-select').inputValue(), 'open');
  // She had it open when it came: a reply now waits on her seeing it.
  await lan
    .getByTestId('news-item')
    .filter({ hasText: /^Khách hàng viết thêm lúc .+, sau khi bạn mở yêu cầu này/ })
    .waitFor();
  await screenshot(lan, 'customer-message');

  await lan.getByRole('button', { name: 'English' }).click();
  await message.getByText('The customer wrote again').waitFor();
  await lan.locator('.event-by-customer').getByText('Reopened: the customer wrote again').waitFor();
  await screenshot(lan, 'customer-message-en');
});
