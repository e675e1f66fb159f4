/**
 * A customer's data erased at their request, across a hub and two desks: the website's deletion request verified
 * by the code the hub emailed to the account's address (a wrong one refused) and completed by a director, the
 * confirmation emailed before the address goes; afterwards no live table of the hub, and no file of either desk (its database
 * decrypted with its own key, every page of it, free ones included, and every frame of its WAL), holds the customer's name, email,
 * phone, address, the text of their complaint, comment or the staff's notes and replies, in any form the desk
 * stores (as written, folded for search); a folded search finds nothing; the counts by kind, month and status are
 * those of before; the website feed tells the website to delete the account; a note written offline before the
 * erasure reached its desk is refused, never added back.
 */
import assert from 'node:assert/strict';
import { createDecipheriv } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fold } from '../../common/text/fold.ts';
import { errorCode, result, signedIn } from '../support/api-calls.ts';
import { enrolledDesk, seatedDesk, type EnrolledDesk } from '../support/enrolled-desk.ts';
import { complaint, customer, startTestHub, websiteComment } from '../support/hub.ts';
import { startSmtpListener } from '../support/smtp.ts';
import { until } from '../support/synced-desk.ts';

const smtp = await startSmtpListener();
const hub = await startTestHub({ mail: { url: smtp.url, from: 'CSKH <cskh@example.vn>' }, mailIntervalMs: 50 });

const HOA = {
  ...customer('er-hoa'),
  username: 'hoa_pham_1988',
  fullName: 'Phạm Thị Hoà',
  email: 'hoa.pham.erase@gmail.com',
  phone: '0987 654 321',
  address: '27 Nguyễn Trãi, Thanh Xuân',
};
const COMPLAINT = 'Máy giặt Electrolux kêu rất to ở chế độ vắt từ tuần trước';
const COMMENT = 'Shop giao hàng chậm quá, lần sau không mua nữa';
const NOTE = 'Đã gọi cho chị Hoà lúc 9 giờ, hẹn kỹ thuật đến kiểm tra';
const REPLY = 'Chào chị Hoà, bên em sẽ cử kỹ thuật viên đến tận nhà';
const OFFLINE = 'Ghi chú viết khi mất mạng về khách Hoà';

/** Every form in which the desk or the hub could keep what was erased: as written, and folded for search. */
const NEEDLES = [
  HOA.fullName,
  HOA.email,
  '0987 654 321',
  '0987654321',
  HOA.address,
  HOA.username,
  COMPLAINT,
  COMMENT,
  NOTE,
  REPLY,
  OFFLINE,
];
const FORMS = [...new Set(NEEDLES.flatMap((n) => [n, fold(n)]))];

/**
 * The desk's files as plaintext, every page as it is on disk: the database's pages (the free ones too) and each
 * frame of its WAL, decrypted with the desk's key as SQLCipher 4 lays a page out (AES-256-CBC over the page but
 * for its reserved tail, which holds the IV and the MAC; page 1 starts after the file's 16-byte salt). Opening a
 * copy through SQLite instead would show only live rows.
 */
function deskPlaintext(d: EnrolledDesk): string {
  const key = Buffer.from(d.desk.store.connectionSpec().keyHex, 'hex');
  const pageSize = d.desk.store.db.pragma('page_size', { simple: true }) as number;
  const RESERVE = 80;
  const pages = (file: Buffer, offset: number, frameHeader: number) => {
    const out: Buffer[] = [];
    for (let at = offset; at + frameHeader + pageSize <= file.length; at += frameHeader + pageSize) {
      const page = file.subarray(at + frameHeader, at + frameHeader + pageSize);
      const pageNo = frameHeader ? file.readUInt32BE(at) : at / pageSize + 1;
      const iv = page.subarray(pageSize - RESERVE, pageSize - RESERVE + 16);
      const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
      out.push(decipher.update(page.subarray(pageNo === 1 ? 16 : 0, pageSize - RESERVE)), decipher.final());
    }
    return Buffer.concat(out).toString('latin1');
  };
  const path = join(d.desk.store.dataDir, 'backdesk.db');
  const wal = existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`) : Buffer.alloc(0);
  return pages(readFileSync(path), 0, 0) + pages(wal, 32, 24);
}
const found = (plain: string) => FORMS.filter((f) => plain.includes(Buffer.from(f, 'utf8').toString('latin1')));

async function hubHolds(): Promise<string[]> {
  const tables = (await hub.db.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`)).rows.map(
    (r) => r.t,
  );
  const hits: string[] = [];
  for (const t of tables)
    for (const f of FORMS)
      if ((await hub.db.query(`SELECT 1 FROM ${t} x WHERE x::text ILIKE '%' || $1 || '%' LIMIT 1`, [f])).rows.length)
        hits.push(`${t}: ${f}`);
  return hits;
}

const COUNTS = `SELECT kind, status, count(*) AS n FROM submissions GROUP BY kind, status ORDER BY kind, status`;
const hubCounts = async () =>
  (
    await hub.db.query(
      `SELECT kind, to_char(created_at, 'YYYY-MM') AS month, status, count(*)::int AS n FROM submissions GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    )
  ).rows;
const deskCounts = (d: EnrolledDesk) => d.desk.store.db.prepare(COUNTS).all();

test('a verified deletion erases the customer on the hub and on every desk, keeps every count, and tells the website', async () => {
  const dir = await enrolledDesk(hub, 'Erase A', [['er_dir', 'director', []]]);
  const op = await seatedDesk(hub, 'Erase B', [['er_op', 'operator', ['complaint', 'comment']]]);
  const director = await signedIn(dir.desk, 'er_dir');
  const operator = await signedIn(op.desk, 'er_op');
  const call = async (as: typeof director, method: string, input: unknown = {}) => result<any>(await as(method, input));

  const posted = await hub.post('/intake/v1/submissions', { ...complaint('er-hoa', { body: COMPLAINT }), customer: HOA });
  assert.equal(posted.status, 201, JSON.stringify(posted.body));
  const complaintId = posted.body.id as string;
  await hub.post('/intake/v1/comments', { ...websiteComment('er-comment', 'er-hoa', { body: COMMENT }), customer: HOA });
  await hub.post('/intake/v1/submissions', complaint('er-other', { body: 'Một khiếu nại khác của khách khác' }));
  await op.desk.sync.syncNow();
  await call(operator, 'complaints.addNote', { id: complaintId, body: NOTE });
  await call(operator, 'complaints.queueReply', { id: complaintId, body: REPLY });
  await op.desk.sync.syncNow();
  await dir.desk.sync.syncNow();
  assert.ok(found(deskPlaintext(op)).length > 0, 'control: the check finds the customer in a desk that holds them');
  assert.ok((await hubHolds()).length > 0, 'control: and on the hub');

  const before = { hub: await hubCounts(), a: deskCounts(dir), b: deskCounts(op) };
  // Written on B while it is offline, before the erasure reaches it.
  await call(operator, 'complaints.addNote', { id: complaintId, body: OFFLINE });

  const request = await hub.post('/intake/v1/account-requests', {
    type: 'deletion',
    customer: HOA,
    requestedAt: '2026-12-01T09:00:00+07:00',
  });
  await dir.desk.sync.syncNow();
  const id = request.body.id as string;
  assert.equal(
    errorCode(await director('requests.decide', { id, decision: { outcome: 'completed' } })),
    'invalid_input',
    'not before verifying',
  );
  // The hub emails a code to the account's address; a wrong code is refused there and the desk shows it unverified again.
  await call(director, 'requests.sendCode', { id });
  await dir.desk.sync.syncNow();
  let letter: { text: string } | undefined;
  await until('the code reaches the account’s address', async () => {
    letter = smtp.received.find((m) => m.to === HOA.email && m.subject === 'Mã xác minh yêu cầu xoá tài khoản');
    return letter !== undefined;
  });
  const code = /: (\d{6})\n/.exec(letter!.text)![1]!;
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  await call(director, 'requests.verify', { id, verification: { method: 'email_code', code: wrong } });
  assert.ok((await call(director, 'requests.get', { id })).verifiedAt, 'taken here at once');
  await dir.desk.sync.syncNow();
  assert.deepEqual(dir.desk.store.db.prepare(`SELECT state, reason FROM outbox WHERE mutation = 'request.verify'`).get(), {
    state: 'rejected',
    reason: 'the code does not match the one sent to the account’s email',
  });
  assert.equal((await call(director, 'requests.get', { id })).verifiedAt, null, 'put back as the hub holds it');
  await call(director, 'requests.verify', { id, verification: { method: 'email_code', code } });
  await call(director, 'requests.decide', { id, decision: { outcome: 'completed' } });
  await dir.desk.sync.syncNow();
  await dir.desk.sync.syncNow();
  await op.desk.sync.syncNow();
  // The confirmation goes to the address before it is erased; once sent, the queue keeps no address.
  await until('the erasure’s confirmation is sent, and its address forgotten', async () => {
    const sent = smtp.received.some((m) => m.to === HOA.email && m.subject === 'Xác nhận xoá tài khoản và dữ liệu cá nhân');
    const waiting = await hub.db.query(`SELECT 1 FROM mail_outbox WHERE forget_address AND to_address <> ''`);
    return sent && waiting.rows.length === 0;
  });
  const confirmation = smtp.received.find((m) => m.subject === 'Xác nhận xoá tài khoản và dữ liệu cá nhân')!;
  assert.ok(!confirmation.text.includes('Hoà'), 'the confirmation names no one');
  await dir.desk.sync.syncNow();
  const mails = (await call(director, 'requests.get', { id })).mails.map((m: { what: string; delivery: { delivery: string } }) => [
    m.what,
    m.delivery.delivery,
  ]);
  assert.deepEqual(mails, [
    ['verification_code', 'sent'],
    ['erasure_confirmation', 'sent'],
  ]);

  assert.deepEqual(await hubHolds(), [], 'no live table of the hub holds any of it');
  for (const d of [dir, op]) assert.deepEqual(found(deskPlaintext(d)), [], `nothing in ${d.itAdmin}'s desk files`);
  const refused = op.desk.store.db
    .prepare(`SELECT state, reason FROM outbox WHERE mutation = 'submission.note' ORDER BY created_at DESC LIMIT 1`)
    .get();
  assert.deepEqual(refused, { state: 'rejected', reason: 'the customer’s data was erased at their request' });

  const listed = await call(operator, 'complaints.list', { text: 'Electrolux vắt', limit: 50 });
  assert.equal(listed.rows.length, 0, 'a folded search finds nothing');
  assert.deepEqual({ hub: await hubCounts(), a: deskCounts(dir), b: deskCounts(op) }, before, 'every count as before');

  const feed = (await hub.feed('?cursor=0&limit=1000')).changes.filter((c: any) => c.customer?.ref === 'er-hoa').map((c) => c.type);
  assert.deepEqual(feed, ['request.decided', 'account.delete']);
  const card = await call(operator, 'complaints.get', { id: complaintId });
  assert.equal(card.subject, '[Đã xoá theo yêu cầu của khách hàng]');
});
