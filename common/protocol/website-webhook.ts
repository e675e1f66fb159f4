/**
 * The website webhook (docs/website-webhook.md): the hub posts the website feed's pages (website-feed.ts's
 * `WebsiteChangesPage`, the same JSON a read of `GET /website/v1/changes` answers) to a URL it is configured
 * with, signed Stripe-style: `X-Backdesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`.
 * The timestamp is signed with the body, so a receiver that rejects old timestamps rejects replays too.
 * Here for the hub that signs and for receivers that verify (the website, tests). HMAC from @noble/hashes,
 * like the audit chain's hash: common/ runs outside Node too, so node:crypto is not available here.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';

export const SIGNATURE_HEADER = 'X-Backdesk-Signature';
/** The id of the page's first change: the same on every attempt at that page, so a receiver can log retries as such. */
export const DELIVERY_HEADER = 'X-Backdesk-Delivery';
/** How old a signature may be before a receiver refuses it as a possible replay. */
export const SIGNATURE_TOLERANCE_S = 300;
/** The shortest secret the hub accepts: it is typed into two configurations, so it is long rather than clever. */
export const MIN_SECRET_LENGTH = 32;

const signatureOf = (secret: string, timestamp: number, rawBody: string) =>
  bytesToHex(hmac(sha256, utf8ToBytes(secret), utf8ToBytes(`${timestamp}.${rawBody}`)));

/** The `X-Backdesk-Signature` value for a body sent at `timestamp` (unix seconds). */
export const signatureHeader = (secret: string, timestamp: number, rawBody: string): string =>
  `t=${timestamp},v1=${signatureOf(secret, timestamp, rawBody)}`;

/** Compares in time that depends on the length only, so a receiver's answer times reveal nothing of the expected signature. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'malformed' | 'expired' | 'mismatch' };

/**
 * Checks a delivery's signature header against the raw body exactly as received (before any JSON parsing:
 * re-serialising changes the bytes). `expired`: the timestamp is further than `toleranceSeconds` from
 * `nowSeconds`, either way. Unknown `k=v` parts are ignored, and any one `v1` may match, as with Stripe's.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  rawBody: string,
  nowSeconds: number,
  toleranceSeconds = SIGNATURE_TOLERANCE_S,
): SignatureCheck {
  const parts = (header ?? '').split(',').map((p) => p.trim().split('=', 2));
  const timestamps = parts.filter(([k]) => k === 't').map(([, v]) => v ?? '');
  const signatures = parts.filter(([k, v]) => k === 'v1' && v !== undefined).map(([, v]) => v!);
  if (timestamps.length !== 1 || !/^\d{1,12}$/.test(timestamps[0]!) || signatures.length === 0) return { ok: false, reason: 'malformed' };
  const timestamp = Number(timestamps[0]);
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return { ok: false, reason: 'expired' };
  const expected = signatureOf(secret, timestamp, rawBody);
  return signatures.some((s) => sameText(s, expected)) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

export const WEBHOOK_STATES = ['delivered', 'failing', 'idle', 'off'] as const;

const At = z.iso.datetime({ offset: true }).nullable();
const Count = z.number().int().nonnegative();

/**
 * `GET /website/v1/webhook` (website key). `state`: `off`, no webhook URL on this hub; `idle`, configured but
 * nothing attempted yet; `delivered`, the last attempt was acknowledged; `failing`, it was not (`attempts` in a
 * row, `lastError`, and `nextAttemptAt`, the retry). `pending`: changes after `deliveredCursor` not yet
 * acknowledged. `url` is the host only: the hub never shows the path or the secret.
 */
export const WebhookStatus = z
  .object({
    configured: z.boolean(),
    url: z.string().nullable(),
    deliveredCursor: Count,
    latestSeq: Count,
    pending: Count,
    state: z.enum(WEBHOOK_STATES),
    attempts: Count,
    lastError: z.string().nullable(),
    lastAttemptAt: At,
    lastSuccessAt: At,
    nextAttemptAt: At,
  })
  .strict();
export type WebhookStatus = z.infer<typeof WebhookStatus>;
