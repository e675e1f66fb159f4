/** `GET /website/v1/webhook`: how the webhook's delivery stands (common/protocol/website-webhook.ts), read with the website key. */
import type { FastifyInstance } from 'fastify';
import type { WebhookStatus } from '../../common/protocol/website-webhook.ts';
import type { HubDb, Queryable } from '../db/connect.ts';
import { websiteKeyOf } from './keys.ts';
import type { WebhookConfig } from './webhook.ts';

interface StateRow {
  delivered: string;
  latest: string;
  pending: string;
  attempts: number;
  last_error: string | null;
  last_attempt_at: Date | null;
  last_success_at: Date | null;
  next_attempt_at: Date | null;
}

/** `config` is this hub's: the state is the database's, shared by every hub on it, but whether a URL is set is per hub. */
export async function webhookStatus(db: Queryable, config: WebhookConfig | null): Promise<WebhookStatus> {
  // Counts read as text, which both drivers hand back alike (see feed.ts).
  const [row] = (
    await db.query<StateRow>(
      `SELECT w.delivered_seq::text AS delivered, w.attempts, w.last_error, w.last_attempt_at, w.last_success_at, w.next_attempt_at,
              (SELECT coalesce(max(seq), 0)::text FROM website_changes) AS latest,
              (SELECT count(*)::text FROM website_changes WHERE seq > w.delivered_seq) AS pending
       FROM website_webhook w WHERE w.id = 1`,
    )
  ).rows;
  if (!row) throw new Error('website_webhook has no row: migration 0023 did not run');
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    configured: config !== null,
    url: config && new URL(config.url).host,
    deliveredCursor: Number(row.delivered),
    latestSeq: Number(row.latest),
    pending: Number(row.pending),
    state: !config ? 'off' : row.attempts > 0 ? 'failing' : row.last_success_at ? 'delivered' : 'idle',
    attempts: row.attempts,
    lastError: row.last_error,
    lastAttemptAt: iso(row.last_attempt_at),
    lastSuccessAt: iso(row.last_success_at),
    nextAttemptAt: iso(row.next_attempt_at),
  };
}

export function registerWebhookStatus(app: FastifyInstance, db: HubDb, config: WebhookConfig | null): void {
  app.get('/website/v1/webhook', async (req) => {
    await websiteKeyOf(db, req);
    return webhookStatus(db, config);
  });
}
