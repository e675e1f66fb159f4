/**
 * The email delivery state of a reply: the hub's mail sender writes it into the reply event's `data`
 * (server/mail), the event reaches every desk by pull, and the desk shows it (main/core/domain/submissions.ts).
 * One schema, so the writer and the reader cannot drift apart. docs/sync-protocol.md describes the states.
 */
import { z } from 'zod';

/** Why a reply ended as `failed`: no address to send to, or the mail server kept refusing it. */
export const DELIVERY_FAILURES = ['no_address', 'refused'] as const;

export const Delivery = z.discriminatedUnion('delivery', [
  z.object({
    delivery: z.literal('queued'),
    /** The hub runs without SMTP: the reply waits there until email is configured. */
    notConfigured: z.literal(true).optional(),
    /** The mail server's answer to the last attempt, when it refused; the next attempt is at retryAt. */
    lastError: z.string().optional(),
    attempts: z.number().int().optional(),
    retryAt: z.string().optional(),
  }),
  z.object({ delivery: z.literal('sending'), attempts: z.number().int() }),
  z.object({ delivery: z.literal('sent'), sentAt: z.string(), messageId: z.string() }),
  z.object({ delivery: z.literal('failed'), reason: z.string(), code: z.enum(DELIVERY_FAILURES).optional() }),
]);
export type Delivery = z.infer<typeof Delivery>;
