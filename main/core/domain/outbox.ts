/**
 * The outbox: every change a person makes is recorded here in the same transaction as the change,
 * with a client-made id, so the sync client can push it later, at most once per id at the hub. Each row is
 * signed then, with the key its author's session holds: the hub takes a change only with its author's signature.
 */
import { newId } from '../../../common/ids.ts';
import { signText, type UnwrappedKey } from '../../../common/node/signing-keys.ts';
import { mutationSigningText } from '../../../common/protocol/signing.ts';
import { keyRingOf } from '../security/key-ring.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { DomainError } from './errors.ts';
import { undoTagChange, type TagChange } from './submission-tags.ts';

export interface Mutation {
  mutation: string;
  entityType: string;
  entityId: string;
  baseVersion?: number | null;
  payload: Record<string, unknown>;
  actorId: string;
}

/**
 * Queues a change signed by its author: with the key their session holds, or with `key` where the change
 * itself makes the person's first key (a first director, an account from before keys).
 */
export function enqueue(db: Db, m: Mutation, now = Date.now(), key: UnwrappedKey | undefined = keyRingOf(db).keyOf(m.actorId)): string {
  if (!key) throw new DomainError('invalid', 'sign in again: your signing key is not open on this desk, so this change cannot be signed');
  const id = newId();
  const baseVersion = m.baseVersion ?? null;
  const signature = signText(key.privateKey, mutationSigningText({ ...m, id, baseVersion, createdAt: now }));
  stmt(
    db,
    `INSERT INTO outbox (id, mutation, entity_type, entity_id, base_version, payload, actor_id, created_at, key_id, signature)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, m.mutation, m.entityType, m.entityId, baseVersion, JSON.stringify(m.payload), m.actorId, now, key.keyId, signature);
  return id;
}

/**
 * A pending change the sync protocol refuses (made before its rules, or with a clock outside them) can never
 * be sent: it becomes its author's conflict, with the field at fault, instead of holding up every later change.
 */
export function refuseUnsendable(db: Db, id: string, problem: { path: readonly PropertyKey[]; message: string }): void {
  const reason = `this change cannot be sent: ${problem.path.map(String).join('.') || 'the change'} ${problem.message}`;
  stmt(db, `UPDATE outbox SET state = 'rejected', reason = ? WHERE id = ? AND state = 'pending'`).run(reason, id);
  dropRefusedEvent(db, id);
}

/** The edits whose timeline event the desk wrote ahead of the hub (status, assignee, fields, claim steps, tags). */
const EDITS_WITH_EVENTS = ['submission.status', 'submission.assign', 'submission.details', 'warranty.step', 'submission.tags'];

/**
 * A refused edit did not happen: its timeline event, written here when the person made it, goes, so the
 * timeline shows only what the hub holds (the pull brings back the row's current state). A refused tagging is
 * undone here as well: the hub's row did not change, so no pull would bring its tags back; so is a refused turning
 * of a comment into a submission. What was tried stays
 * in the outbox as its author's conflict. Notes and replies are not edits: a refused reply stays, marked failed.
 */
export function dropRefusedEvent(db: Db, outboxId: string): void {
  const tagging = stmt(
    db,
    `SELECT entity_id AS id, payload FROM outbox WHERE id = ? AND state = 'rejected' AND mutation = 'submission.tags'`,
  ).get(outboxId) as { id: string; payload: string } | undefined;
  if (tagging) undoTagChange(db, tagging.id, JSON.parse(tagging.payload) as TagChange);
  // A comment the hub did not turn into this submission no longer names it (the hub's own link, if another desk
  // turned it first, comes with the comment's row).
  const turned = stmt(
    db,
    `SELECT entity_id AS id, json_extract(payload, '$.commentId') AS commentId FROM outbox
     WHERE id = ? AND state = 'rejected' AND mutation = 'submission.fromComment'`,
  ).get(outboxId) as { id: string; commentId: string } | undefined;
  if (turned)
    stmt(db, 'UPDATE comments SET submission_id = NULL, submission_kind = NULL WHERE id = ? AND submission_id = ?').run(
      turned.commentId,
      turned.id,
    );
  stmt(
    db,
    `DELETE FROM submission_events WHERE id = (
       SELECT json_extract(payload, '$.eventId') FROM outbox
       WHERE id = ? AND state = 'rejected' AND mutation IN (SELECT value FROM json_each(?)))`,
  ).run(outboxId, JSON.stringify(EDITS_WITH_EVENTS));
}

export const pendingCount = (db: Db): number =>
  (stmt(db, `SELECT count(*) AS n FROM outbox WHERE state = 'pending'`).get() as { n: number }).n;

/** A change of this person's that the hub refused, with its reason and what is current there. */
export interface Conflict {
  id: string;
  mutation: string;
  entityType: string;
  entityId: string;
  reason: string;
  current: Record<string, unknown> | null;
  createdAt: number;
}

/** Conflicts belong to the person whose change was refused: nobody else sees or dismisses them. */
export const conflictCount = (db: Db, personId: string): number =>
  (
    stmt(db, `SELECT count(*) AS n FROM outbox WHERE state = 'rejected' AND dismissed = 0 AND actor_id = ?`).get(personId) as {
      n: number;
    }
  ).n;

export function listConflicts(db: Db, personId: string): Conflict[] {
  const rows = stmt(
    db,
    `SELECT id, mutation, entity_type AS entityType, entity_id AS entityId, reason, current, created_at AS createdAt
     FROM outbox WHERE state = 'rejected' AND dismissed = 0 AND actor_id = ? ORDER BY created_at DESC`,
  ).all(personId) as (Omit<Conflict, 'current'> & { current: string | null })[];
  return rows.map((r) => ({ ...r, current: r.current ? (JSON.parse(r.current) as Record<string, unknown>) : null }));
}

/** Returns false when no undismissed conflict of this person has that id. */
export const dismissConflict = (db: Db, personId: string, id: string): boolean =>
  stmt(db, `UPDATE outbox SET dismissed = 1 WHERE id = ? AND state = 'rejected' AND actor_id = ?`).run(id, personId).changes > 0;
