/** The hub's HTTP service: website intake and feed, desk enrollment, and sync; and, while it serves, email and webhook delivery. */
import Fastify, { type FastifyInstance } from 'fastify';
import type { HubDb } from './db/connect.ts';
import { registerEnrollment } from './devices/enrollment.ts';
import { installErrorHandler } from './http-errors.ts';
import { registerIntake } from './intake/routes.ts';
import { installStrictJson } from './json-body.ts';
import { startMailDelivery, type MailDelivery } from './mail/delivery.ts';
import type { MailConfig } from './mail/sender.ts';
import { registerPresence } from './presence/routes.ts';
import { registerAuditSync } from './sync/audit.ts';
import { registerSync } from './sync/routes.ts';
import { registerWebsiteFeed } from './website/routes.ts';
import { startWebhookDelivery, type WebhookConfig, type WebhookDelivery, type WebhookTiming } from './website/webhook.ts';
import { registerWebhookStatus } from './website/webhook-routes.ts';

export interface HubOptions {
  logger?: boolean;
  /**
   * Email: an SMTP configuration to send replies with, or null for a hub without SMTP (desks are told so).
   * Left out, nothing runs (tests that drive the sender themselves).
   */
  mail?: MailConfig | null;
  mailIntervalMs?: number;
  /** The website webhook (website/webhook.ts): where to post the feed, or null or left out for none. */
  webhook?: WebhookConfig | null;
  /** Tests shorten the webhook's interval and back-off. */
  webhookTiming?: Partial<WebhookTiming>;
  /** Off only in the benchmark of what marking comments at intake costs (scripts/bench-intake.ts). */
  markComments?: boolean;
}

export function buildHub(db: HubDb, opts: HubOptions = {}): FastifyInstance {
  // Request logs never include bodies or headers: they carry customer data and secrets.
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 1024 * 1024 });
  installErrorHandler(app);
  installStrictJson(app);
  app.get('/health', async () => ({ ok: true, database: db.kind }));
  registerIntake(app, db, { markComments: opts.markComments });
  registerWebsiteFeed(app, db);
  registerWebhookStatus(app, db, opts.webhook ?? null);
  registerEnrollment(app, db);
  registerSync(app, db);
  registerAuditSync(app, db);
  registerPresence(app, db);
  const { mail } = opts;
  if (mail !== undefined) {
    let delivery: MailDelivery | null = null;
    app.addHook('onReady', async () => void (delivery = startMailDelivery(db, mail, opts.mailIntervalMs)));
    app.addHook('onClose', async () => delivery?.stop());
  }
  const { webhook } = opts;
  if (webhook) {
    let delivery: WebhookDelivery | null = null;
    app.addHook('onReady', async () => void (delivery = startWebhookDelivery(db, webhook, opts.webhookTiming)));
    app.addHook('onClose', async () => delivery?.stop());
  }
  return app;
}
