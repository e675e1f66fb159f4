/**
 * Submissions (complaints now; questions, trade contacts, warranty and feedback later) and their timelines.
 * Every function is scoped to one kind, so a caller granted one inbox can never reach another's rows by id.
 * Reading and recording live here; working a submission (notes, replies, status, assignment) in
 * submission-work.ts.
 */
import { newId } from '../../../common/ids.ts';
import { Delivery } from '../../../common/protocol/delivery.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { toFtsQuery } from '../../../common/text/fold.ts';
import { DomainError } from './errors.ts';

import type { Priority, Sort, Status, SubmissionKind } from '../../../common/vocabulary/submissions.ts';

export * from '../../../common/vocabulary/submissions.ts';

export interface ListQuery {
  status?: Status;
  /** A staff id, or 'unassigned'. */
  assignee?: string;
  text?: string;
  sort: Sort;
  offset: number;
  limit: number;
}

export interface ListRow {
  id: string;
  subject: string;
  excerpt: string;
  status: Status;
  priority: Priority;
  assigneeId: string | null;
  assigneeName: string | null;
  createdAt: number;
  dueAt: number | null;
  version: number;
}

const ORDER: Record<Sort, string> = {
  newest: 's.created_at DESC, s.id DESC',
  oldest: 's.created_at ASC, s.id ASC',
  due: 's.due_at IS NULL, s.due_at ASC, s.created_at DESC',
  priority: `CASE s.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END, s.created_at DESC`,
};

export function listSubmissions(db: Db, kind: SubmissionKind, q: ListQuery): { total: number; rows: ListRow[] } {
  const where = ['s.kind = @kind'];
  const params: Record<string, unknown> = { kind, limit: q.limit, offset: q.offset };
  let from = 'submissions s';
  if (q.status) {
    where.push('s.status = @status');
    params.status = q.status;
  }
  if (q.assignee === 'unassigned') where.push('s.assignee_id IS NULL');
  else if (q.assignee) {
    where.push('s.assignee_id = @assignee');
    params.assignee = q.assignee;
  }
  const fts = q.text ? toFtsQuery(q.text) : null;
  if (fts) {
    from += ' JOIN submissions_fts f ON f.rowid = s.rowid';
    where.push('submissions_fts MATCH @fts');
    params.fts = fts;
  }
  const w = where.join(' AND ');
  const total = (stmt(db, `SELECT count(*) AS n FROM ${from} WHERE ${w}`).get(params) as { n: number }).n;
  const rows = stmt(
    db,
    `SELECT s.id, s.subject, substr(s.body, 1, 160) AS excerpt, s.status, s.priority, s.assignee_id AS assigneeId,
            COALESCE(st.display_name, s.assignee_name) AS assigneeName, s.created_at AS createdAt, s.due_at AS dueAt, s.version
     FROM ${from} LEFT JOIN staff st ON st.id = s.assignee_id
     WHERE ${w} ORDER BY ${ORDER[q.sort]} LIMIT @limit OFFSET @offset`,
  ).all(params) as ListRow[];
  return { total, rows };
}

/**
 * Where a reply is on its way to the customer: `pending` while it waits in this desk's outbox, then the
 * hub's state (common/protocol/delivery.ts) as last pulled, or `failed` with the hub's reason if the hub refused it.
 */
export type ReplyDelivery = Delivery | { delivery: 'pending' };

export interface TimelineEvent {
  id: string;
  type: 'created' | 'note' | 'reply' | 'status_change' | 'assignment';
  actorId: string | null;
  actorName: string | null;
  body: string | null;
  data: Record<string, unknown>;
  /** Replies only; null for every other event. */
  delivery: ReplyDelivery | null;
  createdAt: number;
}

export interface SubmissionDetail extends ListRow {
  kind: SubmissionKind;
  body: string;
  customerId: string;
  details: Record<string, unknown>;
  updatedAt: number;
  timeline: TimelineEvent[];
}

interface SubmissionRow {
  id: string;
  kind: SubmissionKind;
  customer_id: string;
  subject: string;
  body: string;
  details: string;
  status: Status;
  priority: Priority;
  assignee_id: string | null;
  assignee_name: string | null;
  due_at: number | null;
  created_at: number;
  updated_at: number;
  version: number;
}

/** One submission of one kind; not_found for another kind's id, so a grant never reaches past its inbox. */
export function load(db: Db, kind: SubmissionKind, id: string): SubmissionRow {
  const row = stmt(
    db,
    `SELECT s.*, COALESCE(st.display_name, s.assignee_name) AS assignee_name FROM submissions s LEFT JOIN staff st ON st.id = s.assignee_id
     WHERE s.id = ? AND s.kind = ?`,
  ).get(id, kind) as SubmissionRow | undefined;
  if (!row) throw new DomainError('not_found', `no ${kind} with id ${id}`);
  return row;
}

/** The customer a submission belongs to, checked against the kind the caller may see. */
export const customerOf = (db: Db, kind: SubmissionKind, id: string): string => load(db, kind, id).customer_id;

/** The replies of a submission that have not been accepted by the hub yet: still in the outbox, or refused there. */
function unpushedReplies(db: Db, id: string): Map<string, ReplyDelivery> {
  const rows = stmt(
    db,
    `SELECT json_extract(payload, '$.eventId') AS eventId, state, reason FROM outbox
     WHERE entity_id = ? AND mutation = 'submission.reply' AND state != 'applied'`,
  ).all(id) as { eventId: string; state: 'pending' | 'rejected'; reason: string | null }[];
  return new Map(
    rows.map((r) => [r.eventId, r.state === 'pending' ? { delivery: 'pending' } : { delivery: 'failed', reason: r.reason ?? '' }]),
  );
}

function deliveryOf(e: { id: string; type: string }, data: unknown, unpushed: Map<string, ReplyDelivery>): ReplyDelivery | null {
  if (e.type !== 'reply') return null;
  const parsed = Delivery.safeParse(data);
  return unpushed.get(e.id) ?? (parsed.success ? parsed.data : { delivery: 'queued' });
}

export function getSubmission(db: Db, kind: SubmissionKind, id: string): SubmissionDetail {
  const r = load(db, kind, id);
  const unpushed = unpushedReplies(db, id);
  const timeline = (
    stmt(
      db,
      `SELECT e.id, e.type, e.actor_id AS actorId, COALESCE(st.display_name, e.actor_name) AS actorName, e.body, e.data, e.created_at AS createdAt
       FROM submission_events e LEFT JOIN staff st ON st.id = e.actor_id
       WHERE e.submission_id = ? ORDER BY e.created_at, e.id`,
    ).all(id) as (Omit<TimelineEvent, 'data' | 'delivery'> & { data: string })[]
  ).map((e) => {
    const data = JSON.parse(e.data) as Record<string, unknown>;
    return { ...e, data, delivery: deliveryOf(e, data, unpushed) };
  });
  return {
    id: r.id,
    kind: r.kind,
    subject: r.subject,
    body: r.body,
    excerpt: r.body.slice(0, 160),
    status: r.status,
    priority: r.priority,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    customerId: r.customer_id,
    details: JSON.parse(r.details) as Record<string, unknown>,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    dueAt: r.due_at,
    version: r.version,
    timeline,
  };
}

export interface NewSubmission {
  kind: SubmissionKind;
  customerId: string;
  subject: string;
  body: string;
  priority?: Priority;
  status?: Status;
  details?: Record<string, unknown>;
  createdAt: number;
  dueAt?: number | null;
  id?: string;
}

/** Records a submission that arrived from the website (intake, sync, demo data). */
export function insertSubmission(db: Db, s: NewSubmission): string {
  const id = s.id ?? newId();
  stmt(
    db,
    `INSERT INTO submissions (id, kind, customer_id, subject, body, details, status, priority, due_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    s.kind,
    s.customerId,
    s.subject,
    s.body,
    JSON.stringify(s.details ?? {}),
    s.status ?? 'new',
    s.priority ?? 'normal',
    s.dueAt ?? null,
    s.createdAt,
    s.createdAt,
  );
  stmt(db, `INSERT INTO submission_events (id, submission_id, type, data, created_at) VALUES (?, ?, 'created', '{}', ?)`).run(
    newId(),
    id,
    s.createdAt,
  );
  return id;
}
