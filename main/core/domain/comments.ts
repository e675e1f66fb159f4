/**
 * Website comments waiting for moderation. A decision is applied locally at once and queued for the hub,
 * where the first decision wins; a losing decision comes back as a rejected outbox row with its reason.
 */
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { DomainError } from './errors.ts';
import { enqueue } from './outbox.ts';

import type { CommentMarker } from '../../../common/moderation/markers.ts';
import { type COMMENT_FILTERS, type Decision } from '../../../common/vocabulary/comments.ts';

export interface CommentRow {
  id: string;
  pageUrl: string;
  pageTitle: string | null;
  body: string;
  postedAt: number;
  status: 'pending' | Decision;
  decidedBy: string | null;
  decidedAt: number | null;
  authorUsername: string | null;
  markers: CommentMarker[];
  replyTo: { body: string; authorUsername: string | null } | null;
}

export function listComments(
  db: Db,
  q: { status: (typeof COMMENT_FILTERS)[number]; offset: number; limit: number },
): { total: number; rows: CommentRow[] } {
  const { n } = stmt(db, 'SELECT count(*) AS n FROM comments WHERE status = ?').get(q.status) as { n: number };
  const rows = stmt(
    db,
    `SELECT c.id, c.page_url AS pageUrl, c.page_title AS pageTitle, c.body, c.posted_at AS postedAt, c.status, c.decided_by AS decidedBy,
            c.decided_at AS decidedAt, cu.username AS authorUsername, c.markers, p.body AS replyBody, pc.username AS replyAuthor
     FROM comments c JOIN customers cu ON cu.id = c.customer_id
       LEFT JOIN comments p ON p.id = c.reply_to LEFT JOIN customers pc ON pc.id = p.customer_id
     WHERE c.status = ? ORDER BY c.posted_at DESC, c.id LIMIT ? OFFSET ?`,
  ).all(q.status, q.limit, q.offset) as (Omit<CommentRow, 'markers' | 'replyTo'> & {
    markers: string;
    replyBody: string | null;
    replyAuthor: string | null;
  })[];
  return {
    total: n,
    rows: rows.map(({ markers, replyBody, replyAuthor, ...r }) => ({
      ...r,
      markers: JSON.parse(markers) as CommentMarker[],
      replyTo: replyBody === null ? null : { body: replyBody, authorUsername: replyAuthor },
    })),
  };
}

export function moderateComment(db: Db, id: string, actor: { id: string; name: string }, decision: Decision, now = Date.now()): void {
  db.transaction(() => {
    const row = stmt(db, 'SELECT status, decided_by AS decidedBy FROM comments WHERE id = ?').get(id) as
      { status: string; decidedBy: string | null } | undefined;
    if (!row) throw new DomainError('not_found', `no comment with id ${id}`);
    if (row.status === decision) return;
    // The first decision wins, as at the hub: a second one here would only come back refused after the next sync.
    if (row.status !== 'pending') throw new DomainError('stale', `this comment was already ${row.status} by ${row.decidedBy ?? 'someone'}`);
    stmt(db, 'UPDATE comments SET status = ?, decided_by = ?, decided_by_id = ?, decided_at = ? WHERE id = ?').run(
      decision,
      actor.name,
      actor.id,
      now,
      id,
    );
    enqueue(db, { mutation: 'comment.moderate', entityType: 'comment', entityId: id, payload: { decision }, actorId: actor.id }, now);
  })();
}
