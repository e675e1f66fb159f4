/**
 * The email delivery state of a reply: the hub's mail sender writes it into the reply event's `data`
 * (server/mail), the event reaches every desk by pull, and the desk shows it (main/core/domain/submissions.ts).
 * One schema, so the writer and the reader cannot drift apart. docs/sync-protocol.md describes the states.
 * A mail server's own words never enter it: they quote the customer's address, which desks show only masked.
 */
import { z } from 'zod';

/** Why a reply ended as `failed`: no address to send to, or every attempt failed (`failure` says how the last did). */
export const DELIVERY_FAILURES = ['no_address', 'refused'] as const;

/** What went wrong with an attempt, as server/mail/failure.ts sorts it; the desk words each one. */
export const MAIL_FAILURES = [
  'mailbox_unavailable',
  'mailbox_full',
  'rejected',
  'deferred',
  'auth',
  'network',
  'timeout',
  'other',
] as const;

/** A failed attempt: the category, and the SMTP reply code (550…) when the server answered. */
export const MailFailure = z.object({
  category: z.enum(MAIL_FAILURES),
  smtpCode: z.number().int().min(200).max(599).optional(),
});
export type MailFailure = z.infer<typeof MailFailure>;

export const Delivery = z.discriminatedUnion('delivery', [
  z.object({
    delivery: z.literal('queued'),
    /** The hub runs without SMTP: the reply waits there until email is configured. */
    notConfigured: z.literal(true).optional(),
    /** Why the last attempt failed; the next attempt is at retryAt. */
    lastFailure: MailFailure.optional(),
    attempts: z.number().int().optional(),
    retryAt: z.string().optional(),
  }),
  z.object({ delivery: z.literal('sending'), attempts: z.number().int() }),
  z.object({ delivery: z.literal('sent'), sentAt: z.string(), messageId: z.string() }),
  z.object({
    delivery: z.literal('failed'),
    code: z.enum(DELIVERY_FAILURES).optional(),
    /** With code `refused`: why the last attempt failed. */
    failure: MailFailure.optional(),
    /** Written on the desk only, when the hub refused the reply's push (main/core/domain/submissions.ts). */
    reason: z.string().optional(),
  }),
]);
export type Delivery = z.infer<typeof Delivery>;
