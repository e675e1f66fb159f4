/**
 * Emails about a customer's data request (common/requests/letters.ts), queued in the transaction of the step that
 * sends them, through the hub's mail queue (server/mail): the request keeps each one's delivery state in `mails`,
 * which the sender moves on and desks pull with the request. A customer without an email address gets none, and
 * the request says so.
 */
import { newId } from '../../common/ids.ts';
import { completionDueAt } from '../../common/requests/clocks.ts';
import { REQUEST_NAMES, requestLetter, type RequestLetter } from '../../common/requests/letters.ts';
import type { RequestType } from '../../common/requests/requests.ts';
import type { Delivery } from '../../common/protocol/delivery.ts';
import { formOfAddress, type Gender } from '../../common/vocabulary/customers.ts';
import type { Queryable } from '../db/connect.ts';
import { messageIdOf } from '../mail/queue.ts';
import type { Attachment } from './data-copy.ts';

const VIETNAM_DATE = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });

/** Queues one letter; returns the message's id. `forgetAddress`: the queue clears the address, text and attachments once it has gone. */
export async function queueRequestMail(
  tx: Queryable,
  requestId: string,
  letter: RequestLetter,
  at: string,
  extra: { code?: string; reason?: string; attachments?: Attachment[] } = {},
  forgetAddress = false,
): Promise<string> {
  const r = (
    await tx.query<{
      type: RequestType;
      email: string | null;
      full_name: string;
      gender: Gender | null;
      requested_at: Date;
      third_party: boolean;
      extension_days: number | null;
    }>(
      `SELECT r.type, c.email, c.full_name, c.gender, r.requested_at, r.third_party, r.extension_days
       FROM account_requests r JOIN customers c ON c.id = r.customer_id WHERE r.id = $1`,
      [requestId],
    )
  ).rows[0]!;
  const due = completionDueAt({ requestedAt: r.requested_at.getTime(), thirdParty: r.third_party, extensionDays: r.extension_days });
  const { subject, body } = requestLetter(letter, {
    xung_ho: formOfAddress(r.gender),
    ten_khach: r.full_name,
    loai_yeu_cau: REQUEST_NAMES[r.type],
    // The clock runs to the end of its last day (Vietnam midnight): the day before that midnight is the one to name.
    han_hoan_tat: VIETNAM_DATE.format(new Date(due - 1)),
    ma_xac_minh: extra.code,
    ly_do: extra.reason,
  });
  const id = newId();
  const delivery: Delivery = r.email ? { delivery: 'queued' } : { delivery: 'failed', code: 'no_address' };
  if (r.email) {
    await tx.query(
      `INSERT INTO mail_outbox (reply_id, request_id, to_address, subject, body, message_id, forget_address, attachments)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, requestId, r.email, subject, body, messageIdOf(id), forgetAddress, extra.attachments ? JSON.stringify(extra.attachments) : null],
    );
  }
  await tx.query(`UPDATE account_requests SET mails = mails || jsonb_build_object($2::text, $3::jsonb) WHERE id = $1`, [
    requestId,
    id,
    JSON.stringify({ what: letter, at, delivery }),
  ]);
  return id;
}

/**
 * The SQL that moves a request email's delivery state ($1, as JSON) on its request ($2: the message's id), beside
 * the timeline event's for a reply (sender.ts).
 */
export const REQUEST_MAIL_DELIVERY = `UPDATE account_requests SET mails = jsonb_set(mails, ARRAY[$2::text], (mails->$2::text) || jsonb_build_object('delivery', $1::jsonb))
  WHERE mails ? $2::text`;
