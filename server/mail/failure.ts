/**
 * Sorts a failed SMTP send into the code and category desks are told (common/protocol/delivery.ts). The
 * server's own text stays on the hub (mail_outbox.last_error): a refusal usually quotes the recipient,
 * "550 5.1.1 <mai@gmail.com>: mailbox unavailable", and desks show a customer's address only masked.
 */
import type { MailFailure } from '../../common/protocol/delivery.ts';

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
}

const BY_ERROR_CODE: Record<string, MailFailure['category']> = {
  ETIMEDOUT: 'timeout',
  ECONNECTION: 'network',
  ESOCKET: 'network',
  EDNS: 'network',
  ETLS: 'network',
  EPROXY: 'network',
  EAUTH: 'auth',
  ENOAUTH: 'auth',
};

/** From the enhanced status code (RFC 3463) when the server gave one, else from the basic reply code. */
function categoryOf(smtpCode: number, response: string): MailFailure['category'] {
  if (smtpCode === 530 || smtpCode === 534 || smtpCode === 535) return 'auth';
  if (smtpCode < 500) return 'deferred';
  const enhanced = /^\d{3}[ -]5\.(\d{1,3})\.(\d{1,3})/.exec(response);
  if (enhanced) {
    const [subject, detail] = [enhanced[1], enhanced[2]];
    if (subject === '1') return 'mailbox_unavailable';
    if (subject === '2' && detail === '2') return 'mailbox_full';
    return 'rejected';
  }
  if (smtpCode === 550 || smtpCode === 551 || smtpCode === 553) return 'mailbox_unavailable';
  return smtpCode === 552 ? 'mailbox_full' : 'rejected';
}

export function mailFailureOf(e: unknown): MailFailure {
  const err = (typeof e === 'object' && e !== null ? e : {}) as SmtpError;
  const smtpCode = err.responseCode;
  if (typeof smtpCode === 'number' && Number.isInteger(smtpCode) && smtpCode >= 400 && smtpCode <= 599) {
    return { category: categoryOf(smtpCode, err.response ?? ''), smtpCode };
  }
  return { category: BY_ERROR_CODE[err.code ?? ''] ?? 'other' };
}

/** The server's full answer, for the hub's mail_outbox.last_error only. */
export const serverTextOf = (e: unknown): string => (e as SmtpError | null)?.response ?? (e instanceof Error ? e.message : String(e));
