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
import { DomainError } from './errors.ts';
import { indexQueued } from '../store/search-index.ts';
import { clockViews, settleClocks } from './sla.ts';
import type { DueWhat } from '../../../common/sla/clock.ts';
import { warrantyView, type WarrantyView } from './warranty.ts';
import { tagsOfSubmission, type TagRef } from './tags.ts';
import { tagIdsOf } from './submission-tags.ts';

import type { EventType, Priority, Status, SubmissionKind } from '../../../common/vocabulary/submissions.ts';

export * from '../../../common/vocabulary/submissions.ts';

import type { ListRow } from './submission-list.ts';
export type { ListQuery, ListRow } from './submission-list.ts';
export { listSubmissions } from './submission-list.ts';

/**
 * A new row's seq (migration 0008): its creation time in milliseconds times 2^20, plus one for each row
 * already made in that millisecond, so seq follows time. Used with a named parameter @created_at.
 */
export const SEQ_OF_CREATED_AT = `(SELECT ifnull(max(seq) + 1, CAST(@created_at AS INTEGER) * 1048576) FROM submissions
  WHERE seq >= CAST(@created_at AS INTEGER) * 1048576 AND seq < (CAST(@created_at AS INTEGER) + 1) * 1048576)`;

/**
 * Where a reply is on its way to the customer: `pending` while it waits in this desk's outbox, then the
 * hub's state (common/protocol/delivery.ts) as last pulled, or `failed` with the hub's reason if the hub refused it.
 */
export type ReplyDelivery = Delivery | { delivery: 'pending' };

export interface TimelineEvent {
  id: string;
  type: EventType;
  actorId: string | null;
  actorName: string | null;
  body: string | null;
  data: Record<string, unknown>;
  /** Replies and notices (emails); null for every other event. */
  delivery: ReplyDelivery | null;
  createdAt: number;
}

export interface SubmissionDetail extends ListRow {
  kind: SubmissionKind;
  /** Its tags, by name. */
  tags: TagRef[];
  body: string;
  customerId: string;
  details: Record<string, unknown>;
  updatedAt: number;
  /** When the customer was first replied to (the first-response target is met then). */
  firstReplyAt: number | null;
  timeline: TimelineEvent[];
  /** A warranty claim's product, eligibility and serial warnings; null for other kinds. */
  warranty: WarrantyView | null;
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
  due_what: DueWhat | null;
  clock_used: number;
  first_reply_at: number | null;
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

/** Where an email is: a reply, or a notice the hub sent about a warranty claim; null for every other event. */
function deliveryOf(e: { id: string; type: string }, data: unknown, unpushed: Map<string, ReplyDelivery>): ReplyDelivery | null {
  if (e.type !== 'reply' && e.type !== 'notice') return null;
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
  const details = JSON.parse(r.details) as Record<string, unknown>;
  const tags = tagsOfSubmission(db, id);
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
    details,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    dueAt: r.due_at,
    version: r.version,
    clock: clockViews(db, [{ kind: r.kind, dueAt: r.due_at, dueWhat: r.due_what, clockUsed: r.clock_used, status: r.status }])[0]!,
    firstReplyAt: r.first_reply_at,
    tagIds: tagIdsOf(db, id),
    tags,
    timeline,
    warranty: r.kind === 'warranty' ? warrantyView(db, { customerId: r.customer_id, details }) : null,
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
  assigneeId?: string | null;
  id?: string;
}

/** Records a submission that arrived from the website (intake, demo data), searchable at once. */
export function insertSubmission(db: Db, s: NewSubmission): string {
  const id = addSubmission(db, s);
  indexQueued(db);
  settleClocks(db);
  return id;
}

/** Records many in one go, indexed for search together at the end (one index write instead of one per row). */
export function insertSubmissions(db: Db, list: readonly NewSubmission[]): string[] {
  const ids = list.map((s) => addSubmission(db, s));
  indexQueued(db);
  settleClocks(db);
  return ids;
}

function addSubmission(db: Db, s: NewSubmission): string {
  const id = s.id ?? newId();
  stmt(
    db,
    `INSERT INTO submissions (seq, id, kind, customer_id, subject, body, details, status, priority, assignee_id, created_at, updated_at)
     VALUES (${SEQ_OF_CREATED_AT}, @id, @kind, @customer_id, @subject, @body, @details, @status, @priority, @assignee_id, @created_at, @created_at)`,
  ).run({
    id,
    kind: s.kind,
    customer_id: s.customerId,
    subject: s.subject,
    body: s.body,
    details: JSON.stringify(s.details ?? {}),
    status: s.status ?? 'new',
    priority: s.priority ?? 'normal',
    assignee_id: s.assigneeId ?? null,
    created_at: s.createdAt,
  });
  stmt(db, `INSERT INTO submission_events (id, submission_id, type, data, created_at) VALUES (?, ?, 'created', '{}', ?)`).run(
    newId(),
    id,
    s.createdAt,
  );
  return id;
}
