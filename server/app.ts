/** The hub's HTTP service: website intake, desk enrollment, and sync. */
import Fastify, { type FastifyInstance } from 'fastify';
import type { HubDb } from './db/connect.ts';
import { registerEnrollment } from './devices/enrollment.ts';
import { installErrorHandler } from './http-errors.ts';
import { registerIntake } from './intake/routes.ts';
import { installStrictJson } from './json-body.ts';
import { registerAuditSync } from './sync/audit.ts';
import { registerSync } from './sync/routes.ts';

export function buildHub(db: HubDb, opts: { logger?: boolean } = {}): FastifyInstance {
  // Request logs never include bodies or headers: they carry customer data and secrets.
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 1024 * 1024 });
  installErrorHandler(app);
  installStrictJson(app);
  app.get('/health', async () => ({ ok: true, database: db.kind }));
  registerIntake(app, db);
  registerEnrollment(app, db);
  registerSync(app, db);
  registerAuditSync(app, db);
  return app;
}
