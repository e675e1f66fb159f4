import type { FastifyInstance } from 'fastify';
import { PullQuery, PushRequest } from '../../common/protocol/sync.ts';
import { SCOPES } from '../../common/roles.ts';
import type { HubDb } from '../db/connect.ts';
import { deviceOf } from '../devices/enrollment.ts';
import { HttpError, zodIssues } from '../http-errors.ts';
import { pullPage } from './pull.ts';
import { applyMutation } from './push.ts';
import { vacuumAfterErasure } from '../requests/erasure.ts';

export function registerSync(app: FastifyInstance, db: HubDb): void {
  app.get('/sync/pull', async (req) => {
    const deviceId = await deviceOf(db, req);
    const q = PullQuery.safeParse(req.query);
    if (!q.success) throw new HttpError(400, 'invalid_input', 'bad pull query', undefined, zodIssues(q.error));
    const { cursor, limit, count, scope, backfill, backfillCursor } = q.data;
    return pullPage(db, deviceId, {
      cursor,
      limit,
      count: count === 'true',
      // A desk that does not say what it holds pulled before scopes existed: it was sent every row.
      held: scope ?? [...SCOPES],
      ...(backfill && { backfill: { scopes: backfill, from: backfillCursor } }),
    });
  });

  app.post('/sync/push', { bodyLimit: 8 * 1024 * 1024 }, async (req) => {
    const deviceId = await deviceOf(db, req);
    const body = PushRequest.safeParse(req.body);
    if (!body.success) throw new HttpError(400, 'invalid_input', 'bad push body', undefined, zodIssues(body.error));
    const results = [];
    for (const m of body.data.mutations) results.push(await applyMutation(db, deviceId, m));
    await vacuumAfterErasure(db);
    return { results };
  });
}
