/**
 * The contract: every method the renderer may call, with the schema of its input and output and who may
 * call it. The dispatcher enforces all three on every call; the output schema is also a whitelist, so a
 * handler can never leak a field the contract does not name.
 */
import { z } from 'zod';
import { CommentMarkers, MARKER_REASONS, type MarkerReason } from '../../common/moderation/markers.ts';
import { detailsEdit } from '../../common/protocol/submission-details.ts';
import { ProductFields } from '../../common/protocol/products.ts';
import { TAG_COLORS, TagFields, TagIds, withTagRules } from '../../common/protocol/tags.ts';
import { CannedReplyFields } from '../../common/replies/canned.ts';
import { LIST_FILTERS, VIEW_NAME_MAX, ViewFilters } from '../../common/protocol/saved-views.ts';
import { WARRANTY_STAGES, WarrantyStep } from '../../common/warranty/stages.ts';
import { NOTICES, Template } from '../../common/warranty/notices.ts';
import { DUE_WHAT, ServiceSettings } from '../../common/sla/clock.ts';
import { PRESENCE_STATES } from '../../common/protocol/presence.ts';
import { Holiday } from '../../common/sla/calendar.ts';
import { SignatureVerdict } from '../../common/protocol/signing.ts';
import { Delivery } from '../../common/protocol/delivery.ts';
import { REQUEST_LETTERS } from '../../common/requests/letters.ts';
import { CONSENT_CHANNELS, CONSENT_SOURCES, ConsentWithdrawal } from '../../common/requests/consents.ts';
import { Merge, MERGE_REFUSAL_CODES, MergeChoice } from '../../common/customers/merge.ts';
import {
  COMMENT_FILTERS,
  COMMENT_STATUSES,
  COMMENT_SUBMISSION_KINDS,
  DECISIONS,
  REJECT_REASONS,
} from '../../common/vocabulary/comments.ts';
import { AuthorNote, AuthorStanding } from '../../common/moderation/authors.ts';
import { ModerationWordFields } from '../../common/moderation/word-lists.ts';
import { GENDERS, TIMELINE_CURSOR } from '../../common/vocabulary/customers.ts';
import { REVEALABLE_FIELDS } from '../../common/vocabulary/revealable.ts';
import {
  Extension,
  LoggedRequest,
  PROFILE_FIELDS,
  REQUEST_CHANNELS,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  RequestDecision,
  Verification,
} from '../../common/requests/requests.ts';
import {
  EVENT_TYPES,
  LIST_CURSOR,
  PRIORITIES,
  STATUSES,
  SUBMISSION_KINDS,
  type SubmissionKind,
} from '../../common/vocabulary/submissions.ts';
import { INBOXES, ROLES, type Inbox, type Role } from '../../common/roles.ts';
import { Empty, Id, Line, Ok, Password, PersonOut, Str, Text, Timestamp, Username } from './schemas.ts';

/**
 * public: anyone, signed in or not; unlocked: a signed-in session, even if idle-locked;
 * signedIn: an active session; inbox: a session that may use that inbox; roles: a session with one of the roles.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'unlocked' }
  | { kind: 'signedIn' }
  | { kind: 'inbox'; inbox: Inbox }
  | { kind: 'roles'; roles: readonly Role[] };

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  access: Access;
  input: I;
  output: O;
  /** Polled by the UI on a timer: a call does not count as the person being active (it must not defeat the idle lock). */
  passive?: boolean;
}

const def = <I extends z.ZodType, O extends z.ZodType>(access: Access, input: I, output: O, passive = false): MethodDef<I, O> => ({
  access,
  input,
  output,
  passive,
});

const PUBLIC = { kind: 'public' } as const;
const SIGNED_IN = { kind: 'signedIn' } as const;
const DIRECTOR = { kind: 'roles', roles: ['director'] } as const;
const COMMENTS = { kind: 'inbox', inbox: 'comment' } as const;
const PROMOTIONS = { kind: 'inbox', inbox: 'promotion' } as const;

const Version = z.number().int().positive();
const AccountFields = { displayName: Line(100), role: z.enum(ROLES), grants: z.array(z.enum(INBOXES)).max(INBOXES.length) };
const Account = PersonOut.extend({ active: z.boolean(), version: Version, lastActiveAt: Timestamp.nullable() });

const RequestClock = z.object({
  ackDueAt: Timestamp.nullable(),
  ackLate: z.boolean(),
  completionDueAt: Timestamp,
  overdue: z.boolean(),
});
const RequestSummary = z.object({
  id: Id,
  type: z.enum(REQUEST_TYPES),
  channel: z.enum(REQUEST_CHANNELS),
  status: z.enum(REQUEST_STATUSES),
  customerId: Id,
  customerName: z.string(),
  requestedAt: Timestamp,
  thirdParty: z.boolean(),
  extensionDays: z.number().int().positive().nullable(),
  verified: z.boolean(),
  mailStates: z.array(z.enum(['queued', 'sending', 'sent', 'failed'])),
  clock: RequestClock,
});
const ConsentLedger = z.object({
  records: z.array(
    z.object({
      id: Id,
      channel: z.enum(CONSENT_CHANNELS),
      optedIn: z.boolean(),
      wording: z.string(),
      source: z.enum(CONSENT_SOURCES),
      pageUrl: z.string().nullable(),
      recordedBy: z.string().nullable(),
      at: Timestamp,
    }),
  ),
  active: z.record(z.enum(CONSENT_CHANNELS), z.boolean()),
});
const RequestDetail = RequestSummary.extend({
  note: z.string().nullable(),
  loggedBy: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: Timestamp.nullable(),
  extensionReason: z.string().nullable(),
  extendedBy: z.string().nullable(),
  extendedAt: Timestamp.nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: Timestamp.nullable(),
  decisionReason: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  verifiedAt: Timestamp.nullable(),
  verification: z.string().nullable(),
  mails: z.array(z.object({ id: Id, what: z.enum(REQUEST_LETTERS), at: Timestamp, delivery: Delivery })),
  reason: z.string().nullable(),
  changes: z.array(z.object({ field: z.enum(PROFILE_FIELDS), current: z.string().nullable(), requested: z.string() })),
});

const AuthState = z.object({ needsFirstDirector: z.boolean(), person: PersonOut.nullable(), locked: z.boolean() });

const ListRow = z.object({
  id: Id,
  subject: z.string(),
  excerpt: z.string(),
  status: z.enum(STATUSES),
  priority: z.enum(PRIORITIES),
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  createdAt: Timestamp,
  dueAt: Timestamp.nullable(),
  version: z.number().int().positive(),
  /** The service clock (common/sla/): which target is due next and the business time left (negative: over). */
  clock: z.object({
    dueWhat: z.enum(DUE_WHAT).nullable(),
    leftMs: z.number().int().nullable(),
    /** Waiting on the customer, the clock stopped: what the resolution target had left. */
    pausedLeftMs: z.number().int().nullable(),
  }),
  /** The ids of its tags (tags.list names them). */
  tagIds: z.array(Id),
});

/** Where a list's page starts and how long it is. */
const PageQuery = {
  /** The `next` of the page before; pages go on from a row's key, never by counting past rows (keyset). */
  after: z.string().regex(LIST_CURSOR, 'must be a page cursor from this list').optional(),
  limit: z.number().int().min(1).max(500).default(100),
};
const PageOf = {
  next: z.string().nullable(),
  /** With the first page: exact, or (a search with many hits) at least n. */
  total: z.object({ n: z.number().int().nonnegative(), exact: z.boolean() }).nullable(),
};

const Product = ProductFields.extend({ id: Id, version: Version, updatedAt: Timestamp });
const Count = z.number().int().nonnegative();
/** A catalogue file as the person picked it: its name (for the audit) and its bytes in base64, up to 5 MB. */
const CatalogueFile = z.object({
  fileName: Line(255),
  content: z.base64().max(7_000_000, 'the file must be at most 5 MB'),
});
const ImportLine = z.object({
  line: z.number().int().positive(),
  sku: z.string(),
  name: z.string(),
  action: z.enum(['add', 'change', 'unchanged', 'refuse']),
  fields: z.array(z.enum(['sku', 'name', 'warrantyMonths', 'serialPattern', 'active'])).optional(),
  reason: z.string().optional(),
});

const WORKERS = { kind: 'roles', roles: ['director', 'operator'] } as const;

const Tag = TagFields.extend({ id: Id, version: Version, updatedAt: Timestamp });
/** A tag as a submission shows it. */
const TagRef = z.object({ id: Id, name: z.string(), color: z.enum(TAG_COLORS), archived: z.boolean() });
const CannedReply = CannedReplyFields.extend({ id: Id, version: Version, updatedAt: Timestamp });
/** A new one names neither its id nor a version; a change names both, the version it was made on. */
const newOrChange = { message: 'a change names the id and the version it was made on; a new one names neither' };
const isNewOrChange = (c: { id?: string; version?: number }) => (c.id === undefined) === (c.version === undefined);
const WorkQuery = z.object(PageQuery);
const WorkPage = z.object({ rows: z.array(ListRow.extend({ kind: z.enum(SUBMISSION_KINDS) })), ...PageOf });

const TimelineEvent = z.object({
  id: Id,
  type: z.enum(EVENT_TYPES),
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  body: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  /** A reply's way to the customer: `pending` on this desk, then the hub's delivery state; null for other events. */
  delivery: z.discriminatedUnion('delivery', [...Delivery.options, z.object({ delivery: z.literal('pending') })]).nullable(),
  createdAt: Timestamp,
});

const Day = z.iso.date();
const Warranty = z.object({
  stage: z.enum(WARRANTY_STAGES),
  next: z.array(z.enum(WARRANTY_STAGES)),
  product: z.object({ sku: z.string(), name: z.string(), warrantyMonths: z.number().int() }).nullable(),
  eligibility: z.discriminatedUnion('state', [
    z.object({ state: z.literal('in'), until: Day, daysLeft: z.number().int() }),
    z.object({ state: z.literal('out'), until: Day, daysOver: z.number().int() }),
    z.object({ state: z.literal('unknown'), missing: z.array(z.enum(['purchaseDate', 'product'])) }),
  ]),
  serial: z
    .object({ unlikePattern: z.boolean(), otherCustomers: z.number().int(), claims: z.number().int(), tooManyClaims: z.boolean() })
    .nullable(),
});

const Detail = ListRow.extend({
  body: z.string(),
  customerId: Id,
  details: z.record(z.string(), z.unknown()),
  updatedAt: Timestamp,
  firstReplyAt: Timestamp.nullable(),
  /** Its tags, by name (a tag whose row has not reached this desk yet is left out; tagIds has it). */
  tags: z.array(TagRef),
  timeline: z.array(TimelineEvent),
  /** A warranty claim's product, eligibility and serial warnings; null for other kinds. */
  warranty: Warranty.nullable(),
});

const CustomerCard = z.object({
  id: Id,
  username: z.string().nullable(),
  gender: z.enum(GENDERS).nullable(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  since: Timestamp,
  submissionCount: z.number().int().nonnegative(),
  erasedAt: Timestamp.nullable(),
});

const CustomerTimeline = z.object({
  items: z.array(
    z.discriminatedUnion('type', [
      z.object({
        type: z.literal('submission'),
        id: Id,
        kind: z.enum(SUBMISSION_KINDS),
        subject: z.string(),
        status: z.enum(STATUSES),
        at: Timestamp,
      }),
      z.object({
        type: z.literal('reply'),
        id: Id,
        kind: z.enum(SUBMISSION_KINDS),
        submissionId: Id,
        subject: z.string(),
        excerpt: z.string(),
        actorName: z.string().nullable(),
        at: Timestamp,
      }),
      z.object({
        type: z.literal('comment'),
        id: Id,
        pageUrl: z.string(),
        excerpt: z.string(),
        status: z.enum(COMMENT_STATUSES),
        at: Timestamp,
      }),
    ]),
  ),
  next: z.string().nullable(),
});

const SavedView = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(SUBMISSION_KINDS),
  filters: z.object(LIST_FILTERS),
  /** What it holds now (exact but for a search with many hits); null for an inbox the person no longer works. */
  count: z.object({ n: z.number().int().nonnegative(), exact: z.boolean() }).nullable(),
});

/** The methods of one submission inbox; every inbox of the later issues reuses this shape. */
function inboxMethods(inbox: SubmissionKind) {
  const access = { kind: 'inbox', inbox } as const;
  const ListQuery = z.object({ ...LIST_FILTERS, ...PageQuery });
  const ListPage = z.object({ rows: z.array(ListRow), ...PageOf });
  return {
    list: def(access, ListQuery, ListPage),
    /** The same rows re-read after a sync or a change: passive, so a background refresh never keeps an idle session unlocked. */
    relist: def(access, ListQuery, ListPage, true),
    /** A person opens a submission: recorded in the audit log as a view. */
    get: def(access, z.object({ id: Id }), Detail),
    /**
     * The submission this session opened, read again after a sync or a change: not a new view, and passive.
     * Refused for one the session has not opened with `get`, so every first sight of an item is audited.
     */
    reload: def(access, z.object({ id: Id }), Detail, true),
    addNote: def(access, z.object({ id: Id, body: Text(20_000) }), z.object({ eventId: Id })),
    queueReply: def(access, z.object({ id: Id, body: Text(20_000) }), z.object({ eventId: Id })),
    setStatus: def(access, z.object({ id: Id, version: Version, status: z.enum(STATUSES) }), z.object({ version: Version })),
    assign: def(access, z.object({ id: Id, version: Version, assigneeId: Id.nullable() }), z.object({ version: Version })),
    /** Corrects the kind's own fields (EDITABLE_DETAILS); refused for a kind that has none to correct. */
    setDetails: def(access, z.object({ id: Id, version: Version, changes: detailsEdit(inbox) }), z.object({ version: Version })),
    assignees: def(access, Empty, z.array(z.object({ id: Id, displayName: z.string() }))),
    customerCard: def(access, z.object({ submissionId: Id }), CustomerCard),
    /** The submission's customer's timeline, across the inboxes (and comments) the person may see; newest first. */
    customerTimeline: def(
      access,
      z.object({
        submissionId: Id,
        before: z.string().regex(TIMELINE_CURSOR, 'must be a cursor from this timeline').optional(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
      CustomerTimeline,
    ),
    revealField: def(access, z.object({ submissionId: Id, field: z.enum(REVEALABLE_FIELDS) }), z.object({ value: z.string().nullable() })),
    /**
     * A canned reply (active, for this inbox or every inbox) with its variables filled from the submission and
     * the signed-in person, to put in a reply. Audited: it holds the customer's name, which is shown masked.
     */
    cannedReply: def(access, z.object({ id: Id, cannedId: Id }), z.object({ cannedId: Id, title: z.string(), body: z.string() })),
    /**
     * One change to a selection (at most 200, each with the version the list showed): each submission changed
     * as if alone, and refused alone, with the reason, where a rule says no (main/core/domain/bulk.ts).
     */
    bulk: def(
      access,
      z
        .object({
          items: z
            .array(z.object({ id: Id, version: Version }).strict())
            .min(1)
            .max(200),
          action: z.union([
            z.object({ do: z.literal('assign'), assigneeId: Id.nullable() }).strict(),
            z.object({ do: z.literal('status'), status: z.enum(STATUSES) }).strict(),
            withTagRules(z.object({ do: z.literal('tags'), add: TagIds.default([]), remove: TagIds.default([]) }).strict()),
          ]),
        })
        .strict()
        .refine((b) => new Set(b.items.map((i) => i.id)).size === b.items.length, { message: 'names a submission twice', path: ['items'] }),
      z.object({
        results: z.array(
          z.union([
            z.object({ id: Id, ok: z.literal(true) }),
            z.object({ id: Id, ok: z.literal(false), code: z.enum(['not_found', 'stale', 'invalid']), message: z.string() }),
          ]),
        ),
      }),
    ),
    /**
     * The signed-in person has this submission open (`viewing`), is writing a reply (`composing`) or closed it
     * (`left`): told to the hub, which answers who else has it open (best effort; `known` false offline).
     * Passive: a screen left open renews it without keeping an idle session unlocked.
     */
    presence: def(
      access,
      z.object({ id: Id, state: z.enum(PRESENCE_STATES) }).strict(),
      z.object({
        known: z.boolean(),
        others: z.array(z.object({ name: z.string(), state: z.enum(['viewing', 'composing']), since: Timestamp })),
      }),
      true,
    ),
    /** Puts tags on the submission and takes others off (not versioned: each names only its tags); its tags after. */
    setTags: def(
      access,
      withTagRules(z.object({ id: Id, add: TagIds.default([]), remove: TagIds.default([]) }).strict()),
      z.object({ tags: z.array(TagRef) }),
    ),
  };
}

type Prefixed<P extends string, T> = { [K in keyof T as `${P}.${K & string}`]: T[K] };

export function prefixed<P extends string, T extends object>(prefix: P, methods: T): Prefixed<P, T> {
  return Object.fromEntries(Object.entries(methods).map(([k, v]) => [`${prefix}.${k}`, v])) as Prefixed<P, T>;
}

/** A tab of the queue, narrowed to one page of the website and one reason to look, newest or oldest first. */
const CommentsQuery = z.object({
  status: z.enum(COMMENT_FILTERS).default('pending'),
  page: Str(2000).optional(),
  marker: z.enum(MARKER_REASONS as [MarkerReason, ...MarkerReason[]]).optional(),
  order: z.enum(['newest', 'oldest']).default('newest'),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

const CommentsPage = z.object({
  total: z.number().int().nonnegative(),
  rows: z.array(
    z.object({
      id: Id,
      pageUrl: z.string(),
      pageTitle: z.string().nullable(),
      body: z.string(),
      postedAt: Timestamp,
      status: z.enum(COMMENT_FILTERS),
      decidedBy: z.string().nullable(),
      decidedAt: Timestamp.nullable(),
      authorUsername: z.string().nullable(),
      markers: CommentMarkers,
      /** The comment it answers, when this desk holds it. */
      replyTo: z.object({ body: z.string(), authorUsername: z.string().nullable() }).nullable(),
      /** The submission it was turned into: made by the hub once `sent`, on this desk once `here`. */
      submission: z.object({ id: Id, kind: z.enum(COMMENT_SUBMISSION_KINDS), sent: z.boolean(), here: z.boolean() }).nullable(),
      rejectReason: z.enum(REJECT_REASONS).nullable(),
    }),
  ),
});

export const contract = {
  'auth.state': def(PUBLIC, Empty, AuthState, true),
  'auth.createFirstDirector': def(PUBLIC, z.object({ username: Username, displayName: Line(100), password: Password }), PersonOut),
  'auth.signIn': def(PUBLIC, z.object({ username: Str(64).trim().min(1), password: Password }), PersonOut),
  'auth.unlock': def({ kind: 'unlocked' }, z.object({ password: Password }), PersonOut),
  'auth.signOut': def({ kind: 'unlocked' }, Empty, Ok),
  'auth.changePassword': def(SIGNED_IN, z.object({ current: Password, next: Password }), PersonOut),
  /** Passive, like every list a screen reads again after each sync: a screen left open still idles into the lock. */
  'staff.list': def(DIRECTOR, Empty, z.array(Account), true),
  'staff.add': def(
    DIRECTOR,
    z.object({ username: Username, ...AccountFields }),
    z.object({ person: PersonOut, oneTimePassword: z.string() }),
  ),
  'staff.update': def(DIRECTOR, z.object({ id: Id, version: Version, ...AccountFields }), z.object({ version: Version })),
  'staff.setActive': def(DIRECTOR, z.object({ id: Id, version: Version, active: z.boolean() }), z.object({ version: Version })),
  'desk.seats': def(
    { kind: 'roles', roles: ['director', 'it_admin'] },
    Empty,
    z.object({
      staffIds: z.array(Id).nullable(),
      // Names and roles only: IT admins keep the seat list and never see customers' data.
      people: z.array(z.object({ id: Id, displayName: z.string(), username: z.string(), role: z.enum(ROLES) })),
    }),
    true,
  ),
  'desk.setSeats': def({ kind: 'roles', roles: ['director', 'it_admin'] }, z.object({ staffIds: z.array(Id).max(10_000).nullable() }), Ok),
  'staff.resetPassword': def(DIRECTOR, z.object({ id: Id, version: Version }), z.object({ version: Version, oneTimePassword: z.string() })),
  /** A warranty claim's next step; only the steps allowed from where it stands (common/warranty/stages.ts). */
  'warrantyClaims.advance': def(
    { kind: 'inbox', inbox: 'warranty' },
    z.object({ id: Id, version: Version, step: WarrantyStep }),
    z.object({ version: Version }),
  ),
  /** The emails warranty claimants get at each step, as in force (version null: the default). */
  'notices.templates': def(
    DIRECTOR,
    Empty,
    z.array(z.object({ notice: z.enum(NOTICES), subject: z.string(), body: z.string(), version: Version.nullable() })),
    true,
  ),
  /** A director's wording of one of them, made on the version they saw (null: the default). */
  'notices.saveTemplate': def(
    DIRECTOR,
    z.object({ notice: z.enum(NOTICES), version: Version.nullable(), template: Template }),
    z.object({ version: Version }),
  ),
  /** The product catalogue, for everyone who works warranty claims; inactive products only when asked. */
  'products.list': def(
    { kind: 'inbox', inbox: 'warranty' },
    z.object({ text: Str(100).optional(), includeInactive: z.boolean().default(false) }),
    z.array(Product),
    true,
  ),
  /** A director adds a product (no id) or changes one on the version they saw. */
  'products.save': def(
    DIRECTOR,
    z
      .object({ id: Id.optional(), version: Version.optional(), product: ProductFields })
      .refine((c) => (c.id === undefined) === (c.version === undefined), {
        message: 'a change names the product and the version it was made on; a new product names neither',
      }),
    z.object({ id: Id, version: Version }),
  ),
  /** What importing a CSV or XLSX file would do, line by line; nothing is written. */
  'products.previewImport': def(DIRECTOR, CatalogueFile, z.object({ lines: z.array(ImportLine) })),
  /** The same file applied: its additions and changes, checked again, in one go. */
  'products.applyImport': def(DIRECTOR, CatalogueFile, z.object({ added: Count, changed: Count, unchanged: Count, refused: Count })),
  /**
   * The command palette's lookups among the inboxes the person works: submissions by reference (KN-1A2B3C4D,
   * or its 8 characters), customers by their whole email or phone number (masked, with their newest submission).
   */
  'work.find': def(
    WORKERS,
    z.object({ text: Str(100) }).strict(),
    z.object({
      submissions: z.array(z.object({ id: Id, kind: z.enum(SUBMISSION_KINDS), subject: z.string(), status: z.enum(STATUSES) })),
      customers: z.array(
        z.object({
          id: Id,
          name: z.string(),
          latest: z.object({ id: Id, kind: z.enum(SUBMISSION_KINDS) }),
          submissionCount: z.number().int().nonnegative(),
        }),
      ),
    }),
  ),
  /** The signed-in person's saved views, by name, each with its count now. */
  'views.list': def(WORKERS, Empty, z.array(SavedView), true),
  /** A person saves the filters of an inbox they work as a view of their own (no id), or changes one of theirs. */
  'views.save': def(
    WORKERS,
    z.object({ id: Id.optional(), name: Line(VIEW_NAME_MAX), kind: z.enum(SUBMISSION_KINDS), filters: ViewFilters }).strict(),
    z.object({ id: Id }),
  ),
  'views.delete': def(WORKERS, z.object({ id: Id }).strict(), Empty),
  /** The business calendar and service targets in force (version null: the defaults), for everyone who works an inbox. */
  'service.settings': def(WORKERS, Empty, z.object({ settings: ServiceSettings, version: Version.nullable() }), true),
  /** A director's calendar and targets, made on the version they saw; every open submission's due time follows. */
  'service.saveSettings': def(
    DIRECTOR,
    z.object({ version: Version.nullable(), settings: ServiceSettings }),
    z.object({ version: Version }),
  ),
  /** A year's public holidays as the Labour Code gives them, for a director to review before adding them. */
  'service.publicHolidays': def(DIRECTOR, z.object({ year: z.number().int().min(2000).max(2100) }), z.array(Holiday)),
  /**
   * Canned replies by title. Directors: every one (archived ones too with includeArchived); others: the active
   * ones of the inboxes they hold. With a kind (an inbox the person holds), that inbox's and those for every inbox.
   */
  'cannedReplies.list': def(
    WORKERS,
    z.object({ kind: z.enum(SUBMISSION_KINDS).optional(), includeArchived: z.boolean().default(false) }),
    z.array(CannedReply),
    true,
  ),
  /** A director adds a canned reply (no id) or changes one (archives it: active false) on the version they saw. */
  'cannedReplies.save': def(
    DIRECTOR,
    z.object({ id: Id.optional(), version: Version.optional(), canned: CannedReplyFields }).refine(isNewOrChange, newOrChange),
    z.object({ id: Id, version: Version }),
  ),
  /** The organisation's tags by name; archived ones only when asked (to name what older submissions carry). */
  'tags.list': def(WORKERS, z.object({ includeArchived: z.boolean().default(false) }), z.array(Tag), true),
  /** A director adds a tag (no id) or changes one (archives it: archived true) on the version they saw. */
  'tags.save': def(
    DIRECTOR,
    z.object({ id: Id.optional(), version: Version.optional(), tag: TagFields }).refine(isNewOrChange, newOrChange),
    z.object({ id: Id, version: Version }),
  ),
  /** What is assigned to the signed-in person and not closed, across the inboxes they hold, soonest due first. */
  'work.mine': def(WORKERS, WorkQuery, WorkPage),
  /** My work re-read after a sync or a change: passive, like an inbox's relist. */
  'work.remine': def(WORKERS, WorkQuery, WorkPage, true),
  ...prefixed('complaints', inboxMethods('complaint')),
  ...prefixed('questions', inboxMethods('question')),
  ...prefixed('tradeContacts', inboxMethods('trade_contact')),
  ...prefixed('warrantyClaims', inboxMethods('warranty')),
  ...prefixed('feedback', inboxMethods('feedback')),
  'audit.list': def(
    DIRECTOR,
    z.object({ beforeSeq: z.number().int().positive().optional(), limit: z.number().int().min(1).max(500).default(100) }),
    z.array(
      z.object({
        seq: z.number().int(),
        at: Timestamp,
        actorName: z.string(),
        actorRole: z.string().nullable(),
        action: z.string(),
        targetType: z.string().nullable(),
        targetId: z.string().nullable(),
        detail: z.record(z.string(), z.unknown()),
        hash: z.string(),
        // The hub's verdict on the signature of its copy; null while the row has not been copied.
        hubSignature: SignatureVerdict.nullable(),
      }),
    ),
  ),
  'audit.verify': def(
    DIRECTOR,
    Empty,
    z.object({ intact: z.boolean(), rows: z.number().int(), brokenAtSeq: z.number().int().optional(), reason: z.string().optional() }),
  ),
  'desk.status': def(
    SIGNED_IN,
    Empty,
    z.object({
      outboxPending: z.number().int().nonnegative(),
      conflicts: z.number().int().nonnegative(),
      hub: z.enum(['not_enrolled', 'online', 'offline', 'revoked']),
      progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
      lastSyncAt: Timestamp.nullable(),
      lastError: z.string().nullable(),
    }),
    true,
  ),
  'sync.now': def(SIGNED_IN, Empty, Ok),
  'sync.enroll': def(
    { kind: 'roles', roles: ['it_admin'] },
    z.object({ hubUrl: Str(500).trim().min(1), code: Str(40).trim().min(16), deviceName: Line(100) }),
    z.object({ deviceId: z.string() }),
  ),
  'sync.conflicts': def(
    SIGNED_IN,
    Empty,
    z.array(
      z.object({
        id: Id,
        mutation: z.string(),
        entityType: z.string(),
        entityId: z.string(),
        reason: z.string(),
        current: z.record(z.string(), z.unknown()).nullable(),
        createdAt: Timestamp,
      }),
    ),
  ),
  'sync.dismissConflict': def(SIGNED_IN, z.object({ id: Id }), Ok),
  'comments.list': def(COMMENTS, CommentsQuery, CommentsPage),
  /** The same rows re-read after a sync or a decision: passive, so a background refresh never keeps an idle session unlocked. */
  'comments.relist': def(COMMENTS, CommentsQuery, CommentsPage, true),
  /** A decision on one comment; a rejection may say why (a fixed reason the website may show its author). */
  'comments.moderate': def(
    COMMENTS,
    z
      .object({ id: Id, decision: z.enum(DECISIONS), reason: z.enum(REJECT_REASONS).optional() })
      .refine((d) => d.reason === undefined || d.decision === 'rejected', { message: 'only a rejection has a reason', path: ['reason'] }),
    Ok,
  ),
  /** The author of a comment: their comments and outcomes, their rejections of late, what of theirs waits. */
  'comments.author': def(
    COMMENTS,
    z.object({ id: Id }),
    z.object({
      username: z.string().nullable(),
      comments: z.array(
        z.object({ id: Id, body: z.string(), postedAt: Timestamp, status: z.enum(COMMENT_FILTERS), pageTitle: z.string().nullable() }),
      ),
      decided: z.number().int().nonnegative(),
      rejected: z.number().int().nonnegative(),
      pendingIds: z.array(Id),
      standing: z.object({
        premoderate: z.boolean(),
        banned: z.boolean(),
        banReason: z.string().nullable(),
        changedBy: z.string().nullable(),
        changedAt: Timestamp.nullable(),
        notes: z.array(z.object({ id: Id, body: z.string(), by: z.string(), at: Timestamp })),
      }),
    }),
  ),
  /**
   * Sets the standing of a comment's author (pre-moderate, ban with a reason); with `rejectPending`, their comments
   * waiting here are rejected at once (and every one the hub holds when it gets the change), and how many here is said.
   */
  'comments.authorStanding': def(
    COMMENTS,
    z.object({ id: Id, standing: AuthorStanding }),
    z.object({ rejected: z.number().int().nonnegative() }),
  ),
  /** A moderator's note about a comment's author, which every desk holding comments gets. */
  'comments.authorNote': def(COMMENTS, z.object({ id: Id, body: AuthorNote.shape.body }), z.object({ id: Id })),
  /**
   * Turns a comment into a submission of an inbox the person holds (a question, a complaint, feedback), answered and
   * counted like any other; the comment is still to be decided.
   */
  'comments.toSubmission': def(COMMENTS, z.object({ id: Id, kind: z.enum(COMMENT_SUBMISSION_KINDS) }), z.object({ id: Id })),
  /** The banned and suspect word lists the hub marks comments with; re-read passively after a sync. */
  'moderationWords.list': def(COMMENTS, z.object({}), z.array(ModerationWordFields.extend({ id: Id, updatedAt: Timestamp })), true),
  /** A director adds a word to a list, moves it to the other, or removes it (one entry per folded form). */
  'moderationWords.save': def(DIRECTOR, z.object({ word: ModerationWordFields }), z.object({ id: Id })),
  /** How many comments each tab holds, re-read passively after a sync or a decision. */
  'comments.counts': def(COMMENTS, z.object({}), z.record(z.enum(COMMENT_FILTERS), z.number().int().nonnegative()), true),
  /** The website pages a tab's comments were posted on, most comments first, to narrow the tab to one. */
  'comments.pages': def(
    COMMENTS,
    z.object({ status: z.enum(COMMENT_FILTERS) }),
    z.array(z.object({ url: z.string(), title: z.string().nullable(), count: z.number().int().positive() })),
    true,
  ),
  /** One decision on a selection, comment by comment: those that cannot be decided (decided elsewhere since) are refused with why. */
  'comments.moderateMany': def(
    COMMENTS,
    z.object({ ids: z.array(Id).min(1).max(500), decision: z.enum(DECISIONS) }),
    z.object({ done: z.number().int().nonnegative(), refused: z.array(z.object({ id: Id, reason: z.string() })) }),
  ),
  /** Undoes the person's last decision on a comment: withdrawn if it has not left for the hub, else reversed there. */
  'comments.undo': def(COMMENTS, z.object({ id: Id }), z.object({ outcome: z.enum(['withdrawn', 'reversed']) })),
  /** Customers' requests about their data, open (the one due soonest first) or decided (the latest first); directors only. */
  'requests.list': def(DIRECTOR, z.object({ filter: z.enum(['open', 'closed']) }).strict(), z.array(RequestSummary), true),
  /** How many requests are open and how many of those are past a legal clock, for the inbox's badge. */
  'requests.counts': def(DIRECTOR, Empty, z.object({ open: Count, late: Count }), true),
  /** One request with its history; a profile change field by field, masked. */
  'requests.get': def(DIRECTOR, z.object({ id: Id }).strict(), RequestDetail),
  /** One field of a profile change in full, now and as asked: audited, never the values. */
  'requests.reveal': def(
    DIRECTOR,
    z.object({ id: Id, field: z.enum(PROFILE_FIELDS) }).strict(),
    z.object({ current: z.string().nullable(), requested: z.string() }),
  ),
  /** The customer a request taken by email or phone is about, by their whole email or phone number; masked. */
  'requests.findCustomer': def(
    DIRECTOR,
    z.object({ text: Str(254) }).strict(),
    z.array(z.object({ id: Id, name: z.string(), email: z.string().nullable(), phone: z.string().nullable() })),
  ),
  /** A request a director took by email, phone or in person, with that channel. */
  'requests.log': def(DIRECTOR, LoggedRequest, z.object({ id: Id })),
  /** Acknowledged, with the acknowledgement letter (naming the deadline) emailed to the customer when `email`. */
  'requests.acknowledge': def(
    DIRECTOR,
    z.object({ id: Id, email: z.boolean().default(false) }).strict(),
    z.object({ changed: z.boolean() }),
  ),
  /** The hub emails a 6-digit code to the account's address, for the customer to quote back (a deletion's requester). */
  'requests.sendCode': def(DIRECTOR, z.object({ id: Id }).strict(), Ok),
  /** The one extension the law allows, with its reason. */
  'requests.extend': def(DIRECTOR, z.object({ id: Id, extension: Extension }).strict(), Ok),
  /** How the requester of a deletion was verified as the account's owner, before a director may erase it. */
  'requests.verify': def(DIRECTOR, z.object({ id: Id, verification: Verification }).strict(), Ok),
  /**
   * Carried out (a profile change applied, a verified deletion erased, by the hub) or refused with the reason the
   * customer is given.
   */
  'requests.decide': def(DIRECTOR, z.object({ id: Id, decision: RequestDecision }).strict(), Ok),
  /**
   * Customers by their whole email or phone number (any of its forms), or a part of their name (folded), among those
   * the person's inboxes name; masked. Audited: a search for someone is a use of their data (never what was typed).
   */
  'customers.search': def(
    WORKERS,
    z.object({ text: Str(254) }).strict(),
    z.array(
      z.object({
        id: Id,
        name: z.string(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        erased: z.boolean(),
        since: Timestamp,
      }),
    ),
  ),
  /** A customer's page: the masked card, their consents (with the promotion inbox), their data requests (directors). */
  'customers.get': def(
    WORKERS,
    z.object({ id: Id }).strict(),
    z.object({
      card: CustomerCard,
      consents: ConsentLedger.nullable(),
      requests: z.array(RequestSummary).nullable(),
      mergedFrom: z.array(z.object({ id: Id, name: z.string(), mergedAt: Timestamp })).nullable(),
    }),
  ),
  /** What the customer sent across the inboxes the person holds (and comments), newest first. */
  'customers.timeline': def(
    WORKERS,
    z.object({
      id: Id,
      before: z.string().regex(TIMELINE_CURSOR, 'must be a cursor from this timeline').optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    CustomerTimeline,
  ),
  /** One field of the customer's card in full: audited (who, which field of whom), never the value. */
  'customers.reveal': def(
    WORKERS,
    z.object({ id: Id, field: z.enum(REVEALABLE_FIELDS) }).strict(),
    z.object({ value: z.string().nullable() }),
  ),
  /** A consent the customer withdrew by telling staff (email, phone, in person): one record of the ledger, sent to the website. */
  'consents.withdraw': def(PROMOTIONS, ConsentWithdrawal, z.object({ id: Id })),
  /** Who may be sent a promotion on a channel, from the consent ledger alone: masked, with the total. */
  'promotions.list': def(
    PROMOTIONS,
    z.object({ channel: z.enum(CONSENT_CHANNELS) }).strict(),
    z.object({
      total: z.number().int().nonnegative(),
      rows: z.array(z.object({ customerId: Id, name: z.string(), contact: z.string().nullable(), since: Timestamp })),
    }),
    true,
  ),
  /** The list whole, with names and contacts, as CSV: directors only, audited with its size. */
  'promotions.export': def(
    DIRECTOR,
    z.object({ channel: z.enum(CONSENT_CHANNELS) }).strict(),
    z.object({ csv: z.string(), count: z.number().int().nonnegative() }),
  ),
  /** Customers who share an email or a phone number (by keyed hash), neither erased nor merged: candidates for a merge. */
  'customers.duplicates': def(
    DIRECTOR,
    Empty,
    z.array(
      z.object({
        shared: z.array(z.enum(['email', 'phone'])).min(1),
        customers: z.array(z.object({ id: Id, name: z.string(), username: z.string().nullable(), since: Timestamp, submissions: Count })),
      }),
    ),
  ),
  /** What merging `sourceId` into `targetId` would make, field by field (masked), what it moves, or why it cannot be done. */
  'customers.mergePreview': def(
    DIRECTOR,
    z.object({ sourceId: Id, targetId: Id, choose: MergeChoice }).strict(),
    z.object({
      refused: z.enum(MERGE_REFUSAL_CODES).nullable(),
      username: z.string().nullable(),
      gender: z.enum(GENDERS).nullable(),
      fields: z.array(
        z.object({
          field: z.enum(PROFILE_FIELDS),
          target: z.string().nullable(),
          source: z.string().nullable(),
          result: z.string().nullable(),
          choice: z.enum(['source', 'target']),
        }),
      ),
      moves: z.object({ submissions: Count, comments: Count, consents: Count, requests: Count }),
    }),
  ),
  /** The merge, sent to the hub, which carries it out for every desk and tells the website. */
  'customers.merge': def(DIRECTOR, Merge, z.object({ id: Id })),
  /** Undoes the merge of a customer into another, while nothing changed the target since (the hub judges). */
  'customers.unmerge': def(DIRECTOR, z.object({ sourceId: Id }).strict(), Ok),
} satisfies Record<string, MethodDef>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

export const ERROR_CODES = [
  'unknown_method',
  'unauthenticated',
  'session_locked',
  'forbidden',
  'invalid_input',
  'not_found',
  'stale',
  'bad_credentials',
  'account_locked',
  'weak_password',
  'username_taken',
  'already_initialised',
  'not_seated',
  'key_unreadable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface WireError {
  code: ErrorCode;
  message: string;
  detail?: Record<string, unknown>;
}

/** What crosses a transport: errors travel as data, because Electron's IPC and fetch both lose Error subclasses. */
export type Envelope<T = unknown> = { ok: true; result: T } | { ok: false; error: WireError };
