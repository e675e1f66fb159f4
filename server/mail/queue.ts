/** Queues a reply as email, inside the transaction that records the reply. */
import type { Delivery } from '../../common/protocol/delivery.ts';
import type { Queryable } from '../db/connect.ts';

export const MAIL_DOMAIN = process.env.MAIL_MESSAGE_ID_DOMAIN ?? 'backdesk.hub';

/** Stable per reply, so a message sent twice (see sender.ts) is recognisable as the same message. */
export const messageIdOf = (replyId: string) => `<reply-${replyId}@${MAIL_DOMAIN}>`;

const NO_ADDRESS: Delivery = { delivery: 'failed', code: 'no_address' };

export async function queueReplyMail(tx: Queryable, replyId: string, submissionId: string, body: string): Promise<void> {
  const row = (
    await tx.query<{ email: string | null; subject: string }>(
      'SELECT c.email, s.subject FROM submissions s JOIN customers c ON c.id = s.customer_id WHERE s.id = $1',
      [submissionId],
    )
  ).rows[0]!;
  if (!row.email) {
    await tx.query('UPDATE submission_events SET data = $2 WHERE id = $1', [replyId, JSON.stringify(NO_ADDRESS)]);
    return;
  }
  await tx.query(
    'INSERT INTO mail_outbox (reply_id, to_address, subject, body, message_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (reply_id) DO NOTHING',
    [replyId, row.email, `Phản hồi: ${row.subject}`, body, messageIdOf(replyId)],
  );
}
