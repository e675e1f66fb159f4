/** The website's side of the hub besides intake: the feed of what it must act on, read with its website key. */
import type { FastifyInstance } from 'fastify';
import { WebsiteChangesQuery } from '../../common/protocol/website-feed.ts';
import type { HubDb } from '../db/connect.ts';
import { HttpError, zodIssues } from '../http-errors.ts';
import { websiteChanges } from './feed.ts';
import { websiteKeyOf } from './keys.ts';

export function registerWebsiteFeed(app: FastifyInstance, db: HubDb): void {
  app.get('/website/v1/changes', async (req) => {
    await websiteKeyOf(db, req);
    const q = WebsiteChangesQuery.safeParse(req.query);
    if (!q.success) throw new HttpError(400, 'invalid_input', 'bad feed query', undefined, zodIssues(q.error));
    return websiteChanges(db, q.data.cursor, q.data.limit);
  });
}
