/**
 * The website webhook (docs/website-webhook.md): while the hub serves, it posts the website feed (feed.ts) to
 * WEBSITE_WEBHOOK_URL, a page of at most 100 changes at a time, signed with WEBSITE_WEBHOOK_SECRET
 * (common/protocol/website-webhook.ts). Delivery is AT-LEAST-ONCE and in order: the cursor in `website_webhook`
 * (migration 0023) moves past a page only when the receiver answered it 2xx. Anything else is retried, the same
 * page from the same cursor, with back-off, so no change is ever skipped; a page acknowledged whose cursor was
 * not recorded (the hub died in between) is sent again, so receivers de-duplicate by change id.
 */
import { DELIVERY_HEADER, MIN_SECRET_LENGTH, SIGNATURE_HEADER, signatureHeader } from '../../common/protocol/website-webhook.ts';
import type { HubDb, Queryable } from '../db/connect.ts';
import { runRounds, type Rounds } from '../rounds.ts';
import { websiteChanges } from './feed.ts';

export interface WebhookConfig {
  /** Where pages are posted. Only its host is ever shown (the status); it is never logged. */
  url: string;
  secret: string;
}

export interface WebhookTiming {
  /** How often to look for new changes while nothing is failing. */
  intervalMs: number;
  /** The wait after a first failure; it doubles with each failure in a row, up to maxRetryMs. */
  firstRetryMs: number;
  maxRetryMs: number;
}

const DEFAULT_TIMING: WebhookTiming = { intervalMs: 2000, firstRetryMs: 1000, maxRetryMs: 5 * 60_000 };
const PAGE_SIZE = 100;
const TIMEOUT_MS = 10_000;
/** The hub's advisory locks: 7001 migrations, 7002 the change logs' writes (server/db/write-lock.ts), 7003 this. */
const DELIVERY_LOCK = 7003;

/** WEBSITE_WEBHOOK_URL and WEBSITE_WEBHOOK_SECRET; null without a URL. Throws, naming the variable, when they cannot be used. */
export function webhookConfigFromEnv(env: NodeJS.ProcessEnv = process.env): WebhookConfig | null {
  const url = env.WEBSITE_WEBHOOK_URL;
  if (!url) return null;
  // The message does not quote the URL: it may carry credentials, and it ends up in service logs.
  if (!URL.canParse(url) || !['http:', 'https:'].includes(new URL(url).protocol))
    throw new Error('WEBSITE_WEBHOOK_URL must be an http:// or https:// URL');
  const secret = env.WEBSITE_WEBHOOK_SECRET ?? '';
  if (secret.length < MIN_SECRET_LENGTH)
    throw new Error(
      `WEBSITE_WEBHOOK_SECRET must be set to at least ${MIN_SECRET_LENGTH} characters when WEBSITE_WEBHOOK_URL is: ` +
        'the website checks every delivery’s signature with it',
    );
  return { url, secret };
}

export type RoundOutcome =
  /** Another hub on the same database is delivering. */
  | { kind: 'busy' }
  /** The back-off after a failure is not over. */
  | { kind: 'waiting'; inMs: number }
  /** Every change is acknowledged. */
  | { kind: 'idle' }
  | { kind: 'acknowledged'; more: boolean }
  | { kind: 'failed'; error: string; attempts: number; retryInMs: number };

/** Equal jitter: hubs and receivers that failed together do not all come back in the same instant. */
function backoffMs(attempts: number, timing: WebhookTiming): number {
  const full = Math.min(timing.firstRetryMs * 2 ** (attempts - 1), timing.maxRetryMs);
  return Math.round(full / 2 + (Math.random() * full) / 2);
}

/** Databases with a round under way in this process: on PGlite's one session the advisory lock is re-entrant and tells rounds of one process apart no more. */
const underWay = new WeakSet<HubDb>();

/** Runs a round while no other does: none in this process, and on PostgreSQL none in another hub on the same database. */
async function exclusively(db: HubDb, round: (q: Queryable) => Promise<RoundOutcome>): Promise<RoundOutcome> {
  if (underWay.has(db)) return { kind: 'busy' };
  underWay.add(db);
  try {
    // A PGlite folder is open in one process only, so no other hub can deliver; and a transaction held over the
    // POST would hold up every other query of the hub, since PGlite runs one at a time.
    if (db.kind === 'pglite') return await round(db);
    // The transaction-scoped lock is let go however the round ends, a hub that dies in the middle included.
    return await db.transaction(async (tx) => {
      const [lock] = (await tx.query<{ held: boolean }>(`SELECT pg_try_advisory_xact_lock(${DELIVERY_LOCK}) AS held`)).rows;
      return lock?.held ? round(tx) : { kind: 'busy' };
    });
  } finally {
    underWay.delete(db);
  }
}

/** How an attempt failed, in the hub's words: never the receiver's answer or an error's message, which could quote anything. */
function failureOf(e: unknown): string {
  if ((e as { name?: unknown }).name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000} s`;
  const code = (e as { cause?: { code?: unknown } }).cause?.code;
  if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,39}$/.test(code)) return `request failed (${code})`;
  return `request failed (${e instanceof Error ? e.name : typeof e})`;
}

/** Posts one page; null when the receiver acknowledged it (2xx), else why not. Redirects are not followed: a 3xx is a failure. */
async function post(config: WebhookConfig, body: string, firstChangeId: string): Promise<string | null> {
  const headers = {
    'Content-Type': 'application/json',
    [SIGNATURE_HEADER]: signatureHeader(config.secret, Math.floor(Date.now() / 1000), body),
    [DELIVERY_HEADER]: firstChangeId,
  };
  try {
    const res = await fetch(config.url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    await res.body?.cancel(); // only the status counts
    return res.ok ? null : `answered ${res.status}`;
  } catch (e) {
    return failureOf(e);
  }
}

/** One attempt at the next page after the delivered cursor, when one is due; the cursor moves only on a 2xx. */
export function deliverWebhookRound(db: HubDb, config: WebhookConfig, timing: WebhookTiming = DEFAULT_TIMING): Promise<RoundOutcome> {
  return exclusively(db, async (q) => {
    const [state] = (
      await q.query<{ delivered: string; attempts: number; wait_ms: number | null }>(
        `SELECT delivered_seq::text AS delivered, attempts,
                -- Only a wait still ahead, so a retry due long ago (a hub stopped for a month) cannot overflow the integer.
                ceil(GREATEST(0, extract(epoch FROM next_attempt_at - clock_timestamp())) * 1000)::integer AS wait_ms
         FROM website_webhook WHERE id = 1`,
      )
    ).rows;
    if (!state) throw new Error('website_webhook has no row: migration 0023 did not run');
    if (state.wait_ms !== null && state.wait_ms > 0) return { kind: 'waiting', inMs: state.wait_ms };
    const page = await websiteChanges(q, Number(state.delivered), PAGE_SIZE);
    const [first] = page.changes;
    if (!first) return { kind: 'idle' };
    const error = await post(config, JSON.stringify(page), first.id);
    if (error === null) {
      await q.query(
        `UPDATE website_webhook SET delivered_seq = $1, attempts = 0, last_error = NULL, last_attempt_at = clock_timestamp(),
           last_success_at = clock_timestamp(), next_attempt_at = NULL WHERE id = 1`,
        [page.cursor],
      );
      return { kind: 'acknowledged', more: page.more };
    }
    const attempts = state.attempts + 1;
    const retryInMs = backoffMs(attempts, timing);
    await q.query(
      `UPDATE website_webhook SET attempts = $1, last_error = $2, last_attempt_at = clock_timestamp(),
         next_attempt_at = clock_timestamp() + $3::integer * interval '1 millisecond' WHERE id = 1`,
      [attempts, error, retryInMs],
    );
    return { kind: 'failed', error, attempts, retryInMs };
  });
}

export type WebhookDelivery = Rounds;

/**
 * Runs rounds until stopped: the next page at once while more wait, then every intervalMs; after a failure, when
 * the back-off says. The log gets one line when deliveries start failing and one when they are acknowledged again.
 */
export function startWebhookDelivery(db: HubDb, config: WebhookConfig, timing: Partial<WebhookTiming> = {}): WebhookDelivery {
  const t = { ...DEFAULT_TIMING, ...timing };
  let failedInARow = 0;
  const next = (o: RoundOutcome): number => {
    if (o.kind === 'failed') {
      if (failedInARow === 0) console.error(`backdesk-hub: website webhook failing (${o.error}); retrying with back-off`);
      failedInARow = o.attempts;
      return o.retryInMs;
    }
    if (o.kind === 'acknowledged' && failedInARow > 0) {
      console.log(`backdesk-hub: website webhook delivering again after ${failedInARow} failed attempt(s)`);
      failedInARow = 0;
    }
    return o.kind === 'waiting' ? o.inMs : o.kind === 'acknowledged' && o.more ? 0 : t.intervalMs;
  };
  // A database error quotes values: rounds.ts logs the message only.
  return runRounds('website webhook', () => deliverWebhookRound(db, config, t).then(next), t.intervalMs);
}
