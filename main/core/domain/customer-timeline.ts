/**
 * A customer's timeline: every submission, reply and comment of theirs that the person reading may see (the
 * inboxes they hold; comments with the comment grant), newest first, a page at a time. It is read from the
 * customer's own rows, each part down an index in the timeline's order (migration 0017), so a page reads about a
 * page of each part, whatever the customer's history or the store's size.
 */
import type { COMMENT_STATUSES } from '../../../common/vocabulary/comments.ts';
import type { Status, SubmissionKind } from '../../../common/vocabulary/submissions.ts';
import { TIMELINE_CURSOR } from '../../../common/vocabulary/customers.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { DomainError } from './errors.ts';

type CommentStatus = (typeof COMMENT_STATUSES)[number];

export type TimelineItem =
  | { type: 'submission'; id: string; kind: SubmissionKind; subject: string; status: Status; at: number }
  | {
      type: 'reply';
      id: string;
      kind: SubmissionKind;
      submissionId: string;
      subject: string;
      excerpt: string;
      actorName: string | null;
      at: number;
    }
  | { type: 'comment'; id: string; pageUrl: string; excerpt: string; status: CommentStatus; at: number };

export interface TimelinePage {
  items: TimelineItem[];
  /** Where the next page starts (`before` of the next call); null when this one holds the oldest. */
  next: string | null;
}

const EXCERPT = 200;

export function customerTimeline(
  db: Db,
  customerId: string,
  see: { kinds: readonly SubmissionKind[]; comments: boolean },
  q: { before?: string; limit: number },
): TimelinePage {
  let before: { at: number; id: string } | null = null;
  if (q.before !== undefined) {
    if (!TIMELINE_CURSOR.test(q.before)) throw new DomainError('invalid', 'not a cursor of this timeline');
    const [at, id] = q.before.split(/:(.*)/s) as [string, string];
    before = { at: Number(at), id };
  }
  const kinds = JSON.stringify(see.kinds);
  // Each part is ordered and cut to a page on its own, so no part reads more than a page past the cursor.
  const older = (at: string, id: string) => `(@beforeAt IS NULL OR (${at}, ${id}) < (@beforeAt, @beforeId))`;
  const parts = [
    `SELECT * FROM (SELECT 'submission' AS type, s.id, s.kind, NULL AS submissionId, s.subject, s.status, NULL AS excerpt,
        NULL AS actorName, NULL AS pageUrl, s.created_at AS at
      FROM submissions s WHERE s.customer_id = @customer AND s.kind IN (SELECT value FROM json_each(@kinds))
        AND ${older('s.created_at', 's.id')}
      ORDER BY at DESC, s.id DESC LIMIT @limit)`,
    // Staff replies under their customer (migration 0017), so a customer's newest replies are read first.
    `SELECT * FROM (SELECT 'reply' AS type, r.event_id AS id, r.kind, r.submission_id AS submissionId, s.subject, NULL AS status,
        substr(e.body, 1, ${EXCERPT}) AS excerpt, COALESCE(st.display_name, e.actor_name) AS actorName, NULL AS pageUrl, r.at
      FROM customer_replies r CROSS JOIN submissions s ON s.id = r.submission_id CROSS JOIN submission_events e ON e.id = r.event_id
        LEFT JOIN staff st ON st.id = e.actor_id
      WHERE r.customer_id = @customer AND r.kind IN (SELECT value FROM json_each(@kinds)) AND ${older('r.at', 'r.event_id')}
      ORDER BY r.at DESC, r.event_id DESC LIMIT @limit)`,
  ];
  if (see.comments) {
    parts.push(`SELECT * FROM (SELECT 'comment' AS type, c.id, NULL AS kind, NULL AS submissionId, NULL AS subject, c.status,
        substr(c.body, 1, ${EXCERPT}) AS excerpt, NULL AS actorName, c.page_url AS pageUrl, c.posted_at AS at
      FROM comments c WHERE c.customer_id = @customer AND ${older('c.posted_at', 'c.id')}
      ORDER BY at DESC, c.id DESC LIMIT @limit)`);
  }
  const rows = stmt(db, `${parts.join(' UNION ALL ')} ORDER BY at DESC, id DESC LIMIT @limit + 1`).all({
    customer: customerId,
    kinds,
    limit: q.limit,
    beforeAt: before?.at ?? null,
    beforeId: before?.id ?? null,
  }) as Record<string, unknown>[];
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(itemOf),
    next: rows.length > q.limit && last ? `${String(last.at)}:${String(last.id)}` : null,
  };
}

/** A row of the union as the item it is, without the other parts' empty columns. */
function itemOf(r: Record<string, unknown>): TimelineItem {
  const common = { id: r.id as string, at: r.at as number };
  if (r.type === 'submission') {
    return { type: 'submission', ...common, kind: r.kind as SubmissionKind, subject: r.subject as string, status: r.status as Status };
  }
  if (r.type === 'reply') {
    return {
      type: 'reply',
      ...common,
      kind: r.kind as SubmissionKind,
      submissionId: r.submissionId as string,
      subject: r.subject as string,
      excerpt: r.excerpt as string,
      actorName: r.actorName as string | null,
    };
  }
  return { type: 'comment', ...common, pageUrl: r.pageUrl as string, excerpt: r.excerpt as string, status: r.status as CommentStatus };
}
