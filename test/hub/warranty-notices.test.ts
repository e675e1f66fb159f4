/**
 * A warranty claimant is told by email at the steps they care about — received, accepted, rejected with the
 * reason, ready, shipped with the tracking code — from the templates in force (a director's wording once they
 * changed one), and each notice is on the claim's timeline on every desk with its delivery state.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Envelope } from '../../main/api/contract.ts';
import type { Desk } from '../../main/api/desk.ts';
import { MailSender } from '../../server/mail/sender.ts';
import { claimReference } from '../../common/warranty/notices.ts';
import { enrolledDesk } from '../support/enrolled-desk.ts';
import { PASSWORD } from '../support/fixtures.ts';
import { customer, startTestHub, warranty } from '../support/hub.ts';
import { startSmtpListener } from '../support/smtp.ts';

const hub = await startTestHub();
const smtp = await startSmtpListener();
const TIMEOUT = { timeout: 90_000 };
const send = () => new MailSender(hub.db, { url: smtp.url, from: 'Bảo hành <baohanh@example.vn>' }).runOnce();

async function signedIn(desk: Desk, username: string) {
  const call = (m: string, i: unknown = {}) => desk.dispatcher.call(`conn-${username}`, m, i);
  assert.ok((await call('auth.signIn', { username, password: PASSWORD })).ok);
  return call;
}
const ok = <T>(e: Envelope) => {
  assert.ok(e.ok, JSON.stringify(e));
  return e.result as T;
};

test('the claimant gets an email at each step that concerns them, in the director’s wording where changed', TIMEOUT, async () => {
  const office = await enrolledDesk(hub, 'A', [
    ['giamdoc', 'director', []],
    ['baohanh', 'operator', ['warranty']],
  ]);
  const director = await signedIn(office.desk, 'giamdoc');
  const operator = await signedIn(office.desk, 'baohanh');
  // The director words "ready" their own way before the claim gets there.
  const templates = ok<{ notice: string; version: number | null }[]>(await director('notices.templates'));
  assert.deepEqual(
    templates.map((t) => [t.notice, t.version]),
    [
      ['warranty_received', null],
      ['warranty_accepted', null],
      ['warranty_rejected', null],
      ['warranty_ready', null],
      ['warranty_shipped', null],
    ],
  );
  const saved = await director('notices.saveTemplate', {
    notice: 'warranty_ready',
    version: null,
    template: {
      subject: 'Máy {{san_pham}} đã sửa xong',
      body: '{{xung_ho}} {{ten_khach}} ơi, máy đã sửa xong ({{ma_yeu_cau}}). {{khong_co}}',
    },
  });
  assert.equal(ok<{ version: number }>(saved).version, 1);
  assert.equal((await operator('notices.templates')).ok, false, 'only directors word the emails');
  await office.desk.sync.syncNow();

  const posted = await hub.post('/intake/v1/submissions', warranty('n1', { customer: customer('n1', { email: 'mai.n1@gmail.com' }) }));
  const id = posted.body.id as string;
  const ref = claimReference(id);
  await office.desk.sync.syncNow();
  let version = 1;
  for (const step of [
    { to: 'inspecting' },
    { to: 'repairing', parts: ['Bo mạch nguồn'] },
    { to: 'ready_to_return', outcome: 'repair' },
    { to: 'returned', tracking: 'GHN-5521' },
  ]) {
    version = ok<{ version: number }>(await operator('warrantyClaims.advance', { id, version, step })).version;
  }
  await office.desk.sync.syncNow();
  assert.equal(await send(), 4);
  assert.deepEqual(
    smtp.received.map((m) => [m.to, m.subject]),
    [
      ['mai.n1@gmail.com', `Đã nhận yêu cầu bảo hành ${ref}`],
      ['mai.n1@gmail.com', `Yêu cầu bảo hành ${ref} được chấp nhận`],
      ['mai.n1@gmail.com', 'Máy Máy lọc nước RO 9 lõi đã sửa xong'],
      ['mai.n1@gmail.com', `Sản phẩm bảo hành ${ref} đã được gửi trả`],
    ],
  );
  assert.match(
    smtp.received[0]!.text,
    /^Kính gửi Chị Nguyễn Thị Lan,\n\nChúng tôi đã nhận yêu cầu bảo hành BH-\w{8} cho sản phẩm Máy lọc nước RO 9 lõi \(số serial RO9-2025-0042\)/,
  );
  // An unknown placeholder stays as written: the director sees the typo, the customer would have seen it too.
  assert.equal(smtp.received[2]!.text, `Chị Nguyễn Thị Lan ơi, máy đã sửa xong (${ref}). {{khong_co}}`);
  assert.match(smtp.received[3]!.text, /Mã vận đơn: GHN-5521\./);

  // Every notice is on the claim's timeline, with its delivery state, once the desk pulls again.
  await office.desk.sync.syncNow();
  const claim = ok<{ timeline: { type: string; body: string | null; delivery: { delivery: string } | null; data: { notice?: string } }[] }>(
    await operator('warrantyClaims.get', { id }),
  );
  const notices = claim.timeline.filter((e) => e.type === 'notice');
  assert.deepEqual(
    notices.map((e) => [e.data.notice, e.delivery?.delivery]),
    [
      ['warranty_received', 'sent'],
      ['warranty_accepted', 'sent'],
      ['warranty_ready', 'sent'],
      ['warranty_shipped', 'sent'],
    ],
  );
});

test('a rejection is sent with its reason; a claim without an email address says so on its notices', TIMEOUT, async () => {
  const office = await enrolledDesk(hub, 'B', [['baohanh_b', 'operator', ['warranty']]]);
  const operator = await signedIn(office.desk, 'baohanh_b');
  const before = smtp.received.length;
  const rejected = (await hub.post('/intake/v1/submissions', warranty('n2', { customer: customer('n2', { email: 'hung.n2@gmail.com' }) })))
    .body.id as string;
  const noEmail = (await hub.post('/intake/v1/submissions', warranty('n3', { customer: customer('n3', { email: undefined }) }))).body
    .id as string;
  await office.desk.sync.syncNow();
  const reason = 'Máy bị vào nước, không thuộc phạm vi bảo hành.';
  ok(await operator('warrantyClaims.advance', { id: rejected, version: 1, step: { to: 'rejected', reason } }));
  await office.desk.sync.syncNow();
  assert.equal(await send(), 2);
  const mine = smtp.received.slice(before);
  assert.deepEqual(
    mine.map((m) => m.subject),
    [`Đã nhận yêu cầu bảo hành ${claimReference(rejected)}`, `Kết quả yêu cầu bảo hành ${claimReference(rejected)}`],
  );
  assert.ok(mine[1]!.text.includes(`không được chấp nhận vì: ${reason}`));
  await office.desk.sync.syncNow();
  const claim = ok<{ timeline: { type: string; delivery: { delivery: string; code?: string } | null }[] }>(
    await operator('warrantyClaims.get', { id: noEmail }),
  );
  assert.deepEqual(
    claim.timeline.filter((e) => e.type === 'notice').map((e) => e.delivery),
    [{ delivery: 'failed', code: 'no_address' }],
  );
});
