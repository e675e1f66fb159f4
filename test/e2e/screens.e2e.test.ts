/**
 * End to end in Chromium, the screens around the inboxes: first run, idle lock, the audit view, IT's
 * enrollment form and the refused-changes dialog. Each test has a desk of its own (a real encrypted store,
 * the real keychain, the built renderer behind the browser host); enrollment and conflicts use a real hub
 * on loopback.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { newId } from '../../common/ids.ts';
import type { Desk } from '../../main/api/desk.ts';
import { moderateComment } from '../../main/core/domain/comments.ts';
import { startWebHost, type WebHost } from '../../main/web/server.ts';
import { RENDERER_DIR } from '../../main/web/renderer-dir.ts';
import { launchBrowser } from '../support/browser.ts';
import { addStaff, PASSWORD, tempDesk } from '../support/fixtures.ts';
import { customer, startTestHub } from '../support/hub.ts';
import { signIn, syncedDesk, syncInUi } from '../support/synced-desk.ts';

const browser: Browser = await launchBrowser();
const hub = await startTestHub();
const DATE_TIME = /^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/; // Vietnamese: 14:16 25/11/2026
const TEST = { timeout: 90_000 };

async function serve(desk: Desk): Promise<WebHost> {
  const host = await startWebHost({ dispatcher: desk.dispatcher, rendererDir: RENDERER_DIR });
  after(() => host.close());
  return host;
}

async function open(host: WebHost): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(host.issueLaunchUrl());
  return page;
}

const one = <T>(desk: Desk, sql: string, ...params: unknown[]) => desk.store.db.prepare(sql).get(...params) as T;

test('first run: the form creates the first director, who lands on the desk; the next visitor gets sign-in', TEST, async () => {
  const desk = await tempDesk();
  const host = await serve(desk);
  const page = await open(host);
  await page.getByRole('heading', { name: 'Thiết lập lần đầu' }).waitFor();
  await page.getByLabel('Họ và tên').fill('Trần Minh Đức');
  await page.getByLabel('Tên đăng nhập').fill('giamdoc');
  await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Nhập lại mật khẩu').fill(`${PASSWORD} khác`);
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await page.getByRole('alert').filter({ hasText: 'Hai mật khẩu không khớp.' }).waitFor();
  assert.equal(one<{ n: number }>(desk, 'SELECT count(*) AS n FROM staff').n, 0);

  await page.getByLabel('Nhập lại mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await page.getByRole('button', { name: 'Nhật ký kiểm toán' }).waitFor();
  await page.getByText('Trần Minh Đức · Ban giám đốc').waitFor();
  assert.deepEqual(one(desk, 'SELECT username, display_name AS name, role FROM staff'), {
    username: 'giamdoc',
    name: 'Trần Minh Đức',
    role: 'director',
  });
  assert.equal(one<{ n: number }>(desk, `SELECT count(*) AS n FROM audit_log WHERE action = 'staff.first_director'`).n, 1);

  // Someone else opening the desk now signs in; the first-run form, and its method, are gone for good.
  const other = await open(host);
  await other.getByRole('heading', { name: 'Đăng nhập Backdesk' }).waitFor();
  const again = await other.evaluate(() =>
    window.backdesk!.call('auth.createFirstDirector', { username: 'ke_gian', displayName: 'Kẻ gian', password: 'mat khau dai du roi' }),
  );
  assert.equal(again.ok, false);
  assert.equal(one<{ n: number }>(desk, 'SELECT count(*) AS n FROM staff').n, 1);
});

test('idle lock: an idle session locks itself, refuses calls, and the right password unlocks it', TEST, async () => {
  const desk = await tempDesk({ idleLockMs: 2500 });
  await addStaff(desk.store, 'lan', 'operator', ['comment']);
  const page = await signIn(browser, await serve(desk), 'lan');
  await page.getByRole('heading', { name: 'Bình luận chờ duyệt' }).waitFor();

  // Nobody touches anything; the status bar's polling is not activity, and it is what finds the lock.
  await page.getByRole('heading', { name: 'Phiên làm việc đã khóa' }).waitFor({ timeout: 15_000 });
  await page.getByText('Nhập mật khẩu của Nhân viên lan để tiếp tục.').waitFor();
  const refused = await page.evaluate(() => window.backdesk!.call('comments.list', { status: 'pending', limit: 10 }));
  assert.equal(!refused.ok && refused.error.code, 'session_locked');

  await page.getByLabel('Mật khẩu').fill('not the password');
  await page.getByRole('button', { name: 'Mở khóa' }).click();
  await page.getByRole('alert').waitFor();
  await page.getByRole('heading', { name: 'Phiên làm việc đã khóa' }).waitFor();

  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Mở khóa' }).click();
  await page.getByRole('heading', { name: 'Bình luận chờ duyệt' }).waitFor();
  await page.getByText('Nhân viên lan · Nhân viên điều hành').waitFor();
  const actions = desk.store.db
    .prepare(`SELECT action FROM audit_log WHERE action IN ('auth.sign_in', 'auth.failed', 'auth.unlock') ORDER BY seq`)
    .all();
  assert.deepEqual(
    actions.map((r) => (r as { action: string }).action),
    ['auth.sign_in', 'auth.failed', 'auth.unlock'],
  );
});

test('audit view: a director sees who did what, verifies the chain, and sees where a tampered row breaks it', TEST, async () => {
  const desk = await tempDesk();
  await addStaff(desk.store, 'giamdoc', 'director');
  await addStaff(desk.store, 'lan', 'operator', ['complaint']);
  const wrong = await desk.dispatcher.call('someone', 'auth.signIn', { username: 'lan', password: 'doan mo mat khau' });
  assert.equal(!wrong.ok && wrong.error.code, 'bad_credentials');
  // A signed-out caller's text with a right-to-left override: recorded neutralised, shown isolated.
  await desk.dispatcher.call('someone', 'auth.signIn', { username: 'evil\u202egnp.exe', password: 'x' });
  const page = await signIn(browser, await serve(desk), 'giamdoc');
  await page.getByRole('button', { name: 'Nhật ký kiểm toán' }).click();
  await page.getByRole('heading', { name: 'Nhật ký kiểm toán' }).waitFor();

  const row = (action: string) => page.locator('.audit-table tbody tr', { hasText: action });
  await row('auth.sign_in').filter({ hasText: 'Nhân viên giamdoc' }).waitFor();
  await row('auth.failed').filter({ hasText: 'lan' }).waitFor();
  const forged = page.locator('.audit-table tbody tr bdi', { hasText: 'evil' });
  assert.equal(await forged.textContent(), 'evil\ufffdgnp.exe', 'the override is replaced, visibly, inside a <bdi>');
  const when = await row('auth.failed').filter({ hasText: 'lan' }).locator('td').nth(1).textContent();
  assert.match(when ?? '', DATE_TIME);

  await page.getByRole('button', { name: 'Kiểm tra tính toàn vẹn' }).click();
  const verdict = page.getByRole('status').filter({ hasText: 'Chuỗi nhật ký' });
  await verdict.filter({ hasText: /^Chuỗi nhật ký nguyên vẹn: \d+ dòng/ }).waitFor();

  // Someone with the key edits a row behind the triggers' back: the chain breaks at that row.
  const failedSeq = one<{ seq: number }>(desk, `SELECT seq FROM audit_log WHERE action = 'auth.failed'`).seq;
  const trigger = one<{ sql: string }>(desk, `SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_update'`).sql;
  desk.store.db.exec('DROP TRIGGER audit_log_no_update');
  desk.store.db.prepare(`UPDATE audit_log SET actor_name = 'không ai cả' WHERE seq = ?`).run(failedSeq);
  desk.store.db.exec(trigger);
  await page.getByRole('button', { name: 'Kiểm tra tính toàn vẹn' }).click();
  await verdict.filter({ hasText: `Chuỗi nhật ký bị hỏng tại dòng ${failedSeq}` }).waitFor();
});

test(
  'enrollment: IT enrolls the desk with a code from the hub; a wrong code is refused; the status bar then shows the hub',
  TEST,
  async () => {
    const desk = await tempDesk();
    await addStaff(desk.store, 'quantri', 'it_admin');
    const page = await signIn(browser, await serve(desk), 'quantri');
    await page.getByRole('heading', { name: 'Đăng ký máy trạm với máy chủ trung tâm' }).waitFor();
    await page.getByText('Máy trạm chưa đăng ký với máy chủ trung tâm').first().waitFor();

    // IT has no inbox: the help lists no inbox or comment keys.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Phím tắt' });
    await help.getByText('Màn hình này không có phím tắt riêng.').waitFor();
    assert.deepEqual(await help.locator('kbd').allTextContents(), ['Ctrl+K', '?', 'Esc']);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    await page.getByLabel('Địa chỉ máy chủ').fill(hub.url);
    await page.getByLabel('Mã đăng ký').fill('ABCD-EFGH-JKLM-NPQR');
    await page.getByLabel('Tên máy trạm').fill('Máy quầy 1');
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await page.locator('[role=status].form-error').waitFor();

    // Someone else holds the username in the organisation's directory: refused, both people named, in Vietnamese.
    const holder = newId();
    await hub.db.query(
      `INSERT INTO staff (id, username, display_name, role, password_hash, seq) VALUES ($1, 'QUANTRI', 'Lê Thị Hoa', 'director', '$argon2id$x', 0)`,
      [holder],
    );
    await page.getByLabel('Mã đăng ký').fill(await hub.enrollmentCode());
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await page
      .locator('[role=status].form-error', {
        hasText: 'tên đăng nhập quantri của Nhân viên quantri (Quản trị CNTT) trên máy này đã thuộc về Lê Thị Hoa (Ban giám đốc)',
      })
      .waitFor();
    // As the message advises: one of them is renamed (here the directory's), then the same desk enrolls.
    await hub.db.query(`UPDATE staff SET username = 'hoa_le' WHERE id = $1`, [holder]);

    await page.getByLabel('Mã đăng ký').fill(await hub.enrollmentCode());
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Đã đăng ký máy trạm \(mã thiết bị .+\)\.$/ })
      .waitFor();
    await page.getByLabel('status').getByText('Đã kết nối máy chủ trung tâm').waitFor();
    const devices = await hub.db.query<{ name: string; revoked_at: Date | null }>(
      `SELECT name, revoked_at FROM devices WHERE name = 'Máy quầy 1'`,
    );
    assert.deepEqual(devices.rows, [{ name: 'Máy quầy 1', revoked_at: null }]);

    // Back on the screen later, the enrolled desk shows how it syncs; enrolling again is a deliberate step.
    await page.reload();
    await page.getByText('Máy trạm này đã đăng ký với máy chủ trung tâm.', { exact: false }).waitFor();
    assert.equal(await page.getByLabel('Mã đăng ký').count(), 0, 'no enrollment form on an enrolled desk');
    await page.getByRole('button', { name: 'Đăng ký lại bằng mã mới' }).click();
    await page.getByLabel('Mã đăng ký').waitFor();
  },
);

test('conflicts: a comment moderated first on another desk shows as refused, with the reason, until dismissed', TEST, async () => {
  const a = await syncedDesk(hub, 'conflict-A', [['op_A', 'operator', ['comment']]]);
  const b = await syncedDesk(hub, 'conflict-B', [['op_B', 'operator', ['comment']]]);
  const posted = await hub.post('/intake/v1/comments', {
    ref: 'cm-conflict',
    customer: customer('k-conflict'),
    pageUrl: 'https://shop.example.vn/p/9',
    body: 'Giá tốt quá, còn hàng không shop?',
    postedAt: '2026-11-24T09:00:00+07:00',
  });
  assert.equal(posted.status, 201);
  await a.desk.sync.syncNow();
  await b.desk.sync.syncNow();

  const page = await signIn(browser, b.host, 'op_B');
  await page.locator('.comment-body', { hasText: 'Giá tốt quá, còn hàng không shop?' }).waitFor();
  // Desk A approves first and its change reaches the hub; desk B, not yet synced, rejects.
  moderateComment(a.desk.store.db, posted.body.id, { id: a.staff.op_A!, name: 'Nhân viên op_A' }, 'approved');
  await a.desk.sync.syncNow();
  await page.keyboard.press('x');
  await page.getByTestId('comment-count').filter({ hasText: '0 bình luận' }).waitFor();
  await syncInUi(page);

  await page.getByTestId('conflict-count').filter({ hasText: '1 thay đổi bị từ chối' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thay đổi bị máy chủ trung tâm từ chối' });
  const item = dialog.locator('.conflicts-list li');
  await item.filter({ hasText: 'Duyệt bình luận' }).waitFor();
  const reason = await item.locator('.form-error').textContent();
  assert.match(reason ?? '', /^Bình luận đã được xử lý trước: Đã duyệt bởi Nhân viên op_A lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}\.$/);

  await item.getByRole('button', { name: 'Đã hiểu, bỏ qua' }).click();
  await dialog.getByText('Không có thay đổi nào bị từ chối.').waitFor();
  await dialog.getByRole('button', { name: 'Đóng' }).click();
  await page.getByTestId('conflict-count').waitFor({ state: 'detached' });
  // What the desk shows now is what the hub decided.
  await page.getByRole('tab', { name: 'Đã duyệt' }).click();
  await page.locator('.comment', { hasText: 'Đã duyệt bởi Nhân viên op_A' }).waitFor();
});
