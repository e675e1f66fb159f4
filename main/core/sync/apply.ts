/**
 * Applies rows pulled from the hub to the desk's store. Every function is an idempotent upsert, so a page
 * applied twice (after a crash between apply and cursor) changes nothing the second time. Rows with a
 * local change still waiting in the outbox keep their local fields until that change has been pushed.
 * The rows were parsed with the protocol's schemas (common/protocol/sync.ts) when the page arrived.
 */
import type { Change, Entity } from '../../../common/protocol/sync.ts';
import type { Db } from '../store/open.ts';
import { setSetting } from '../store/settings.ts';
import { stmt } from '../store/statements.ts';
import { SEATS_KEY } from '../security/seats.ts';
import { SEQ_OF_CREATED_AT } from '../domain/submissions.ts';
import { applyServiceSettings } from '../domain/sla.ts';
import { settlePulledTags } from '../domain/submission-tags.ts';
import { viewNameKey } from '../../../common/protocol/saved-views.ts';
import { saveStanding } from '../domain/comment-authors.ts';
import { putWord } from '../domain/moderation-words.ts';
import { eraseHere } from '../domain/erasure.ts';

const ms = (v: string | null): number | null => (v === null ? null : Date.parse(v));
const json = (v: unknown): string => JSON.stringify(v ?? {});

const PENDING = `EXISTS (SELECT 1 FROM outbox o WHERE o.entity_id = excluded.id AND o.state = 'pending')`;
/** The same question for an applier that writes its row in more than one statement. */
const pendingChange = (db: Db, id: string) =>
  stmt(db, `SELECT 1 FROM outbox WHERE entity_id = ? AND state = 'pending'`).get(id) !== undefined;

type RowOf<E extends Entity> = Extract<Change, { entity: E }>['row'];

const appliers: { [E in Entity]: (db: Db, r: RowOf<E>) => void } = {
  customer: (db, r) => {
    // Erased on the hub: what this desk keeps of them besides their rows goes first (domain/erasure.ts).
    if (r.erased_at && stmt(db, 'SELECT 1 FROM customers WHERE id = ? AND erased_at IS NULL').get(r.id)) eraseHere(db, r.id);
    stmt(
      db,
      `INSERT INTO customers (id, username, gender, full_name, email, phone, address, created_at, updated_at, erased_at, merged_into, merged_at)
       VALUES (@id, @username, @gender, @full_name, @email, @phone, @address, @created_at, @updated_at, @erased_at, @merged_into, @merged_at)
       ON CONFLICT (id) DO UPDATE SET username = excluded.username, gender = excluded.gender, full_name = excluded.full_name,
         email = excluded.email, phone = excluded.phone, address = excluded.address, updated_at = excluded.updated_at,
         erased_at = excluded.erased_at, merged_into = excluded.merged_into, merged_at = excluded.merged_at`,
    ).run({ ...r, created_at: ms(r.created_at), updated_at: ms(r.updated_at), erased_at: ms(r.erased_at), merged_at: ms(r.merged_at) });
  },

  submission: (db, r) => {
    stmt(
      db,
      `INSERT INTO submissions (seq, id, kind, customer_id, subject, body, details, status, priority, assignee_name, assignee_id, created_at, updated_at, version,
         comment_id)
       VALUES (${SEQ_OF_CREATED_AT}, @id, @kind, @customer_id, @subject, @body, @details, @status, @priority, @assignee, @assignee_id, @created_at, @updated_at, @version,
         @comment_id)
       ON CONFLICT (id) DO UPDATE SET subject = excluded.subject, body = excluded.body, details = excluded.details,
         priority = excluded.priority, customer_id = excluded.customer_id, updated_at = max(submissions.updated_at, excluded.updated_at),
         status = CASE WHEN ${PENDING} THEN submissions.status ELSE excluded.status END,
         assignee_name = CASE WHEN ${PENDING} THEN submissions.assignee_name ELSE excluded.assignee_name END,
         assignee_id = CASE WHEN ${PENDING} THEN submissions.assignee_id ELSE excluded.assignee_id END,
         version = CASE WHEN ${PENDING} THEN submissions.version ELSE excluded.version END`,
    ).run({
      id: r.id,
      kind: r.kind,
      customer_id: r.customer_id,
      subject: r.subject,
      body: r.body,
      status: r.status,
      priority: r.priority,
      assignee: r.assignee,
      assignee_id: r.assignee_id,
      version: r.version,
      details: json(r.details),
      created_at: ms(r.created_at),
      updated_at: ms(r.updated_at),
      comment_id: r.comment_id,
    });
    // Its tags as the hub has them, with this desk's own tag changes still waiting on top.
    settlePulledTags(db, r.id, r.tags);
  },

  event: (db, r) =>
    stmt(
      db,
      `INSERT INTO submission_events (id, submission_id, type, actor_id, actor_name, body, data, created_at)
       VALUES (@id, @submission_id, @type, @actor_id, @actor_name, @body, @data, @created_at)
       ON CONFLICT (id) DO UPDATE SET data = excluded.data, actor_name = coalesce(submission_events.actor_name, excluded.actor_name),
         actor_id = coalesce(submission_events.actor_id, excluded.actor_id)`,
    ).run({ ...r, data: json(r.data), created_at: ms(r.created_at) }),

  comment: (db, r) =>
    stmt(
      db,
      `INSERT INTO comments (id, customer_id, page_url, page_title, reply_to, markers, body, posted_at, status, decided_by, decided_by_id,
         decided_at, version, review, submission_id, submission_kind, reject_reason)
       VALUES (@id, @customer_id, @page_url, @page_title, @reply_to, @markers, @body, @posted_at, @status, @decided_by, @decided_by_id,
         @decided_at, @version, @review, @submission_id, @submission_kind, @reject_reason)
       ON CONFLICT (id) DO UPDATE SET markers = excluded.markers, customer_id = excluded.customer_id, body = excluded.body,
         -- Turned into a submission here and not yet by the hub: this desk's link stands until the hub's comes.
         submission_kind = CASE WHEN excluded.submission_id IS NULL THEN comments.submission_kind ELSE excluded.submission_kind END,
         submission_id = COALESCE(excluded.submission_id, comments.submission_id),
         version = CASE WHEN ${PENDING} THEN comments.version ELSE excluded.version END,
         review = CASE WHEN ${PENDING} THEN comments.review ELSE excluded.review END,
         -- A withdrawn decision puts back what the hub holds: when the hub moved past the state the desk's waiting
         -- decision was made on, that is what it now holds (and the waiting decision will be refused there).
         prior = CASE WHEN NOT ${PENDING} THEN NULL
           WHEN comments.prior IS NOT NULL AND excluded.version > json_extract(comments.prior, '$.version')
             THEN json_object('status', excluded.status, 'decidedBy', excluded.decided_by, 'decidedById', excluded.decided_by_id,
               'decidedAt', excluded.decided_at, 'version', excluded.version, 'review', excluded.review, 'rejectReason', excluded.reject_reason)
           ELSE comments.prior END,
         status = CASE WHEN ${PENDING} THEN comments.status ELSE excluded.status END,
         decided_by = CASE WHEN ${PENDING} THEN comments.decided_by ELSE excluded.decided_by END,
         decided_by_id = CASE WHEN ${PENDING} THEN comments.decided_by_id ELSE excluded.decided_by_id END,
         decided_at = CASE WHEN ${PENDING} THEN comments.decided_at ELSE excluded.decided_at END,
         reject_reason = CASE WHEN ${PENDING} THEN comments.reject_reason ELSE excluded.reject_reason END`,
    ).run({ ...r, markers: json(r.markers), review: r.review ? 1 : 0, posted_at: ms(r.posted_at), decided_at: ms(r.decided_at) }),

  consent: (db, r) =>
    stmt(
      db,
      `INSERT INTO consents (id, customer_id, opted_in, channel, wording, recorded_at, source, page_url, recorded_by)
       VALUES (@id, @customer_id, @opted_in, @channel, @wording, @recorded_at, @source, @page_url, @recorded_by)
       ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id`,
    ).run({ ...r, opted_in: r.opted_in ? 1 : 0, recorded_at: ms(r.recorded_at) }),

  // A request acted on here and not yet pushed keeps what was done here until the hub has it.
  account_request: (db, r) => {
    if (pendingChange(db, r.id)) return;
    stmt(
      db,
      `INSERT INTO account_requests (id, customer_id, type, changes, requested_at, status, channel, note, logged_by, third_party, acknowledged_by,
         acknowledged_at, extension_days, extension_reason, extended_by, extended_at, decided_by, decided_at, decision_reason, verified_by,
         verified_at, verification, mails)
       VALUES (@id, @customer_id, @type, @changes, @requested_at, @status, @channel, @note, @logged_by, @third_party, @acknowledged_by,
         @acknowledged_at, @extension_days, @extension_reason, @extended_by, @extended_at, @decided_by, @decided_at, @decision_reason,
         @verified_by, @verified_at, @verification, @mails)
       ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, changes = excluded.changes, status = excluded.status,
         note = excluded.note, third_party = excluded.third_party, acknowledged_by = excluded.acknowledged_by,
         acknowledged_at = excluded.acknowledged_at, extension_days = excluded.extension_days, extension_reason = excluded.extension_reason,
         extended_by = excluded.extended_by, extended_at = excluded.extended_at, decided_by = excluded.decided_by,
         decided_at = excluded.decided_at, decision_reason = excluded.decision_reason, verified_by = excluded.verified_by,
         verified_at = excluded.verified_at, verification = excluded.verification, mails = excluded.mails`,
    ).run({
      ...r,
      changes: json(r.changes),
      third_party: r.third_party ? 1 : 0,
      requested_at: ms(r.requested_at),
      acknowledged_at: ms(r.acknowledged_at),
      extended_at: ms(r.extended_at),
      decided_at: ms(r.decided_at),
      verified_at: ms(r.verified_at),
      mails: json(r.mails),
    });
  },

  // The directory's row is the account: a change of name, role, grants, password or a disabling made for the
  // organisation applies here as it arrives, unless this desk's own change to it is still waiting to be
  // pushed. The lockout counters stay this desk's own. The signing key travels with the password hash, wrapped
  // under the same password, so the person signs on any desk with the key the directory holds.
  staff: (db, r) => {
    if (pendingChange(db, r.id)) return;
    stmt(
      db,
      `INSERT INTO staff (id, username, display_name, role, password_hash, active, must_change_password, version, created_at,
                          key_id, public_key, wrapped_key)
       VALUES (@id, @username, @display_name, @role, @password_hash, @active, @must_change_password, @version, @created_at,
               @key_id, @public_key, @wrapped_key)
       ON CONFLICT (id) DO UPDATE SET username = excluded.username, display_name = excluded.display_name, role = excluded.role,
         password_hash = excluded.password_hash, active = excluded.active, must_change_password = excluded.must_change_password,
         version = excluded.version, key_id = excluded.key_id, public_key = excluded.public_key, wrapped_key = excluded.wrapped_key`,
    ).run({
      ...r,
      active: r.active ? 1 : 0,
      must_change_password: r.must_change_password ? 1 : 0,
      created_at: ms(r.created_at),
      wrapped_key: r.wrapped_key && JSON.stringify(r.wrapped_key),
    });
    stmt(db, 'DELETE FROM staff_grants WHERE staff_id = ?').run(r.id);
    if (r.role === 'operator') for (const g of r.grants) stmt(db, 'INSERT INTO staff_grants (staff_id, inbox) VALUES (?, ?)').run(r.id, g);
  },

  // This desk's seat list as the hub holds it (only its own desk receives it), unless a change is waiting. The
  // saved views of people who may no longer sign in here go (the hub sends them again if they come back).
  seats: (db, r) => {
    if (pendingChange(db, r.id)) return;
    setSetting(db, SEATS_KEY, JSON.stringify(r.staff_ids)); // null: everyone
    if (r.staff_ids)
      stmt(db, 'DELETE FROM saved_views WHERE person_id NOT IN (SELECT value FROM json_each(?))').run(JSON.stringify(r.staff_ids));
  },

  product: applyProduct,

  // A director's canned reply, unless this desk's own change to it is still waiting.
  canned_reply: (db, r) => {
    if (pendingChange(db, r.id)) return;
    stmt(
      db,
      `INSERT INTO canned_replies (id, title, body, kind, active, version, updated_at) VALUES (@id, @title, @body, @kind, @active, @version, @updated_at)
       ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body, kind = excluded.kind, active = excluded.active,
         version = excluded.version, updated_at = excluded.updated_at`,
    ).run({ ...r, active: r.active ? 1 : 0, updated_at: ms(r.updated_at) });
  },

  // A tag, unless this desk's own change to it is still waiting.
  tag: (db, r) => {
    if (pendingChange(db, r.id)) return;
    stmt(
      db,
      `INSERT INTO tags (id, name, color, archived, version, updated_at) VALUES (@id, @name, @color, @archived, @version, @updated_at)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, color = excluded.color, archived = excluded.archived, version = excluded.version,
         updated_at = excluded.updated_at`,
    ).run({ ...r, archived: r.archived ? 1 : 0, updated_at: ms(r.updated_at) });
  },

  // A person's saved view as the hub holds it (its name perhaps numbered there), or gone when deleted, unless
  // this desk's own change to it is still waiting.
  saved_view: (db, r) => {
    if (pendingChange(db, r.id)) return;
    if (r.deleted) {
      stmt(db, 'DELETE FROM saved_views WHERE id = ?').run(r.id);
      return;
    }
    const at = ms(r.updated_at);
    stmt(
      db,
      `INSERT INTO saved_views (id, person_id, name, name_key, kind, filters, created_at, updated_at)
       VALUES (@id, @person_id, @name, @name_key, @kind, @filters, @at, @at)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key, kind = excluded.kind, filters = excluded.filters,
         updated_at = excluded.updated_at`,
    ).run({
      id: r.id,
      person_id: r.person_id,
      name: r.name,
      name_key: viewNameKey(r.name),
      kind: r.kind,
      filters: JSON.stringify(r.filters),
      at,
    });
  },

  // A director's wording of a claimant email, unless this desk's own change to it is still waiting.
  notice_template: (db, r) => {
    if (pendingChange(db, r.id)) return;
    stmt(
      db,
      `INSERT INTO notice_templates (id, subject, body, version, updated_at) VALUES (@id, @subject, @body, @version, @updated_at)
       ON CONFLICT (id) DO UPDATE SET subject = excluded.subject, body = excluded.body, version = excluded.version, updated_at = excluded.updated_at`,
    ).run({ ...r, updated_at: ms(r.updated_at) });
  },

  // A listed word, or gone when removed, unless this desk's own change to it is still waiting.
  moderation_word: (db, r) => {
    if (!pendingChange(db, r.id)) putWord(db, r.id, r, ms(r.updated_at)!);
  },

  // An author's standing and notes, unless this desk's own change about them is still waiting (its next pull,
  // once that has been pushed, brings the row with it).
  comment_author: (db, r) => {
    if (pendingChange(db, r.id)) return;
    const row = {
      premoderate: r.premoderate ? 1 : 0,
      banned: r.banned ? 1 : 0,
      ban_reason: r.ban_reason,
      changed_by: r.changed_by,
      changed_at: ms(r.changed_at),
      notes: JSON.stringify(r.notes.map((n) => ({ ...n, at: ms(n.at) }))),
    };
    saveStanding(db, r.id, row, ms(r.updated_at)!);
  },

  service_settings: (db, r) => applyServiceSettings(db, { settings: r.settings, version: r.version, updatedAt: ms(r.updated_at)! }),
};

/** A catalogue product as the hub holds it, unless this desk's own change to it is still waiting to be pushed. */
function applyProduct(db: Db, r: RowOf<'product'>): void {
  if (pendingChange(db, r.id)) return;
  stmt(
    db,
    `INSERT INTO products (id, sku, name, warranty_months, serial_pattern, active, version, updated_at)
     VALUES (@id, @sku, @name, @warranty_months, @serial_pattern, @active, @version, @updated_at)
     ON CONFLICT (id) DO UPDATE SET sku = excluded.sku, name = excluded.name, warranty_months = excluded.warranty_months,
       serial_pattern = excluded.serial_pattern, active = excluded.active, version = excluded.version, updated_at = excluded.updated_at`,
  ).run({ ...r, active: r.active ? 1 : 0, updated_at: ms(r.updated_at) });
}

export function applyChange(db: Db, c: Change): void {
  (appliers[c.entity] as (db: Db, r: Change['row']) => void)(db, c.row);
}
