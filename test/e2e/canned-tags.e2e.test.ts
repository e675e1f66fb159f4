/**
 * Canned replies and tags end to end, in Chromium through the browser host, on two desks enrolled with a real hub
 * on loopback: a director on desk A writes a canned reply for complaints with variables on "Mẫu trả lời & nhãn"
 * (a `{{…}}` that is no variable pointed out, the preview filled with sample values, an empty title refused), saves
 * it through a stale version (the reply in force shown, what was typed kept), and adds a tag (a name another tag
 * has refused whatever its marks); both reach the hub. On desk B an operator answers a complaint: Ctrl+/ in the reply
 * box opens the picker, "tra hang" finds "Xác nhận trả hàng", Enter puts it in at the cursor filled with the
 * customer's form of address and name, the reference and her own name (Escape closes it with nothing lost), and she
 * sends it; she tags the complaint from the keyboard, the timeline says so, and the inbox filtered by the tag counts
 * it alone. The tag and the reply reach desk A. Vietnamese and English words checked.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { submissionReference } from '../../common/vocabulary/submissions.ts';
import { launchBrowser } from '../support/browser.ts';
import { complaint, customer, startTestHub } from '../support/hub.ts';
import { screenshot, signIn, syncedDesk, syncInUi } from '../support/synced-desk.ts';
import { waitFor } from '../support/wait.ts';
import { go, post, syncAll } from './desk-actions.ts';

const TEST = { timeout: 180_000 };
const hub = await startTestHub();
const browser = await launchBrowser();
const a = await syncedDesk(hub, 'A', [['giamdoc', 'director', []]]);
const b = await syncedDesk(hub, 'B', [['lan', 'operator', ['complaint']]]);

const RETURN = 'Hàng trả lại chưa được hoàn tiền';
const returnId = await post(hub, complaint('k1', { subject: RETURN, customer: customer('k1', { fullName: 'Phạm Thị Hoa' }) }));
await post(hub, complaint('k2', { subject: 'Giao hàng trễ hai ngày' }));
const REF = submissionReference('complaint', returnId);

const TITLE = 'Xác nhận trả hàng';
const BODY = 'Kính gửi {{xung_ho}} {{ten_khach}},\nCửa hàng đã nhận hàng trả lại của yêu cầu {{ma_yeu_cau}}.\n{{nguoi_ky}}';
const FILLED = `Kính gửi Chị Phạm Thị Hoa,\nCửa hàng đã nhận hàng trả lại của yêu cầu ${REF}.\nNhân viên lan`;
const TAG = 'Đổi trả';

const focused = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('name'));
/** The director's own API from the page, as another window would use it. */
const api = async (page: Page, method: string, input: unknown): Promise<any> => {
  // A string, not a function: the test's transpiler would add helpers the page does not have.
  const out: any = await page.evaluate(`window.backdesk.call(${JSON.stringify(method)}, ${JSON.stringify(input)})`);
  assert.equal(out.ok, true, JSON.stringify(out));
  return out.result;
};

test('a director writes a canned reply with variables, through a stale save, and a tag; both reach the hub', TEST, async () => {
  const page = await signIn(browser, a.host, 'giamdoc');
  await go(page, 'Mẫu trả lời & nhãn');
  await page.getByRole('heading', { name: 'Mẫu trả lời & nhãn' }).waitFor();
  await page.getByText('Chưa có mẫu trả lời nào.').waitFor();

  await page.getByRole('button', { name: 'Thêm mẫu trả lời' }).click();
  const form = page.getByTestId('canned-form');
  const title = form.getByLabel('Tiêu đề');
  const body = form.getByLabel('Nội dung', { exact: true });
  assert.equal(await focused(page), 'canned-title');
  const variables = await form
    .getByTestId('canned-variables')
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [tr.children[0]!.textContent, tr.children[2]!.textContent]));
  assert.deepEqual(variables, [
    ['{{xung_ho}}', 'Chị'],
    ['{{ten_khach}}', 'Nguyễn Thị Mai'],
    ['{{ma_yeu_cau}}', 'KN-1A2B3C4D'],
    ['{{nguoi_ky}}', 'Trần Minh Đức'],
  ]);
  // An empty title is refused in words; a `{{…}}` that is no variable is pointed out and refused.
  await form.getByLabel('Hộp thư').selectOption({ label: 'Khiếu nại' });
  await body.fill('Chào {{ten_khah}}');
  await form.getByTestId('canned-unknown').filter({ hasText: 'Không phải biến: {{ten_khah}}.' }).waitFor();
  await title.press('Enter');
  await form.getByTestId('problem-title').filter({ hasText: 'Không được để trống.' }).waitFor();
  await form.getByTestId('problem-body').filter({ hasText: 'Không phải biến: {{ten_khah}}.' }).waitFor();
  assert.equal(await focused(page), 'canned-title');
  await title.fill(TITLE);
  await body.fill(BODY);
  await form.getByTestId('canned-unknown').waitFor({ state: 'detached' });
  assert.equal(
    await form.getByTestId('preview-body').textContent(),
    'Kính gửi Chị Nguyễn Thị Mai,\nCửa hàng đã nhận hàng trả lại của yêu cầu KN-1A2B3C4D.\nTrần Minh Đức',
  );
  await screenshot(page, 'canned-form');
  await body.press('Enter');
  await form.waitFor({ state: 'detached' });
  await page
    .getByTestId('replies-saved')
    .filter({ hasText: `Đã lưu “${TITLE}”.` })
    .waitFor();
  const row = page.getByTestId('canned-row').filter({ hasText: TITLE });
  assert.deepEqual(await row.locator('td').allTextContents(), [TITLE, 'Khiếu nại', 'Đang dùng', 'SửaLưu trữ']);

  // A second one, for every inbox, made elsewhere: the picker later offers both.
  await api(page, 'cannedReplies.save', {
    canned: { title: 'Cảm ơn góp ý', body: 'Cảm ơn {{xung_ho}} đã góp ý.', kind: null, active: true },
  });
  // Someone changes the first meanwhile: the save is stale, the reply in force is shown, what was typed is kept.
  await page.getByRole('button', { name: `Sửa mẫu “${TITLE}”` }).click();
  const [first] = (await api(page, 'cannedReplies.list', {})) as { id: string; title: string; version: number }[];
  assert.equal(first!.title, 'Cảm ơn góp ý'); // by title
  const mine = ((await api(page, 'cannedReplies.list', {})) as { id: string; title: string; version: number }[]).find(
    (c) => c.title === TITLE,
  )!;
  await api(page, 'cannedReplies.save', {
    id: mine.id,
    version: mine.version,
    canned: { title: TITLE, body: 'Bản do người khác sửa.', kind: 'complaint', active: true },
  });
  await body.fill(`${BODY}\nTrân trọng.`);
  await title.press('Enter');
  await form.getByRole('alert').filter({ hasText: 'Mẫu này vừa được sửa ở nơi khác' }).waitFor();
  assert.equal(await form.getByTestId('current-body').textContent(), 'Bản do người khác sửa.');
  assert.equal(await body.inputValue(), `${BODY}\nTrân trọng.`);
  await screenshot(page, 'canned-stale');
  await body.fill(BODY);
  await title.press('Enter');
  await form.waitFor({ state: 'detached' });

  // A tag: its colour chosen by name; a name another tag has, without regard to marks, is refused.
  await page.getByRole('button', { name: 'Thêm nhãn' }).click();
  const tagForm = page.getByTestId('tag-form');
  await tagForm.getByLabel('Tên nhãn').fill(TAG);
  await tagForm.getByLabel('cam').check();
  await tagForm.getByLabel('Tên nhãn').press('Enter');
  await tagForm.waitFor({ state: 'detached' });
  await page.getByTestId('tag-row').filter({ hasText: TAG }).filter({ hasText: 'cam' }).waitFor();
  await page.getByRole('button', { name: 'Thêm nhãn' }).click();
  await tagForm.getByLabel('Tên nhãn').fill('doi  TRA');
  await tagForm.getByLabel('Tên nhãn').press('Enter');
  await tagForm
    .getByTestId('problem-name')
    .filter({ hasText: `Đã có nhãn “${TAG}”` })
    .waitFor();
  await screenshot(page, 'tags-form');
  await page.keyboard.press('Escape');
  await tagForm.waitFor({ state: 'detached' });
  // The keyboard is back on the button that opened the form.
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Thêm nhãn');
  assert.equal(await page.getByTestId('tag-row').count(), 1);
  await screenshot(page, 'replies-screen');

  await syncAll(page);
  await waitFor('the hub to hold the canned reply and the tag', async () => {
    const canned = await hub.db.query<{ body: string; version: number }>(`SELECT body, version FROM canned_replies WHERE title = $1`, [
      TITLE,
    ]);
    const tags = await hub.db.query<{ color: string }>(`SELECT color FROM tags WHERE name = $1`, [TAG]);
    return canned.rows[0]?.body === BODY && canned.rows[0].version === 3 && tags.rows[0]?.color === 'orange';
  });

  await page.getByRole('button', { name: 'English' }).click();
  await go(page, 'Canned replies & tags');
  await page.getByTestId('canned-row').filter({ hasText: TITLE }).filter({ hasText: 'Complaints' }).filter({ hasText: 'In use' }).waitFor();
  await page.getByTestId('tag-row').filter({ hasText: 'orange' }).waitFor();
  await screenshot(page, 'replies-screen-en');
});

test('an operator inserts the canned reply by Ctrl+/, sends it, tags the complaint and filters by the tag', TEST, async () => {
  const page = await signIn(browser, b.host, 'lan');
  await syncInUi(page);
  await go(page, 'Khiếu nại');
  await page.getByTestId('result-count').filter({ hasText: '2 khiếu nại' }).waitFor();
  await page.locator('.row', { hasText: RETURN }).click();
  await page.getByRole('heading', { name: RETURN }).waitFor();

  // What she typed stays; the canned reply goes in at the cursor, filled for this complaint.
  await page.keyboard.press('r');
  const reply = page.locator('textarea[name=reply]');
  await reply.pressSequentially('Dạ, ');
  await page.keyboard.press('Control+/');
  const picker = page.getByTestId('canned-picker');
  await picker.getByTestId('canned-option').nth(1).waitFor();
  assert.deepEqual(await picker.getByTestId('canned-option').locator('.canned-title').allTextContents(), [
    'Cảm ơn góp ý · Mọi hộp thư',
    TITLE,
  ]);
  // Escape closes it and gives the reply box back, with its text.
  await page.keyboard.press('Escape');
  await picker.waitFor({ state: 'detached' });
  assert.equal(await focused(page), 'reply');
  assert.equal(await reply.inputValue(), 'Dạ, ');
  await page.keyboard.press('Control+/');
  await page.keyboard.type('tra hang');
  await picker.getByTestId('canned-option').filter({ hasText: 'Cảm ơn' }).waitFor({ state: 'detached' });
  assert.deepEqual(await picker.getByTestId('canned-option').locator('.canned-title').allTextContents(), [TITLE]);
  assert.equal(await picker.getByRole('option', { selected: true }).locator('.canned-title').textContent(), TITLE);
  await screenshot(page, 'canned-picker');
  await page.keyboard.press('Enter');
  await picker.waitFor({ state: 'detached' });
  await waitFor('the filled reply in the box', async () => (await reply.inputValue()) === `Dạ, ${FILLED}`, { withinMs: 5_000 });
  assert.equal(await focused(page), 'reply');
  await page.keyboard.type(' Trân trọng.');
  assert.equal(await reply.inputValue(), `Dạ, ${FILLED} Trân trọng.`);
  await page.keyboard.press('Control+Enter');
  await page
    .locator('.event-reply .event-body')
    .filter({ hasText: `Dạ, ${FILLED} Trân trọng.` })
    .waitFor();

  // The tag, from the keyboard: typed without marks, chosen with the arrows, put on with Enter.
  const tags = page.getByTestId('submission-tags');
  await tags.getByText('Chưa gắn nhãn').waitFor();
  const combo = page.getByRole('combobox', { name: 'Gắn nhãn' });
  await combo.focus();
  await page.keyboard.type('doi');
  await tags.getByRole('option', { name: TAG }).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  // On the submission's list of tags (not the options, which draw the same chip).
  await tags.getByRole('list').getByTestId('tag-chip').filter({ hasText: TAG }).waitFor();
  assert.equal(await tags.getByRole('button', { name: `Bỏ nhãn ${TAG}` }).count(), 1);
  await page
    .locator('.event-tags_change')
    .filter({ hasText: `Nhân viên lan gắn nhãn ${TAG}` })
    .waitFor();
  await screenshot(page, 'tags-detail');

  // The inbox filtered by the tag, with the status filter too: the count follows.
  // A person reaches the filter first (click or Tab), which reads the tags again: this one came with the last sync.
  await page.getByTestId('tag-filter').focus();
  await page.getByTestId('tag-filter').selectOption({ label: TAG });
  await page
    .getByTestId('result-count')
    .filter({ hasText: /^1 khiếu nại$/ })
    .waitFor();
  assert.deepEqual(await page.locator('[role=listbox] .row-subject').allTextContents(), [RETURN]);
  await page.getByRole('combobox', { name: 'Trạng thái' }).first().selectOption('closed');
  await page
    .getByTestId('result-count')
    .filter({ hasText: /^0 khiếu nại$/ })
    .waitFor();
  await page.getByRole('combobox', { name: 'Trạng thái' }).first().selectOption('');
  await page
    .getByTestId('result-count')
    .filter({ hasText: /^1 khiếu nại$/ })
    .waitFor();
  await screenshot(page, 'tags-filter');

  // The `?` help names the key.
  await page.evaluate('document.activeElement.blur()');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Phím tắt' });
  assert.equal(await help.locator('tr', { hasText: 'Ctrl+/' }).textContent(), 'Ctrl+/Chèn mẫu trả lời (trong ô trả lời)');
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });

  await page.getByRole('button', { name: 'English' }).click();
  await page
    .locator('.event-tags_change')
    .filter({ hasText: `Nhân viên lan added the tag ${TAG}` })
    .waitFor();
  await page.getByRole('button', { name: 'Insert canned reply (Ctrl+/)' }).waitFor();
  await page.getByTestId('tag-filter').locator('option').first().filter({ hasText: 'Any tag' }).waitFor({ state: 'attached' });
  await screenshot(page, 'tags-detail-en');
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await syncAll(page);
});

test('the tag and the reply reach desk A', TEST, async () => {
  await waitFor('the hub to hold the tag on the complaint', async () => {
    const row = await hub.db.query<{ n: number }>(`SELECT jsonb_array_length(tags) AS n FROM submissions WHERE id = $1`, [returnId]);
    return row.rows[0]?.n === 1;
  });
  const page = await signIn(browser, a.host, 'giamdoc');
  await syncInUi(page);
  await go(page, 'Khiếu nại');
  // A person reaches the filter first (click or Tab), which reads the tags again: this one came with the last sync.
  await page.getByTestId('tag-filter').focus();
  await page.getByTestId('tag-filter').selectOption({ label: TAG });
  await page
    .getByTestId('result-count')
    .filter({ hasText: /^1 khiếu nại$/ })
    .waitFor();
  await page.locator('.row', { hasText: RETURN }).click();
  await page.getByTestId('submission-tags').getByRole('list').getByTestId('tag-chip').filter({ hasText: TAG }).waitFor();
  await page.locator('.event-reply .event-body').filter({ hasText: FILLED }).waitFor();
  await page
    .locator('.event-tags_change')
    .filter({ hasText: `Nhân viên lan gắn nhãn ${TAG}` })
    .waitFor();
  await screenshot(page, 'tags-desk-a');
});
