/**
 * The sync protocol between a desk and the hub: every request and answer body, parsed by the side that
 * receives it. The desk and the hub import these same schemas, so neither trusts the other's JSON blindly
 * and a change of the protocol is one change here. docs/sync-protocol.md describes it in words.
 */
import { z } from 'zod';
import { Id } from '../ids.ts';
import { line, text, wellFormed } from '../text/schemas.ts';
import { COMMENT_STATUSES, DECISIONS } from '../vocabulary/comments.ts';
import { ACCOUNT_REQUEST_TYPES, GENDERS } from '../vocabulary/customers.ts';
import { EVENT_TYPES, PRIORITIES, STATUSES, SUBMISSION_KINDS } from '../vocabulary/submissions.ts';

// ---- enrollment

export const EnrollRequest = z.object({ code: z.string().min(16).max(40), deviceName: line(100) }).strict();
export const EnrollResponse = z.object({ deviceId: Id, token: z.string().min(32).max(200) });

// ---- push: the desk's outbox

const Versioned = { baseVersion: z.number().int().positive() };
const Unversioned = { baseVersion: z.null() };
const common = { id: Id, entityId: Id, actorName: wellFormed(200), createdAt: z.number().int().nonnegative() };
const Posting = z.object({ eventId: Id, body: text(20_000) }).strict();

/** One change a person made on a desk, as it leaves the outbox. */
export const Mutation = z.discriminatedUnion('mutation', [
  z
    .object({ ...common, ...Unversioned, mutation: z.literal('submission.note'), entityType: z.literal('submission'), payload: Posting })
    .strict(),
  z
    .object({ ...common, ...Unversioned, mutation: z.literal('submission.reply'), entityType: z.literal('submission'), payload: Posting })
    .strict(),
  z
    .object({
      ...common,
      ...Versioned,
      mutation: z.literal('submission.status'),
      entityType: z.literal('submission'),
      payload: z.object({ eventId: Id.optional(), to: z.enum(STATUSES) }).strict(),
    })
    .strict(),
  z
    .object({
      ...common,
      ...Versioned,
      mutation: z.literal('submission.assign'),
      entityType: z.literal('submission'),
      payload: z.object({ eventId: Id.optional(), to: Id.nullable(), toName: line(200).optional() }).strict(),
    })
    .strict(),
  z
    .object({
      ...common,
      ...Unversioned,
      mutation: z.literal('comment.moderate'),
      entityType: z.literal('comment'),
      payload: z.object({ decision: z.enum(DECISIONS) }).strict(),
    })
    .strict(),
]);
export type Mutation = z.infer<typeof Mutation>;
export type MutationName = Mutation['mutation'];

export const PushRequest = z.object({ mutations: z.array(Mutation).max(500) }).strict();

/** The hub's answer per mutation: applied, or rejected with the reason and, for a stale edit, what is current. */
export const PushOutcome = z.discriminatedUnion('outcome', [
  z.object({ id: Id, outcome: z.literal('applied') }),
  z.object({ id: Id, outcome: z.literal('rejected'), reason: z.string(), current: z.record(z.string(), z.unknown()).optional() }),
]);
export type PushOutcome = z.infer<typeof PushOutcome>;
export const PushResponse = z.object({ results: z.array(PushOutcome) });

// ---- pull: the hub's rows, as PostgreSQL's to_jsonb writes them (times as ISO strings)

const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be a date and time');
const maybe = <T extends z.ZodType>(t: T) => t.nullable();
const Json = z.record(z.string(), z.unknown());

export const CustomerRow = z.object({
  id: Id,
  username: maybe(z.string()),
  gender: maybe(z.enum(GENDERS)),
  full_name: z.string(),
  email: maybe(z.string()),
  phone: maybe(z.string()),
  address: maybe(z.string()),
  created_at: instant,
  updated_at: instant,
});
export const SubmissionRow = z.object({
  id: Id,
  kind: z.enum(SUBMISSION_KINDS),
  customer_id: Id,
  subject: z.string(),
  body: z.string(),
  details: Json,
  status: z.enum(STATUSES),
  priority: z.enum(PRIORITIES),
  assignee: maybe(z.string()),
  created_at: instant,
  updated_at: instant,
  version: z.number().int().positive(),
});
export const EventRow = z.object({
  id: Id,
  submission_id: Id,
  type: z.enum(EVENT_TYPES),
  actor_name: maybe(z.string()),
  body: maybe(z.string()),
  data: Json,
  created_at: instant,
});
export const CommentRow = z.object({
  id: Id,
  customer_id: Id,
  page_url: z.string(),
  body: z.string(),
  posted_at: instant,
  status: z.enum(COMMENT_STATUSES),
  decided_by: maybe(z.string()),
  decided_at: maybe(instant),
});
export const ConsentRow = z.object({
  id: Id,
  customer_id: Id,
  opted_in: z.boolean(),
  channel: z.string(),
  wording: z.string(),
  recorded_at: instant,
});
export const AccountRequestRow = z.object({
  id: Id,
  customer_id: Id,
  type: z.enum(ACCOUNT_REQUEST_TYPES),
  changes: Json,
  requested_at: instant,
  status: z.string(),
});

const change = <E extends string, R extends z.ZodType>(entity: E, row: R) => z.object({ entity: z.literal(entity), seq: z.number(), row });

/** One row of the hub's feed, named by its entity. */
export const Change = z.discriminatedUnion('entity', [
  change('customer', CustomerRow),
  change('submission', SubmissionRow),
  change('event', EventRow),
  change('comment', CommentRow),
  change('consent', ConsentRow),
  change('account_request', AccountRequestRow),
]);
export type Change = z.infer<typeof Change>;
export type Entity = Change['entity'];

export const PullQuery = z.object({
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
  count: z.enum(['true', 'false']).default('false'),
});
export const PullResponse = z.object({
  changes: z.array(Change),
  cursor: z.number().int().nonnegative(),
  more: z.boolean(),
  remaining: z.number().int().nonnegative().optional(),
});
export type PullResponse = z.infer<typeof PullResponse>;

// ---- the audit log's copy on the hub

export const AuditRowWire = z.object({
  seq: z.number().int().positive(),
  id: Id,
  at: z.number().int(),
  actor_id: Id.nullable(),
  actor_name: wellFormed(200),
  actor_role: z.string().max(32).nullable(),
  action: z.string().max(100),
  target_type: z.string().max(64).nullable(),
  target_id: z.string().max(64).nullable(),
  detail: wellFormed(10_000),
  prev_hash: z.string().length(64),
  hash: z.string().length(64),
});
export const AuditPushRequest = z.object({ rows: z.array(AuditRowWire).max(1000) }).strict();
export const AuditPushResponse = z.object({ stored: z.number().int(), headSeq: z.number().int() });
export const AuditHashesQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(5000),
});
export const AuditHashesResponse = z.object({ hashes: z.array(z.object({ seq: z.number().int(), hash: z.string() })) });

/** Every error answer of the hub. */
export const HubError = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }) });
