/**
 * A copy of a customer's data (a data_copy request completed by a director): everything the hub holds of them —
 * their details, what they sent and what was written to and about them on their submissions, their comments,
 * consent records and requests — as JSON and as a readable HTML document, emailed to the account's address as
 * two attachments. The queue keeps the message only until it has gone (request-mail.ts); the hub keeps no copy.
 */
import { submissionReference, type SubmissionKind } from '../../common/vocabulary/submissions.ts';
import type { Queryable } from '../db/connect.ts';

export interface Attachment {
  filename: string;
  contentType: string;
  content: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function gather(tx: Queryable, customerId: string) {
  const c = (
    await tx.query<{
      username: string | null;
      gender: string | null;
      full_name: string;
      email: string | null;
      phone: string | null;
      address: string | null;
      created_at: Date;
    }>('SELECT username, gender, full_name, email, phone, address, created_at FROM customers WHERE id = $1', [customerId])
  ).rows[0]!;
  const submissions = (
    await tx.query<{ id: string; kind: SubmissionKind; subject: string; body: string; details: object; status: string; created_at: Date }>(
      'SELECT id, kind, subject, body, details, status, created_at FROM submissions WHERE customer_id = $1 ORDER BY created_at, id',
      [customerId],
    )
  ).rows;
  const events = (
    await tx.query<{ submission_id: string; type: string; body: string; created_at: Date }>(
      `SELECT e.submission_id, e.type, e.body, e.created_at FROM submission_events e JOIN submissions s ON s.id = e.submission_id
       WHERE s.customer_id = $1 AND e.body IS NOT NULL ORDER BY e.created_at, e.id`,
      [customerId],
    )
  ).rows;
  const comments = (
    await tx.query<{ page_url: string; body: string; posted_at: Date; status: string }>(
      'SELECT page_url, body, posted_at, status FROM comments WHERE customer_id = $1 ORDER BY posted_at, id',
      [customerId],
    )
  ).rows;
  const consents = (
    await tx.query<{ channel: string; opted_in: boolean; wording: string; source: string; page_url: string | null; recorded_at: Date }>(
      'SELECT channel, opted_in, wording, source, page_url, recorded_at FROM consents WHERE customer_id = $1 ORDER BY recorded_at, id',
      [customerId],
    )
  ).rows;
  const requests = (
    await tx.query<{ type: string; status: string; channel: string; requested_at: Date; decided_at: Date | null }>(
      'SELECT type, status, channel, requested_at, decided_at FROM account_requests WHERE customer_id = $1 ORDER BY requested_at, id',
      [customerId],
    )
  ).rows;
  return {
    producedAt: new Date().toISOString(),
    customer: {
      username: c.username,
      gender: c.gender,
      fullName: c.full_name,
      email: c.email,
      phone: c.phone,
      address: c.address,
      since: iso(c.created_at),
    },
    submissions: submissions.map((s) => ({
      reference: submissionReference(s.kind, s.id),
      kind: s.kind,
      subject: s.subject,
      body: s.body,
      details: s.details,
      status: s.status,
      sentAt: iso(s.created_at),
      messages: events.filter((e) => e.submission_id === s.id).map((e) => ({ type: e.type, body: e.body, at: iso(e.created_at) })),
    })),
    comments: comments.map((m) => ({ page: m.page_url, body: m.body, postedAt: iso(m.posted_at), status: m.status })),
    consents: consents.map((k) => ({
      channel: k.channel,
      given: k.opted_in,
      wording: k.wording,
      source: k.source,
      page: k.page_url,
      at: iso(k.recorded_at),
    })),
    requests: requests.map((r) => ({
      type: r.type,
      status: r.status,
      channel: r.channel,
      requestedAt: iso(r.requested_at),
      decidedAt: iso(r.decided_at),
    })),
  };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (v: unknown) => String(v ?? '—').replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
const EVENT_WORDS: Record<string, string> = {
  customer_message: 'Quý khách viết',
  reply: 'Chúng tôi trả lời',
  notice: 'Thông báo gửi Quý khách',
  note: 'Ghi chú nội bộ của nhân viên',
};

function readable(copy: Awaited<ReturnType<typeof gather>>): string {
  const c = copy.customer;
  const rows = (pairs: [string, unknown][]) => pairs.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('');
  const section = (title: string, items: string[]) => `<h2>${esc(title)}</h2>${items.length ? items.join('') : '<p>Không có.</p>'}`;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Dữ liệu cá nhân</title></head><body>
<h1>Dữ liệu cá nhân công ty đang lưu</h1><p>Lập lúc ${esc(copy.producedAt)}</p>
<table>${rows([
    ['Tên tài khoản', c.username],
    ['Giới tính', c.gender],
    ['Họ tên', c.fullName],
    ['Email', c.email],
    ['Điện thoại', c.phone],
    ['Địa chỉ', c.address],
    ['Khách hàng từ', c.since],
  ])}</table>
${section(
  'Yêu cầu và khiếu nại đã gửi',
  copy.submissions.map(
    (s) =>
      `<h3>${esc(s.reference)}: ${esc(s.subject)}</h3><p>${esc(s.sentAt)} · ${esc(s.status)}</p><blockquote>${esc(s.body)}</blockquote>` +
      s.messages
        .map((m) => `<p><b>${esc(EVENT_WORDS[m.type] ?? m.type)}</b> (${esc(m.at)}):</p><blockquote>${esc(m.body)}</blockquote>`)
        .join(''),
  ),
)}
${section(
  'Bình luận trên website',
  copy.comments.map((m) => `<p>${esc(m.postedAt)} · ${esc(m.page)} · ${esc(m.status)}</p><blockquote>${esc(m.body)}</blockquote>`),
)}
${section(
  'Đồng ý nhận khuyến mãi',
  copy.consents.map(
    (k) =>
      `<p>${esc(k.at)} · ${esc(k.channel)} · ${k.given ? 'đồng ý' : 'rút lại'} · ${esc(k.source)}</p><blockquote>${esc(k.wording)}</blockquote>`,
  ),
)}
${section(
  'Yêu cầu về dữ liệu cá nhân',
  copy.requests.map((r) => `<p>${esc(r.requestedAt)} · ${esc(r.type)} · ${esc(r.status)}</p>`),
)}
</body></html>`;
}

/** The copy, as the two attachments of its email. */
export async function dataCopy(tx: Queryable, customerId: string): Promise<Attachment[]> {
  const copy = await gather(tx, customerId);
  return [
    { filename: 'du-lieu-ca-nhan.html', contentType: 'text/html; charset=utf-8', content: readable(copy) },
    { filename: 'du-lieu-ca-nhan.json', contentType: 'application/json; charset=utf-8', content: JSON.stringify(copy, null, 2) },
  ];
}
