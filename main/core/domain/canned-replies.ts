/**
 * The desk's copy of the organisation's canned replies (common/replies/canned.ts): offered to the people who
 * hold their inbox (those for every inbox to anyone who holds one), kept by directors, saved here at once and
 * pushed through the outbox like a catalogue product. Filling one for a submission puts in its customer's name
 * and form of address, its reference and the name of the person signing.
 */
import { fillCanned, type CannedReply, type CannedReplyFields } from '../../../common/replies/canned.ts';
import { formOfAddress, type Gender } from '../../../common/vocabulary/customers.ts';
import { submissionReference, type SubmissionKind } from '../../../common/vocabulary/submissions.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { DomainError } from './errors.ts';
import { saveVersioned } from './versioned-rows.ts';
import { enqueue } from './outbox.ts';
import { load } from './submissions.ts';

interface CannedRow {
  id: string;
  title: string;
  body: string;
  kind: SubmissionKind | null;
  active: number;
  version: number;
  updated_at: number;
}

const cannedOf = (r: CannedRow): CannedReply => ({
  id: r.id,
  title: r.title,
  body: r.body,
  kind: r.kind,
  active: r.active === 1,
  version: r.version,
  updatedAt: r.updated_at,
});

/**
 * The canned replies for these inboxes and those for every inbox, by title; archived ones only when asked.
 * None at all for no inbox: a reply for every inbox is for people who answer one.
 */
export function listCannedReplies(db: Db, q: { kinds: readonly SubmissionKind[]; includeArchived?: boolean }): CannedReply[] {
  if (q.kinds.length === 0) return [];
  const rows = stmt(
    db,
    `SELECT * FROM canned_replies WHERE (kind IS NULL OR kind IN (SELECT value FROM json_each(@kinds))) AND (@all OR active = 1)
     ORDER BY title COLLATE NOCASE, id`,
  ).all({ kinds: JSON.stringify(q.kinds), all: q.includeArchived ? 1 : 0 }) as CannedRow[];
  return rows.map(cannedOf);
}

/** Saves a canned reply as a director wrote it: a new one (no id) or a change made on `version`. */
export function saveCannedReply(
  db: Db,
  actorId: string,
  change: { id?: string; version?: number; fields: CannedReplyFields },
  now = Date.now(),
): { id: string; version: number } {
  return db.transaction(() => {
    const { fields } = change;
    const values = { title: fields.title, body: fields.body, kind: fields.kind, active: fields.active ? 1 : 0, updated_at: now };
    const { id, version, baseVersion } = saveVersioned(db, 'canned_replies', 'canned reply', change, values);
    enqueue(db, { mutation: 'canned.save', entityType: 'canned_reply', entityId: id, baseVersion, payload: fields, actorId }, now);
    return { id, version };
  })();
}

export interface FilledReply {
  cannedId: string;
  title: string;
  body: string;
}

/** Whether filling this canned reply puts the customer's name in (shown masked elsewhere: the API audits it). */
export const namesCustomer = (db: Db, cannedId: string): boolean =>
  stmt(db, `SELECT 1 FROM canned_replies WHERE id = ? AND instr(body, '{{ten_khach}}') > 0`).get(cannedId) !== undefined;

/**
 * A canned reply's body filled for one submission of `kind`, signed by `signer` (a display name). Only an active
 * reply for that inbox or for every inbox: another is "not found" here, as another inbox's submission is.
 */
export function fillCannedReply(db: Db, kind: SubmissionKind, submissionId: string, cannedId: string, signer: string): FilledReply {
  const submission = load(db, kind, submissionId);
  const r = stmt(db, 'SELECT * FROM canned_replies WHERE id = ? AND active = 1 AND (kind IS NULL OR kind = ?)').get(cannedId, kind) as
    CannedRow | undefined;
  if (!r) throw new DomainError('not_found', `no canned reply with id ${cannedId} for this inbox`);
  const customer = stmt(db, 'SELECT full_name AS fullName, gender FROM customers WHERE id = ?').get(submission.customer_id) as {
    fullName: string;
    gender: Gender | null;
  };
  const body = fillCanned(r.body, {
    xung_ho: formOfAddress(customer.gender),
    ten_khach: customer.fullName,
    ma_yeu_cau: submissionReference(kind, submissionId),
    nguoi_ky: signer,
  });
  return { cannedId: r.id, title: r.title, body };
}
