/**
 * Working a submission: notes and replies append; status, assignment and corrections of its own fields are
 * versioned edits; tags go on and come off without a version (server/tags/tags.ts says why). Every
 * change writes its timeline event and its outbox mutation in one transaction, so the hub gets exactly what
 * the person saw happen.
 */
import { newId } from '../../../common/ids.ts';
import { detailsEdit, type DetailsChange } from '../../../common/protocol/submission-details.ts';
import { statusRefusal, takeStep, type WarrantyStep } from '../../../common/warranty/stages.ts';
import { mayUseInbox, type Person } from '../../../common/roles.ts';
import type { Status, SubmissionKind } from '../../../common/vocabulary/submissions.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { DomainError } from './errors.ts';
import { enqueue } from './outbox.ts';
import { settleClocks } from './sla.ts';
import { load, type TimelineEvent } from './submissions.ts';
import { putTags, tagIdsOf, takeTags, type TagChange } from './submission-tags.ts';
import { tagsByIds, tagsOfSubmission, type TagRef } from './tags.ts';

function addEvent(
  db: Db,
  submissionId: string,
  type: TimelineEvent['type'],
  actorId: string,
  body: string | null,
  data: object,
  now: number,
) {
  const id = newId();
  stmt(db, 'INSERT INTO submission_events (id, submission_id, type, actor_id, body, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    id,
    submissionId,
    type,
    actorId,
    body,
    JSON.stringify(data),
    now,
  );
  settleClocks(db);
  return id;
}

/** Notes and replies only append: they never conflict, so they carry no base version. */
function appendText(db: Db, kind: SubmissionKind, id: string, actorId: string, type: 'note' | 'reply', body: string, now: number): string {
  return db.transaction(() => {
    load(db, kind, id);
    // Nothing more is written about a customer erased at their request (the hub refuses it too).
    if (stmt(db, 'SELECT 1 FROM submissions s JOIN customers c ON c.id = s.customer_id WHERE s.id = ? AND c.erased_at IS NOT NULL').get(id))
      throw new DomainError('invalid', 'the customer’s data was erased at their request: nothing more is written about them');
    const data = type === 'reply' ? { delivery: 'queued' } : {};
    const eventId = addEvent(db, id, type, actorId, body, data, now);
    stmt(db, 'UPDATE submissions SET updated_at = ? WHERE id = ?').run(now, id);
    enqueue(db, { mutation: `submission.${type}`, entityType: 'submission', entityId: id, payload: { eventId, body }, actorId }, now);
    return eventId;
  })();
}

export const addNote = (db: Db, kind: SubmissionKind, id: string, actorId: string, body: string, now = Date.now()) =>
  appendText(db, kind, id, actorId, 'note', body, now);

/** Queues a reply to the customer: it waits in the outbox until the hub sends it as email. */
export const queueReply = (db: Db, kind: SubmissionKind, id: string, actorId: string, body: string, now = Date.now()) =>
  appendText(db, kind, id, actorId, 'reply', body, now);

/** A submission as the person last saw it: refused as stale, with the current state, if it changed since. */
function loadAt(db: Db, kind: SubmissionKind, id: string, baseVersion: number) {
  const r = load(db, kind, id);
  if (r.version !== baseVersion) {
    throw new DomainError('stale', `this ${kind} changed since you opened it (version ${baseVersion}, now ${r.version})`, {
      currentVersion: r.version,
      status: r.status,
      assigneeId: r.assignee_id,
    });
  }
  return r;
}

/**
 * Status and assignment are field edits: they carry the version they were made on, and an edit made on
 * a version that is no longer current is refused with the current state, never silently overwritten.
 */
function editField(
  db: Db,
  kind: SubmissionKind,
  id: string,
  actorId: string,
  baseVersion: number,
  field: 'status' | 'assignee_id',
  value: string | null,
  now: number,
): number {
  return db.transaction(() => {
    const r = loadAt(db, kind, id, baseVersion);
    const from = field === 'status' ? r.status : r.assignee_id;
    if (from === value) return r.version;
    const refused = field === 'status' && kind === 'warranty' ? statusRefusal(JSON.parse(r.details), value as Status) : null;
    if (refused) throw new DomainError('invalid', refused);
    const version = r.version + 1;
    stmt(db, `UPDATE submissions SET ${field} = ?, version = ?, updated_at = ? WHERE id = ?`).run(value, version, now, id);
    const type = field === 'status' ? 'status_change' : 'assignment';
    // The assignee's name is kept with the event, so the timeline reads the same after staff changes.
    const toName =
      field === 'assignee_id' && value
        ? (stmt(db, 'SELECT display_name AS n FROM staff WHERE id = ?').get(value) as { n: string }).n
        : undefined;
    // The hub records the same event under the same id, so the timeline holds it once on every desk.
    const eventId = addEvent(db, id, type, actorId, null, { from, to: value, ...(toName && { toName }) }, now);
    enqueue(
      db,
      {
        mutation: `submission.${field === 'status' ? 'status' : 'assign'}`,
        entityType: 'submission',
        entityId: id,
        baseVersion,
        payload: { eventId, to: value, ...(toName && { toName }) },
        actorId,
      },
      now,
    );
    return version;
  })();
}

export const setStatus = (
  db: Db,
  kind: SubmissionKind,
  id: string,
  actorId: string,
  baseVersion: number,
  status: Status,
  now = Date.now(),
) => editField(db, kind, id, actorId, baseVersion, 'status', status, now);

export function assign(
  db: Db,
  kind: SubmissionKind,
  id: string,
  actorId: string,
  baseVersion: number,
  assigneeId: string | null,
  now = Date.now(),
) {
  if (assigneeId) {
    const person = stmt(db, 'SELECT display_name AS name, role FROM staff WHERE id = ? AND active = 1').get(assigneeId) as
      { name: string; role: Person['role'] } | undefined;
    if (!person) throw new DomainError('invalid', 'no active staff member with that id');
    const grants = stmt(db, 'SELECT inbox FROM staff_grants WHERE staff_id = ?').pluck().all(assigneeId) as Person['grants'];
    if (!mayUseInbox({ role: person.role, grants }, kind))
      throw new DomainError('invalid', `${person.name} does not work the ${kind} inbox`);
  }
  return editField(db, kind, id, actorId, baseVersion, 'assignee_id', assigneeId, now);
}

/**
 * Corrects a submission's own fields (a warranty claim's serial, a trade contact's tax code): a versioned edit
 * like status, recorded on the timeline with each field's value before and after.
 */
export function setDetails(
  db: Db,
  kind: SubmissionKind,
  id: string,
  actorId: string,
  baseVersion: number,
  changes: DetailsChange,
  now = Date.now(),
): number {
  const allowed = detailsEdit(kind).safeParse(changes);
  if (!allowed.success) throw new DomainError('invalid', `not a correction a ${kind} allows: ${allowed.error.issues[0]?.message ?? ''}`);
  return db.transaction(() => {
    const r = loadAt(db, kind, id, baseVersion);
    const details = JSON.parse(r.details) as Record<string, unknown>;
    const changed = Object.entries(allowed.data).filter(([field, to]) => details[field] !== to);
    if (changed.length === 0) return r.version;
    const fields = Object.fromEntries(changed.map(([field, to]) => [field, { from: details[field] ?? null, to }]));
    const version = r.version + 1;
    stmt(db, 'UPDATE submissions SET details = json_patch(details, ?), version = ?, updated_at = ? WHERE id = ?').run(
      JSON.stringify(Object.fromEntries(changed)),
      version,
      now,
      id,
    );
    const eventId = addEvent(db, id, 'details_change', actorId, null, { fields }, now);
    enqueue(
      db,
      {
        mutation: 'submission.details',
        entityType: 'submission',
        entityId: id,
        baseVersion,
        payload: { eventId, changes: Object.fromEntries(changed) },
        actorId,
      },
      now,
    );
    return version;
  })();
}

/**
 * Moves a warranty claim to its next step (common/warranty/stages.ts): only a step allowed from where the claim
 * stands, on the version the person saw. The claim's status follows (closed once it is returned or rejected).
 */
export function advanceClaim(db: Db, id: string, actorId: string, baseVersion: number, step: WarrantyStep, now = Date.now()): number {
  return db.transaction(() => {
    const r = loadAt(db, 'warranty', id, baseVersion);
    const taken = takeStep(JSON.parse(r.details) as Record<string, unknown>, step);
    if ('refused' in taken) throw new DomainError('invalid', taken.refused);
    const version = r.version + 1;
    stmt(db, 'UPDATE submissions SET details = json_patch(details, ?), status = ?, version = ?, updated_at = ? WHERE id = ?').run(
      JSON.stringify(taken.patch),
      taken.status,
      version,
      now,
      id,
    );
    const eventId = addEvent(db, id, 'warranty_step', actorId, null, { from: taken.from, ...step }, now);
    enqueue(
      db,
      { mutation: 'warranty.step', entityType: 'submission', entityId: id, baseVersion, payload: { eventId, step }, actorId },
      now,
    );
    return version;
  })();
}

/**
 * Puts tags on a submission and takes others off. Only what changes is recorded and sent: a tag it has already
 * is not added again, one it does not have is not removed, so the hub (and, should it refuse, this desk:
 * outbox.ts) applies exactly that. An archived tag is offered for no new submission; a tag this desk does not
 * know is refused. Returns the submission's tags.
 */
export function setTags(db: Db, kind: SubmissionKind, id: string, actorId: string, change: TagChange, now = Date.now()): TagRef[] {
  return db.transaction(() => {
    load(db, kind, id);
    const known = tagsByIds(db, [...change.add, ...change.remove]);
    const unknown = [...change.add, ...change.remove].find((t) => !known.has(t));
    if (unknown) throw new DomainError('invalid', `no tag with id ${unknown}`);
    const archived = change.add.map((t) => known.get(t)!).find((t) => t.archived);
    if (archived) throw new DomainError('invalid', `the tag ${archived.name} is archived: it goes on no more submissions`);
    const held = tagIdsOf(db, id);
    const add = change.add.filter((t) => !held.includes(t));
    const remove = change.remove.filter((t) => held.includes(t));
    if (add.length + remove.length === 0) return tagsOfSubmission(db, id);
    putTags(db, id, add);
    takeTags(db, id, remove);
    stmt(db, 'UPDATE submissions SET updated_at = ? WHERE id = ?').run(now, id);
    const eventId = addEvent(db, id, 'tags_change', actorId, null, { add, remove }, now);
    enqueue(db, { mutation: 'submission.tags', entityType: 'submission', entityId: id, payload: { eventId, add, remove }, actorId }, now);
    return tagsOfSubmission(db, id);
  })();
}
