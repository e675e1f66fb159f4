/**
 * The sync protocol between a desk and the hub: every request and answer body, parsed by the side that
 * receives it. The desk and the hub import these same schemas, so neither trusts the other's JSON blindly
 * and a change of the protocol is one change here. docs/sync-protocol.md describes it in words.
 */
import { z } from 'zod';
import { Id } from '../ids.ts';
import { JoiningStaff, SeatsRow, StaffAccount, StaffRow, UsernameClash } from './directory.ts';
import { Signature, SignatureVerdict, SigningKey } from './signing.ts';
import { isWellFormed } from '../text/rules.ts';
import { line, text, wellFormed } from '../text/schemas.ts';
import { deskInstant, MAX_DATE_MS } from './time.ts';
import { LIMITS } from './website-intake.ts';
import { COMMENT_STATUSES, COMMENT_SUBMISSION_KINDS, MODERATIONS, REJECT_REASONS } from '../vocabulary/comments.ts';
import { CommentMarkers } from '../moderation/markers.ts';
import { AUTHOR_NOTE_MAX, AuthorNote, AuthorStanding, BAN_REASON_MAX } from '../moderation/authors.ts';
import { ModerationWordFields, WORD_LEVELS, WORD_MAX } from '../moderation/word-lists.ts';
import { GENDERS } from '../vocabulary/customers.ts';
import { Merge } from '../customers/merge.ts';
import { REQUEST_LETTERS } from '../requests/letters.ts';
import { CONSENT_CHANNELS, CONSENT_SOURCES, ConsentWithdrawal } from '../requests/consents.ts';
import { Delivery } from './delivery.ts';
import {
  Acknowledgement,
  Extension,
  LoggedRequest,
  MAX_EXTENSION_DAYS,
  REQUEST_CHANNELS,
  REQUEST_LIMITS,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  RequestDecision,
  Verification,
} from '../requests/requests.ts';
import { AnyDetailsEdit } from './submission-details.ts';
import { ProductFields } from './products.ts';
import { TAG_COLORS, TagChange, TagFields } from './tags.ts';
import { CANNED_BODY_MAX, CannedReplyFields } from '../replies/canned.ts';
import { VIEW_NAME_MAX, ViewFields, ViewFilters } from './saved-views.ts';
import { WarrantyStep } from '../warranty/stages.ts';
import { NOTICES, Template } from '../warranty/notices.ts';
import { SERVICE_SETTINGS_ID, ServiceSettings } from '../sla/clock.ts';
import { EVENT_TYPES, PRIORITIES, STATUSES, SUBMISSION_KINDS } from '../vocabulary/submissions.ts';

// ---- enrollment

/**
 * `staff`: the accounts a standalone desk has made, which join the organisation's directory as it enrolls;
 * `seats`: the seat list it kept (null: everyone), which the hub keeps from then on and scopes its pulls by.
 */
export const EnrollRequest = z
  .object({
    code: wellFormed(40).min(16),
    deviceName: line(100),
    staff: z.array(JoiningStaff).max(1000).default([]),
    seats: z.array(Id).max(10_000).nullable().default(null),
  })
  .strict();
export const EnrollResponse = z.object({ deviceId: Id, token: wellFormed(200).min(32) });

// ---- what every part shares

/** The hub's `version` columns are PostgreSQL integers. */
const MAX_INT4 = 2_147_483_647;
/** A staff member's display name, as it travels with what they did. */
const ACTOR_NAME = 200;

/**
 * A whole number in a query string, written plainly (no sign, exponent, hex or spaces) and exact as a JS
 * number, so the hub compares it with a bigint column as it was sent.
 */
export const counter = (max: number) =>
  z
    .string()
    .regex(/^(0|[1-9][0-9]{0,15})$/, 'must be a whole number written with digits only')
    .transform(Number)
    .pipe(z.number().max(max, `must be at most ${max}`));

// ---- push: the desk's outbox

const Versioned = { baseVersion: z.number().int().positive().max(MAX_INT4) };
const Unversioned = { baseVersion: z.null() };
// The person who made the change, by id; the name is how they were called then, for the timeline. The
// signature is theirs, made with the key named, over the fields signing.ts lists.
const common = {
  id: Id,
  entityId: Id,
  actorId: Id,
  actorName: wellFormed(ACTOR_NAME),
  createdAt: deskInstant,
  keyId: Id,
  signature: Signature,
};
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
      payload: z.object({ eventId: Id.optional(), to: Id.nullable(), toName: line(ACTOR_NAME).optional() }).strict(),
    })
    .strict(),
  // A correction of a submission's own fields (a serial, a tax code), with the values the person saw before.
  z
    .object({
      ...common,
      ...Versioned,
      mutation: z.literal('submission.details'),
      entityType: z.literal('submission'),
      payload: z.object({ eventId: Id, changes: AnyDetailsEdit }).strict(),
    })
    .strict(),
  // Tags put on and taken off a submission (common/protocol/tags.ts). Not versioned: each names the tags it
  // changes, so changes made apart on other tags or other fields never undo one another (server/tags/tags.ts).
  z
    .object({
      ...common,
      ...Unversioned,
      mutation: z.literal('submission.tags'),
      entityType: z.literal('submission'),
      payload: TagChange,
    })
    .strict(),
  // A warranty claim's next step (common/warranty/stages.ts), on the version the person saw.
  z
    .object({
      ...common,
      ...Versioned,
      mutation: z.literal('warranty.step'),
      entityType: z.literal('submission'),
      payload: z.object({ eventId: Id, step: WarrantyStep }).strict(),
    })
    .strict(),
  // A director's wording of one of the emails sent to warranty claimants (entityId is the notice's name).
  z
    .object({
      ...common,
      entityId: z.enum(NOTICES),
      baseVersion: Versioned.baseVersion.nullable(),
      mutation: z.literal('notice.template'),
      entityType: z.literal('notice_template'),
      payload: Template,
    })
    .strict(),
  // A director's business calendar and service targets, whole (the defaults when baseVersion is null).
  z
    .object({
      ...common,
      entityId: z.literal(SERVICE_SETTINGS_ID),
      baseVersion: Versioned.baseVersion.nullable(),
      mutation: z.literal('service.settings'),
      entityType: z.literal('service_settings'),
      payload: ServiceSettings,
    })
    .strict(),
  // A director's change to a catalogue product (new when baseVersion is null), whole.
  z
    .object({
      ...common,
      baseVersion: Versioned.baseVersion.nullable(),
      mutation: z.literal('product.upsert'),
      entityType: z.literal('product'),
      payload: ProductFields,
    })
    .strict(),
  // A director's canned reply (common/replies/canned.ts), whole; new when baseVersion is null.
  z
    .object({
      ...common,
      baseVersion: Versioned.baseVersion.nullable(),
      mutation: z.literal('canned.save'),
      entityType: z.literal('canned_reply'),
      payload: CannedReplyFields,
    })
    .strict(),
  // A director's tag (common/protocol/tags.ts), whole; new when baseVersion is null.
  z
    .object({
      ...common,
      baseVersion: Versioned.baseVersion.nullable(),
      mutation: z.literal('tag.save'),
      entityType: z.literal('tag'),
      payload: TagFields,
    })
    .strict(),
  // A person's own saved view (saved-views.ts), whole, or its deletion; the last to reach the hub stands.
  z
    .object({
      ...common,
      ...Unversioned,
      mutation: z.literal('view.save'),
      entityType: z.literal('saved_view'),
      payload: ViewFields,
    })
    .strict(),
  // A comment turned into a submission of a kind its actor holds (entityId: the new submission, made by the desk).
  z
    .object({
      ...common,
      ...Unversioned,
      mutation: z.literal('submission.fromComment'),
      entityType: z.literal('submission'),
      payload: z.object({ commentId: Id, kind: z.enum(COMMENT_SUBMISSION_KINDS) }).strict(),
    })
    .strict(),
  // A director's change to a banned or suspect word (entityId: the word's id, common/node/word-ids.ts), or its removal.
  z
    .object({
      ...common,
      ...Unversioned,
      mutation: z.literal('word.save'),
      entityType: z.literal('moderation_word'),
      payload: ModerationWordFields,
    })
    .strict(),
  // A comment author's standing, whole (entityId: the customer's id); the last to reach the hub stands.
  z
    .object({
      ...common,
      ...Unversioned,
      mutation: z.literal('author.standing'),
      entityType: z.literal('comment_author'),
      payload: AuthorStanding,
    })
    .strict(),
  // A moderator's note about a comment author (entityId: the customer's id).
  z
    .object({
      ...common,
      ...Unversioned,
      mutation: z.literal('author.note'),
      entityType: z.literal('comment_author'),
      payload: AuthorNote,
    })
    .strict(),
  // Customers' requests about their data (common/requests/requests.ts), which directors handle: one taken by email or
  // phone (entityId: the new request, made by the desk), its acknowledgement, its one extension, its outcome.
  z
    .object({
      ...common,
      ...Unversioned,
      mutation: z.literal('request.log'),
      entityType: z.literal('account_request'),
      payload: LoggedRequest,
    })
    .strict(),
  z
    .object({
      ...common,
      ...Unversioned,
      mutation: z.literal('request.acknowledge'),
      entityType: z.literal('account_request'),
      payload: Acknowledgement,
    })
    .strict(),
  // The hub emails a verification code to the account's address (its hash kept on the hub only).
  z
    .object({
      ...common,
      ...Unversioned,
      mutation: z.literal('request.sendCode'),
      entityType: z.literal('account_request'),
      payload: z.object({}).strict(),
    })
    .strict(),
  z
    .object({
      ...common,
      ...Unversioned,
      mutation: z.literal('request.extend'),
      entityType: z.literal('account_request'),
      payload: Extension,
    })
    .strict(),
  z
    .object({
      ...common,
      ...Unversioned,
      mutation: z.literal('request.verify'),
      entityType: z.literal('account_request'),
      payload: Verification,
    })
    .strict(),
  z
    .object({
      ...common,
      ...Unversioned,
      mutation: z.literal('request.decide'),
      entityType: z.literal('account_request'),
      payload: RequestDecision,
    })
    .strict(),
  // A consent withdrawn by a customer who told staff by email, phone or in person (entityId: the new record, made by the desk).
  z
    .object({
      ...common,
      ...Unversioned,
      mutation: z.literal('consent.withdraw'),
      entityType: z.literal('consent'),
      payload: ConsentWithdrawal,
    })
    .strict(),
  // A director merges two records of one customer (entityId: the merge, made by the desk), or undoes the source's merge.
  z
    .object({ ...common, ...Unversioned, mutation: z.literal('customer.merge'), entityType: z.literal('customer'), payload: Merge })
    .strict(),
  z
    .object({
      ...common,
      ...Unversioned,
      mutation: z.literal('customer.unmerge'),
      entityType: z.literal('customer'),
      payload: z.object({ sourceId: Id }).strict(),
    })
    .strict(),
  // A director's change to a person's account (new when baseVersion is null), whole.
  z
    .object({
      ...common,
      baseVersion: Versioned.baseVersion.nullable(),
      mutation: z.literal('staff.upsert'),
      entityType: z.literal('staff'),
      payload: StaffAccount,
    })
    .strict(),
  // A person choosing their own password (entityId is the actor's own id), their key wrapped again under it.
  z
    .object({
      ...common,
      ...Unversioned,
      mutation: z.literal('staff.password'),
      entityType: z.literal('staff'),
      payload: z.object({ passwordHash: StaffAccount.shape.passwordHash, key: SigningKey }).strict(),
    })
    .strict(),
  // A person whose account came from before keys registering their first one, signed with it.
  z
    .object({
      ...common,
      ...Unversioned,
      mutation: z.literal('staff.key'),
      entityType: z.literal('staff'),
      payload: z.object({ key: SigningKey }).strict(),
    })
    .strict(),
  // Who may sign in on the pushing desk (entityId is its device id); null: everyone.
  z
    .object({
      ...common,
      ...Unversioned,
      mutation: z.literal('device.seats'),
      entityType: z.literal('device'),
      payload: z.object({ staffIds: z.array(Id).max(10_000).nullable() }).strict(),
    })
    .strict(),
  // A decision names the comment's version it was made on; one from a desk before versions has none (and counts only
  // on a comment still waiting). `pending` undoes the decision that made that version.
  z
    .object({
      ...common,
      baseVersion: Versioned.baseVersion.nullable(),
      mutation: z.literal('comment.moderate'),
      entityType: z.literal('comment'),
      payload: z.object({ decision: z.enum(MODERATIONS), reason: z.enum(REJECT_REASONS).optional() }).strict(),
    })
    .strict()
    .refine((m) => m.payload.reason === undefined || m.payload.decision === 'rejected', {
      message: 'only a rejection has a reason',
      path: ['payload', 'reason'],
    })
    .refine((m) => m.baseVersion !== null || m.payload.decision !== 'pending', {
      message: 'an undo names the version it undoes',
      path: ['baseVersion'],
    }),
]);
export type Mutation = z.infer<typeof Mutation>;
export type MutationName = Mutation['mutation'];

export const PushRequest = z.object({ mutations: z.array(Mutation).max(500) }).strict();

/** The hub's answer per mutation: applied, or rejected with the reason and, for a stale edit, what is current. */
export const PushOutcome = z.discriminatedUnion('outcome', [
  z.object({ id: Id, outcome: z.literal('applied') }),
  z.object({ id: Id, outcome: z.literal('rejected'), reason: wellFormed(2000), current: z.record(z.string(), z.unknown()).optional() }),
]);
export type PushOutcome = z.infer<typeof PushOutcome>;
export const PushResponse = z.object({ results: z.array(PushOutcome) });

// ---- pull: the hub's rows, as PostgreSQL's to_jsonb writes them (times as ISO strings), within a scope

// Imported here rather than at the top, so the pull's part of this file stays in this section.
import { SCOPES } from '../roles.ts';

const instant = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be a date and time');
const maybe = <T extends z.ZodType>(t: T) => t.nullable();
// The rows hold what the intake and the pushes accepted, so the same limits bound them.
const str = wellFormed;
const Json = z.record(z.string(), z.unknown());

export const CustomerRow = z.object({
  id: Id,
  username: maybe(str(LIMITS.username)),
  gender: maybe(z.enum(GENDERS)),
  full_name: str(LIMITS.fullName),
  email: maybe(str(LIMITS.email)),
  phone: maybe(str(LIMITS.phone)),
  address: maybe(str(LIMITS.address)),
  created_at: instant,
  updated_at: instant,
  // Set once, when the customer's data was erased at their request (server/requests/erasure.ts); absent from older hubs.
  erased_at: maybe(instant).default(null),
  // Merged into another record of the same customer (server/customers/merges.ts), until undone.
  merged_into: maybe(Id).default(null),
  merged_at: maybe(instant).default(null),
});
export const SubmissionRow = z.object({
  id: Id,
  kind: z.enum(SUBMISSION_KINDS),
  customer_id: Id,
  subject: str(LIMITS.subject),
  body: str(LIMITS.body),
  details: Json,
  status: z.enum(STATUSES),
  priority: z.enum(PRIORITIES),
  assignee: maybe(str(ACTOR_NAME)),
  assignee_id: maybe(Id),
  created_at: instant,
  updated_at: instant,
  version: z.number().int().positive().max(MAX_INT4),
  // The ids of its tags (hub migration 0014). A hub from before tags has none to send.
  tags: z.array(Id).max(500).default([]),
  // The comment it was made from (hub migration 0024), if any.
  comment_id: maybe(Id).default(null),
});
export const EventRow = z.object({
  id: Id,
  submission_id: Id,
  type: z.enum(EVENT_TYPES),
  actor_name: maybe(str(ACTOR_NAME)),
  actor_id: maybe(Id),
  body: maybe(str(LIMITS.body)),
  data: Json,
  created_at: instant,
});
export const CommentRow = z.object({
  id: Id,
  customer_id: Id,
  page_url: str(LIMITS.pageUrl),
  // Left out by a hub from before markers: none.
  page_title: maybe(str(LIMITS.pageTitle)).default(null),
  reply_to: maybe(Id).default(null),
  // The submission it was turned into (hub migration 0024), if any.
  submission_id: maybe(Id).default(null),
  submission_kind: maybe(z.enum(COMMENT_SUBMISSION_KINDS)).default(null),
  // Why it was rejected, when the moderator said (hub migration 0025).
  reject_reason: maybe(z.enum(REJECT_REASONS)).default(null),
  markers: CommentMarkers.default([]),
  version: z.number().int().positive().max(MAX_INT4).default(1),
  review: z.boolean().default(false),
  body: str(LIMITS.comment),
  posted_at: instant,
  status: z.enum(COMMENT_STATUSES),
  decided_by: maybe(str(ACTOR_NAME)),
  decided_by_id: maybe(Id),
  decided_at: maybe(instant),
});
export const ConsentRow = z.object({
  id: Id,
  customer_id: Id,
  opted_in: z.boolean(),
  channel: z.enum(CONSENT_CHANNELS),
  wording: str(LIMITS.wording),
  recorded_at: instant,
  // From hubs before migration 0029, every record came from the website.
  source: z.enum(CONSENT_SOURCES).default('website'),
  page_url: maybe(str(LIMITS.pageUrl)).default(null),
  recorded_by: maybe(str(ACTOR_NAME)).default(null),
});
export const AccountRequestRow = z.object({
  id: Id,
  customer_id: Id,
  type: z.enum(REQUEST_TYPES),
  changes: Json,
  requested_at: instant,
  status: z.enum(REQUEST_STATUSES),
  // From hubs before migration 0026, a request came from the website and had no more than the above.
  channel: z.enum(REQUEST_CHANNELS).default('website'),
  note: maybe(str(REQUEST_LIMITS.note)).default(null),
  logged_by: maybe(str(ACTOR_NAME)).default(null),
  third_party: z.boolean().default(false),
  acknowledged_by: maybe(str(ACTOR_NAME)).default(null),
  acknowledged_at: maybe(instant).default(null),
  extension_days: maybe(z.number().int().min(1).max(MAX_EXTENSION_DAYS)).default(null),
  extension_reason: maybe(str(REQUEST_LIMITS.reason)).default(null),
  extended_by: maybe(str(ACTOR_NAME)).default(null),
  extended_at: maybe(instant).default(null),
  decided_by: maybe(str(ACTOR_NAME)).default(null),
  decided_at: maybe(instant).default(null),
  decision_reason: maybe(str(REQUEST_LIMITS.reason)).default(null),
  verified_by: maybe(str(ACTOR_NAME)).default(null),
  verified_at: maybe(instant).default(null),
  verification: maybe(str(500)).default(null),
  mails: z
    .record(Id, z.object({ what: z.enum(REQUEST_LETTERS), at: instant, delivery: Delivery }))
    .refine((m) => Object.keys(m).length <= 100, 'at most 100 emails')
    .default({}),
});

export const ProductRow = z.object({
  id: Id,
  sku: str(64),
  name: str(200),
  warranty_months: z.number().int().min(0).max(240),
  serial_pattern: maybe(str(50)),
  active: z.boolean(),
  version: z.number().int().positive().max(MAX_INT4),
  updated_at: instant,
});

export const NoticeTemplateRow = z.object({
  id: z.enum(NOTICES),
  subject: str(300),
  body: str(10_000),
  version: z.number().int().positive().max(MAX_INT4),
  updated_at: instant,
});

export const ServiceSettingsRow = z.object({
  id: z.literal(SERVICE_SETTINGS_ID),
  settings: ServiceSettings,
  version: z.number().int().positive().max(MAX_INT4),
  updated_at: instant,
});

export const CannedReplyRow = z.object({
  id: Id,
  title: str(200),
  body: str(CANNED_BODY_MAX),
  kind: maybe(z.enum(SUBMISSION_KINDS)),
  active: z.boolean(),
  version: z.number().int().positive().max(MAX_INT4),
  updated_at: instant,
});

export const TagRow = z.object({
  id: Id,
  name: str(50),
  color: z.enum(TAG_COLORS),
  archived: z.boolean(),
  version: z.number().int().positive().max(MAX_INT4),
  updated_at: instant,
});

/** A person's saved view; a deleted one stays on the hub as a mark, so every desk that holds it lets it go. */
export const SavedViewRow = z.object({
  id: Id,
  person_id: Id,
  name: str(VIEW_NAME_MAX),
  kind: z.enum(SUBMISSION_KINDS),
  filters: ViewFilters,
  deleted: z.boolean(),
  updated_at: instant,
});

/** A banned or suspect word; a removed one stays on the hub as a mark, so every desk that holds it lets it go. */
export const ModerationWordRow = z.object({
  id: Id,
  word: str(WORD_MAX),
  level: z.enum(WORD_LEVELS),
  removed: z.boolean(),
  updated_at: instant,
});

/** A comment author's standing and the moderators' notes about them (common/moderation/authors.ts). */
export const CommentAuthorRow = z.object({
  id: Id,
  premoderate: z.boolean(),
  banned: z.boolean(),
  ban_reason: maybe(str(BAN_REASON_MAX)),
  changed_by: maybe(str(ACTOR_NAME)),
  changed_at: maybe(instant),
  notes: z.array(z.object({ id: Id, body: str(AUTHOR_NOTE_MAX), by: str(ACTOR_NAME), at: instant })).max(10_000),
  updated_at: instant,
});

const change = <E extends string, R extends z.ZodType>(entity: E, row: R) =>
  z.object({ entity: z.literal(entity), seq: z.number().int().nonnegative(), row });

/** One row of the hub's feed, named by its entity. */
export const Change = z.discriminatedUnion('entity', [
  change('customer', CustomerRow),
  change('submission', SubmissionRow),
  change('event', EventRow),
  change('comment', CommentRow),
  change('consent', ConsentRow),
  change('account_request', AccountRequestRow),
  change('staff', StaffRow),
  change('seats', SeatsRow),
  change('product', ProductRow),
  change('notice_template', NoticeTemplateRow),
  change('service_settings', ServiceSettingsRow),
  change('canned_reply', CannedReplyRow),
  change('tag', TagRow),
  change('saved_view', SavedViewRow),
  change('moderation_word', ModerationWordRow),
  change('comment_author', CommentAuthorRow),
]);
export type Change = z.infer<typeof Change>;
export type Entity = Change['entity'];

/** Scopes in a query string: names separated by commas, in any order; empty for none. */
const scopeList = z
  .string()
  .max(200)
  .transform((s) => (s === '' ? [] : s.split(',')))
  .pipe(z.array(z.enum(SCOPES)));

/**
 * `scope`: what the desk holds every row of up to `cursor` (left out, as by desks from before scopes: all).
 * With `backfill`, a backfill page instead: the rows of those scopes after `backfillCursor`, up to `cursor`.
 */
export const PullQuery = z.object({
  cursor: counter(Number.MAX_SAFE_INTEGER).default(0),
  limit: counter(2000).pipe(z.number().min(1, 'must be at least 1')).default(500),
  count: z.enum(['true', 'false']).default('false'),
  scope: scopeList.optional(),
  backfill: scopeList.optional(),
  backfillCursor: counter(Number.MAX_SAFE_INTEGER).default(0),
});
/**
 * `scope`: what the desk's people may see now; `purge`: what the desk said it holds and may hold no longer.
 * On a backfill page, `cursor` is the backfill's.
 */
export const PullResponse = z.object({
  changes: z.array(Change),
  cursor: z.number().int().nonnegative(),
  more: z.boolean(),
  remaining: z.number().int().nonnegative().optional(),
  scope: z.array(z.enum(SCOPES)),
  purge: z.array(z.enum(SCOPES)),
});
export type PullResponse = z.infer<typeof PullResponse>;

// ---- the audit log's copy on the hub

/**
 * The text of an audit row exactly as the desk wrote it: the hash covers every character, so nothing can be
 * cleaned on the way. Rows from before failed sign-ins were neutralised may hold NUL; the hub keeps its copy
 * as JSON text, where NUL is the escape \u0000. Bounded and well-formed all the same.
 */
const auditText = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine(isWellFormed, 'must be well-formed Unicode (it has an unpaired surrogate)');

export const AuditRowWire = z.object({
  seq: z.number().int().positive(),
  id: Id,
  // Only ever compared and hashed, never read as a time by the hub: any time a JS Date can hold.
  at: z.number().int().min(0).max(MAX_DATE_MS),
  actor_id: Id.nullable(),
  actor_name: auditText(ACTOR_NAME),
  actor_role: auditText(32).nullable(),
  action: auditText(100),
  target_type: auditText(64).nullable(),
  target_id: auditText(64).nullable(),
  detail: auditText(10_000),
  prev_hash: z.string().length(64),
  hash: z.string().length(64),
  // The actor's signature over the hash, when a signed-in person did it (not in the hash: it is made from it).
  key_id: Id.nullable().default(null),
  signature: Signature.nullable().default(null),
});
export const AuditPushRequest = z.object({ rows: z.array(AuditRowWire).max(1000) }).strict();
const Verdicts = z.array(z.object({ seq: z.number().int(), signature: SignatureVerdict }));
/** `verdicts`: for each row stored, whether the hub found its signature good. */
export const AuditPushResponse = z.object({ stored: z.number().int(), headSeq: z.number().int(), verdicts: Verdicts });
export const AuditHashesQuery = z.object({
  after: counter(Number.MAX_SAFE_INTEGER).default(0),
  limit: counter(5000).pipe(z.number().min(1, 'must be at least 1')).default(5000),
});
export const AuditHashesResponse = z.object({
  hashes: z.array(z.object({ seq: z.number().int(), hash: z.string(), signature: SignatureVerdict })),
});

/** Every error answer of the hub. */
export const HubError = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), clash: UsernameClash.optional() }),
});
