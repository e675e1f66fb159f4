/**
 * Queues an email to a submission's customer, inside the transaction that records its timeline event: a reply,
 * or a notice the hub writes itself (warranty steps, notices.ts). The event's data carries its delivery state.
 */
import type { Delivery } from '../../common/protocol/delivery.ts';
import type { Queryable } from '../db/connect.ts';

export const MAIL_DOMAIN = process.env.MAIL_MESSAGE_ID_DOMAIN ?? 'backdesk.hub';

/** Stable per reply, so a message sent twice (see sender.ts) is recognisable as the same message. */
export const messageIdOf = (replyId: string) => `<reply-${replyId}@${MAIL_DOMAIN}>`;

const NO_ADDRESS: Delivery = { delivery: 'failed', code: 'no_address' };

/**
 * An email event's data made its new delivery state ($1), keeping which notice it is when it is one: a reply's
 * data is its delivery state alone, a notice's also names the notice (notices.ts).
 */
export const withDelivery = (data: string) =>
  `CASE WHEN ${data} ? 'notice' THEN $1::jsonb || jsonb_build_object('notice', ${data}->'notice') ELSE $1::jsonb END`;

export async function queueReplyMail(tx: Queryable, replyId: string, submissionId: string, body: string): Promise<void> {
  await queueMail(tx, replyId, submissionId, (subject) => `Phản hồi: ${subject}`, body);
}

/** `subjectOf` makes the email's subject from the submission's. */
export async function queueMail(
  tx: Queryable,
  eventId: string,
  submissionId: string,
  subjectOf: (submissionSubject: string) => string,
  body: string,
): Promise<void> {
  const row = (
    await tx.query<{ email: string | null; subject: string }>(
      'SELECT c.email, s.subject FROM submissions s JOIN customers c ON c.id = s.customer_id WHERE s.id = $1',
      [submissionId],
    )
  ).rows[0]!;
  if (!row.email) {
    await tx.query(`UPDATE submission_events SET data = ${withDelivery('data')} WHERE id = $2`, [JSON.stringify(NO_ADDRESS), eventId]);
    return;
  }
  await tx.query(
    'INSERT INTO mail_outbox (reply_id, to_address, subject, body, message_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (reply_id) DO NOTHING',
    [eventId, row.email, subjectOf(row.subject), body, messageIdOf(eventId)],
  );
}
