/**
 * Sends queued replies by SMTP. Delivery is AT-LEAST-ONCE: a row is marked `sending` and committed before
 * the SMTP transaction, and `sent` after it. If the hub dies after the SMTP server accepted a message but
 * before `sent` was recorded, the row is still `sending` and is sent again after restart, with the same
 * Message-ID (derived from the reply id), so the duplicate is recognisable and mail clients thread or
 * drop it. We chose this over at-most-once because a reply that silently never arrives is worse for the
 * customer than a recognisable duplicate. A row recorded `sent` is never sent again.
 * Every state change is written to the reply's timeline event in the same transaction, so desks see it;
 * a failure reaches them as a code and a category only (failure.ts), the server's text stays in last_error.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Delivery } from '../../common/protocol/delivery.ts';
import type { HubDb } from '../db/connect.ts';
import { takeWriteLock } from '../db/write-lock.ts';
import { withDelivery } from './queue.ts';
import { REQUEST_MAIL_DELIVERY } from '../requests/request-mail.ts';
import { mailFailureOf, serverTextOf } from './failure.ts';

export const MAX_ATTEMPTS = 8;
const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** (attempts - 1), 60 * 60_000);

export interface MailConfig {
  /** smtp://user:pass@host:port or smtps://…; the credentials are never logged. */
  url: string;
  from: string;
}

export function mailConfigFromEnv(): MailConfig | null {
  const url = process.env.SMTP_URL;
  return url ? { url, from: process.env.MAIL_FROM ?? 'Chăm sóc khách hàng <cskh@example.vn>' } : null;
}

interface Due {
  reply_id: string;
  attachments: { filename: string; contentType: string; content: string }[] | null;
  to_address: string;
  subject: string;
  body: string;
  message_id: string;
  attempts: number;
}

/**
 * Moves a mail_outbox row ($1 is its reply id) and the delivery state its desks see together (the reply's event, or
 * the request's `mails`); the row's new seq brings it to the desks.
 */
async function transition(db: HubDb, replyId: string, outbox: string, params: unknown[], delivery: Delivery): Promise<void> {
  await db.transaction(async (tx) => {
    await takeWriteLock(tx);
    await tx.query(outbox, [replyId, ...params]);
    // A reply's or a notice's timeline event, or a request's email (server/requests/request-mail.ts): one of the two holds it.
    await tx.query(`UPDATE submission_events SET data = ${withDelivery('data')} WHERE id = $2`, [JSON.stringify(delivery), replyId]);
    await tx.query(REQUEST_MAIL_DELIVERY, [JSON.stringify(delivery), replyId]);
    // A message that must not outlive its sending (an erasure's confirmation, a copy of someone's data) keeps no address,
    // text or attachment once it has gone or failed for good.
    if (delivery.delivery === 'sent' || delivery.delivery === 'failed')
      await tx.query(
        `UPDATE mail_outbox SET to_address = '', body = '', attachments = NULL, last_error = NULL WHERE reply_id = $1 AND forget_address`,
        [replyId],
      );
  });
}

export class MailSender {
  private readonly transport: Transporter;
  private busy: Promise<number> | null = null;

  constructor(
    private readonly db: HubDb,
    private readonly config: MailConfig,
  ) {
    // nodemailer logs nothing unless asked; the URL (with its credentials) is never printed by the hub.
    this.transport = nodemailer.createTransport(config.url);
  }

  /** Sends every due message once; returns how many were accepted by the SMTP server. */
  runOnce(): Promise<number> {
    this.busy ??= this.sendDue().finally(() => (this.busy = null));
    return this.busy;
  }

  /** Waits for the round under way, then closes the SMTP connections. */
  async close(): Promise<void> {
    await this.busy?.catch(() => undefined);
    this.transport.close();
  }

  private async sendDue(): Promise<number> {
    const due = (
      await this.db.query<Due>(
        `SELECT reply_id, to_address, subject, body, message_id, attempts, attachments FROM mail_outbox
         WHERE state IN ('queued', 'sending') AND next_attempt_at <= now() ORDER BY created_at LIMIT 50`,
      )
    ).rows;
    let sent = 0;
    for (const m of due) {
      const attempts = m.attempts + 1;
      await transition(this.db, m.reply_id, `UPDATE mail_outbox SET state = 'sending', attempts = $2 WHERE reply_id = $1`, [attempts], {
        delivery: 'sending',
        attempts,
      });
      try {
        await this.transport.sendMail({
          from: this.config.from,
          to: m.to_address,
          subject: m.subject,
          text: m.body,
          messageId: m.message_id,
          ...(m.attachments && { attachments: m.attachments }),
        });
      } catch (e) {
        const failure = mailFailureOf(e);
        const failed = attempts >= MAX_ATTEMPTS;
        const retryAt = new Date(Date.now() + backoffMs(attempts)).toISOString();
        await transition(
          this.db,
          m.reply_id,
          `UPDATE mail_outbox SET state = $2, last_error = $3, next_attempt_at = $4 WHERE reply_id = $1`,
          [failed ? 'failed' : 'queued', serverTextOf(e), retryAt],
          failed ? { delivery: 'failed', code: 'refused', failure } : { delivery: 'queued', lastFailure: failure, attempts, retryAt },
        );
        continue;
      }
      await transition(
        this.db,
        m.reply_id,
        `UPDATE mail_outbox SET state = 'sent', sent_at = now(), last_error = NULL WHERE reply_id = $1`,
        [],
        {
          delivery: 'sent',
          sentAt: new Date().toISOString(),
          messageId: m.message_id,
        },
      );
      sent++;
    }
    return sent;
  }
}
