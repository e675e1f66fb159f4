/**
 * Website comments waiting for moderation. A decision is applied locally at once and queued for the hub,
 * where the first decision wins; a losing decision comes back as a rejected outbox row with its reason.
 */
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { DomainError } from './errors.ts';
import { enqueue } from './outbox.ts';
import { authorIdOf, standingOf, type Standing as AuthorStanding } from './comment-authors.ts';

import { REJECTIONS_WINDOW_DAYS, type CommentMarker, type MarkerReason } from '../../../common/moderation/markers.ts';
import {
  type COMMENT_FILTERS,
  type CommentSubmissionKind,
  type Decision,
  type Moderation,
  type RejectReason,
} from '../../../common/vocabulary/comments.ts';

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
  /**
   * The submission it was turned into: `sent` once the hub has made it (the desk's change left and was applied),
   * `here` once it reached this desk (a desk without that kind's inbox never holds it).
   */
  submission: { id: string; kind: CommentSubmissionKind; sent: boolean; here: boolean } | null;
  rejectReason: RejectReason | null;
}

type Filter = (typeof COMMENT_FILTERS)[number];

// The reported tab: published comments readers reported, waiting for another look (index comments_reported).
const inTab = (status: Filter) => (status === 'reported' ? 'c.review = 1' : 'c.status = @status');

export function listComments(
  db: Db,
  q: { status: Filter; page?: string; marker?: MarkerReason; order: 'newest' | 'oldest'; offset: number; limit: number },
): { total: number; rows: CommentRow[] } {
  const where = [
    inTab(q.status),
    ...(q.page === undefined ? [] : ['c.page_url = @page']),
    ...(q.marker === undefined ? [] : [`EXISTS (SELECT 1 FROM json_each(c.markers) m WHERE json_extract(m.value, '$.reason') = @marker)`]),
  ].join(' AND ');
  // Only the parameters the statement names (one without @page is given none).
  const params = {
    ...(q.status !== 'reported' && { status: q.status }),
    ...(q.page !== undefined && { page: q.page }),
    ...(q.marker !== undefined && { marker: q.marker }),
  };
  const { n } = stmt(db, `SELECT count(*) AS n FROM comments c WHERE ${where}`).get(params) as { n: number };
  const order = q.order === 'oldest' ? 'ASC' : 'DESC';
  const rows = stmt(
    db,
    `SELECT c.id, c.page_url AS pageUrl, c.page_title AS pageTitle, c.body, c.posted_at AS postedAt, c.status, c.decided_by AS decidedBy,
            c.decided_at AS decidedAt, c.reject_reason AS rejectReason, cu.username AS authorUsername, c.markers, p.body AS replyBody, pc.username AS replyAuthor,
            c.submission_id AS submissionId, c.submission_kind AS submissionKind, s.id IS NOT NULL AS here,
            EXISTS (SELECT 1 FROM outbox o WHERE o.entity_id = c.submission_id AND o.state = 'pending') AS sending
     FROM comments c JOIN customers cu ON cu.id = c.customer_id
       LEFT JOIN comments p ON p.id = c.reply_to LEFT JOIN customers pc ON pc.id = p.customer_id
       LEFT JOIN submissions s ON s.id = c.submission_id
     WHERE ${where} ORDER BY c.posted_at ${order}, c.id ${order} LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: q.limit, offset: q.offset }) as (Omit<CommentRow, 'markers' | 'replyTo' | 'submission'> & {
    markers: string;
    replyBody: string | null;
    replyAuthor: string | null;
    submissionId: string | null;
    submissionKind: CommentSubmissionKind;
    here: number;
    sending: number;
  })[];
  return {
    total: n,
    rows: rows.map(({ markers, replyBody, replyAuthor, submissionId, submissionKind, here, sending, ...r }) => ({
      ...r,
      markers: JSON.parse(markers) as CommentMarker[],
      replyTo: replyBody === null ? null : { body: replyBody, authorUsername: replyAuthor },
      submission: submissionId === null ? null : { id: submissionId, kind: submissionKind, sent: sending === 0, here: here === 1 },
    })),
  };
}

/** An author's record as the moderator sees it beside one of their comments (the `u` panel). */
export interface AuthorRecord {
  username: string | null;
  /** Their comments, newest first (at most 50), this one among them. */
  comments: { id: string; body: string; postedAt: number; status: CommentRow['status']; pageTitle: string | null }[];
  /** Of their comments of the last 90 days that were decided, how many, and how many rejected or spam. */
  decided: number;
  rejected: number;
  /** Their comments waiting for a decision, for "reject everything pending from this author". */
  pendingIds: string[];
  /** Pre-moderated, banned, and the moderators' notes about them. */
  standing: AuthorStanding;
}

const WINDOW_MS = REJECTIONS_WINDOW_DAYS * 24 * 3600_000;

export function authorOf(db: Db, commentId: string, now = Date.now()): AuthorRecord {
  const customerId = authorIdOf(db, commentId);
  const { username } = stmt(db, 'SELECT username FROM customers WHERE id = ?').get(customerId) as { username: string | null };
  const comments = stmt(
    db,
    `SELECT id, substr(body, 1, 300) AS body, posted_at AS postedAt, status, page_title AS pageTitle FROM comments
     WHERE customer_id = ? ORDER BY posted_at DESC, id DESC LIMIT 50`,
  ).all(customerId) as AuthorRecord['comments'];
  const rate = stmt(
    db,
    `SELECT count(*) FILTER (WHERE status <> 'pending') AS decided, count(*) FILTER (WHERE status IN ('rejected', 'spam')) AS rejected
     FROM comments WHERE customer_id = ? AND posted_at > ?`,
  ).get(customerId, now - WINDOW_MS) as { decided: number; rejected: number };
  const pendingIds = (
    stmt(db, `SELECT id FROM comments WHERE customer_id = ? AND status = 'pending' ORDER BY posted_at DESC LIMIT 500`).all(customerId) as {
      id: string;
    }[]
  ).map((r) => r.id);
  return { username, comments, ...rate, pendingIds, standing: standingOf(db, customerId) };
}

/** How many comments each tab holds. */
export function commentCounts(db: Db): Record<Filter, number> {
  const counts: Record<Filter, number> = { pending: 0, reported: 0, approved: 0, rejected: 0, spam: 0 };
  for (const r of stmt(db, 'SELECT status, count(*) AS n FROM comments GROUP BY status').all() as { status: Filter; n: number }[])
    counts[r.status] = r.n;
  counts.reported = (stmt(db, 'SELECT count(*) AS n FROM comments WHERE review = 1').get() as { n: number }).n;
  return counts;
}

/** The pages a tab's comments were posted on, with their titles and how many, most first (at most 200). */
export function commentPages(db: Db, status: Filter): { url: string; title: string | null; count: number }[] {
  return stmt(
    db,
    `SELECT c.page_url AS url, max(c.page_title) AS title, count(*) AS count FROM comments c WHERE ${inTab(status)}
     GROUP BY c.page_url ORDER BY count DESC, url LIMIT 200`,
  ).all(status === 'reported' ? {} : { status }) as { url: string; title: string | null; count: number }[];
}

/** What a comment was before a decision made here: put back as it was when that decision is withdrawn. */
interface Standing {
  status: string;
  decidedBy: string | null;
  decidedById: string | null;
  decidedAt: number | null;
  version: number;
  review: number;
  /** Left out of what was kept before reasons (then none). */
  rejectReason?: RejectReason | null;
}

const standing = (db: Db, id: string) =>
  stmt(
    db,
    `SELECT status, decided_by AS decidedBy, decided_by_id AS decidedById, decided_at AS decidedAt, version, review,
       reject_reason AS rejectReason, prior
     FROM comments WHERE id = ?`,
  ).get(id) as (Standing & { prior: string | null }) | undefined;

/**
 * A decision on a comment waiting in the queue, or on a published one readers reported. Made on the version the
 * desk holds, as the hub will judge it: the first decision on a version wins there.
 */
export function moderateComment(
  db: Db,
  id: string,
  actor: { id: string; name: string },
  decision: Decision,
  now = Date.now(),
  reason?: RejectReason,
): void {
  if (reason && decision !== 'rejected') throw new DomainError('invalid', 'only a rejection has a reason');
  db.transaction(() => {
    const row = standing(db, id);
    if (!row) throw new DomainError('not_found', `no comment with id ${id}`);
    if (row.status === decision && !row.review) return;
    // The first decision wins, as at the hub: a second one here would only come back refused after the next sync.
    if (row.status !== 'pending' && !row.review)
      throw new DomainError('stale', `this comment was already ${row.status} by ${row.decidedBy ?? 'someone'}`);
    decide(db, id, actor, decision, now, row, reason);
  })();
}

/**
 * One decision on many comments (Shift+a/x/s on a selection), each on its own: one decided elsewhere since it
 * was picked is refused with the reason, and the others still go.
 */
export function moderateComments(
  db: Db,
  ids: readonly string[],
  actor: { id: string; name: string },
  decision: Decision,
  now = Date.now(),
): { done: number; refused: { id: string; reason: string }[] } {
  const refused: { id: string; reason: string }[] = [];
  for (const id of ids) {
    try {
      moderateComment(db, id, actor, decision, now);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      refused.push({ id, reason: e.message });
    }
  }
  return { done: ids.length - refused.length, refused };
}

/** Applies a decision here and queues it for the hub, keeping what the comment was (`before`) in case it is withdrawn. */
function decide(
  db: Db,
  id: string,
  actor: { id: string; name: string },
  decision: Moderation,
  now: number,
  before: Standing & { prior: unknown },
  reason?: RejectReason,
) {
  const { prior: _older, ...was } = before;
  stmt(
    db,
    `UPDATE comments SET status = ?, decided_by = ?, decided_by_id = ?, decided_at = ?, version = version + 1, review = 0, prior = ?,
       reject_reason = ? WHERE id = ?`,
  ).run(decision, actor.name, actor.id, now, JSON.stringify(was), reason ?? null, id);
  enqueue(
    db,
    {
      mutation: 'comment.moderate',
      entityType: 'comment',
      entityId: id,
      baseVersion: was.version,
      payload: { decision, ...(reason && { reason }) },
      actorId: actor.id,
    },
    now,
  );
}

/**
 * Undoes this person's last decision on a comment. Never sent to the hub: it is withdrawn, and the comment is as it
 * was before. Sent (answered or not): a reversing decision, made on the version that decision made, which the hub
 * takes only if that decision of theirs still stands; the comment then waits in the queue again (hidden on the
 * website, even if it was published before), here at once.
 */
export function undoDecision(db: Db, id: string, actor: { id: string; name: string }, now = Date.now()): 'withdrawn' | 'reversed' {
  return db.transaction(() => {
    const row = standing(db, id);
    if (!row) throw new DomainError('not_found', `no comment with id ${id}`);
    const last = stmt(
      db,
      `SELECT id, state, attempts, json_extract(payload, '$.decision') AS decision FROM outbox
       WHERE entity_id = ? AND mutation = 'comment.moderate' AND actor_id = ? ORDER BY created_at DESC, id DESC LIMIT 1`,
    ).get(id, actor.id) as { id: string; state: string; attempts: number; decision: Moderation } | undefined;
    if (!last || last.decision === 'pending' || row.status === 'pending' || row.decidedById !== actor.id)
      throw new DomainError('invalid', 'there is no decision of yours on this comment to undo');
    if (last.state === 'rejected') throw new DomainError('stale', 'the hub refused this decision: there is nothing to undo');
    // Never sent: withdrawn. Sent once (even if no answer came back), the hub may hold it: reversed.
    if (last.state === 'pending' && last.attempts === 0) {
      const before = JSON.parse(row.prior!) as Standing;
      stmt(db, 'DELETE FROM outbox WHERE id = ?').run(last.id);
      stmt(
        db,
        `UPDATE comments SET status = @status, decided_by = @decidedBy, decided_by_id = @decidedById, decided_at = @decidedAt,
           version = @version, review = @review, reject_reason = @rejectReason, prior = NULL WHERE id = @id`,
      ).run({ ...before, rejectReason: before.rejectReason ?? null, id });
      return 'withdrawn';
    }
    decide(db, id, actor, 'pending', now, row);
    return 'reversed';
  })();
}
