/**
 * A saved view across the whole loop, from the keyboard: complaints the website sent reach two desks through the
 * hub; a view Lan saves on desk A arrives on desk B when it syncs, counts and opens there in its filters; she
 * deletes it on B, and after A syncs it is gone from A's inbox as well.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchBrowser } from '../support/browser.ts';
import { complaint, startTestHub } from '../support/hub.ts';
import { screenshot, signIn, syncedDesk, syncInUi } from '../support/synced-desk.ts';
import { post } from './desk-actions.ts';

const TEST = { timeout: 180_000 };
const hub = await startTestHub();
const browser = await launchBrowser();

await post(hub, complaint('k1', { subject: 'Hàng trả lại chưa được hoàn tiền' }));
await post(hub, complaint('k2', { subject: 'Giao hàng trễ hai ngày' }));
await post(hub, complaint('k3', { subject: 'Hỏi giờ mở cửa', body: 'Mấy giờ cửa hiệu mở?' }));
const a = await syncedDesk(hub, 'A', [['lan', 'operator', ['complaint']]]);
const b = await syncedDesk(hub, 'B', [['lan', 'operator', ['complaint']]]);

test('a view saved on one desk arrives on the next, opens there in its filters and, deleted there, leaves both', TEST, async () => {
  const onA = await signIn(browser, a.host, 'lan');
  const onB = await signIn(browser, b.host, 'lan');
  const chip = (page: typeof onA, name: string) => page.getByTestId('saved-views').getByTestId('view-chip').filter({ hasText: name });
  const NAME = 'Hàng chưa xử lý';

  await onA.getByTestId('result-count').filter({ hasText: '3 khiếu nại' }).waitFor();
  await onA.getByLabel('Tìm kiếm khiếu nại').fill('hàng');
  await onA.getByTestId('result-count').filter({ hasText: '2 khiếu nại' }).waitFor();
  await onA.getByTestId('saved-views').getByRole('button', { name: 'Lưu chế độ xem' }).focus();
  await onA.keyboard.press('Enter');
  await onA.keyboard.type(NAME);
  await onA.keyboard.press('Enter');
  await chip(onA, NAME).getByTestId('view-count').filter({ hasText: /^2$/ }).waitFor();
  await syncInUi(onA);

  // Desk B has never seen it until it syncs; then it counts B's own complaints and opens in its filters.
  await onB.getByTestId('result-count').filter({ hasText: '3 khiếu nại' }).waitFor();
  assert.equal(await chip(onB, NAME).count(), 0);
  await syncInUi(onB);
  await chip(onB, NAME).getByTestId('view-count').filter({ hasText: /^2$/ }).waitFor();
  await chip(onB, NAME).focus();
  await onB.keyboard.press('Enter');
  await onB.getByTestId('result-count').filter({ hasText: '2 khiếu nại' }).waitFor();
  assert.equal(await onB.getByLabel('Tìm kiếm khiếu nại').inputValue(), 'hàng');
  assert.equal(await chip(onB, NAME).getAttribute('aria-current'), 'true');
  await screenshot(onB, 'view-from-another-desk');

  // Deleted on B, after a confirmation; A lets it go at its next sync.
  const views = onB.getByTestId('saved-views');
  await views.getByRole('button', { name: `Đổi tên hoặc xoá ${NAME}` }).focus();
  await onB.keyboard.press('Enter');
  await views.getByRole('button', { name: 'Xoá', exact: true }).focus();
  await onB.keyboard.press('Enter');
  await views.getByText(`Xoá chế độ xem “${NAME}”? Các yêu cầu trong đó không bị ảnh hưởng.`).waitFor();
  await onB.keyboard.press('Enter');
  await chip(onB, NAME).waitFor({ state: 'detached' });
  await syncInUi(onB);
  await chip(onA, NAME).waitFor();
  await syncInUi(onA);
  await chip(onA, NAME).waitFor({ state: 'detached' });
  const left: any = await onA.evaluate(`window.backdesk.call('views.list', {})`);
  assert.deepEqual(left, { ok: true, result: [] });
});
