/**
 * A comment author's standing and the moderators' notes about them, on this desk (common/moderation/authors.ts):
 * set here at once and pushed through the outbox, the last change to reach the hub standing. A ban that rejects
 * what is pending rejects their waiting comments here as well; the hub rejects there every one it holds, so those
 * no desk has pulled yet are rejected too, and this desk's copies come back as the hub decided them.
 */
import { newId } from '../../../common/ids.ts';
import type { AuthorStanding, KeptAuthorNote } from '../../../common/moderation/authors.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { DomainError } from './errors.ts';
import { enqueue } from './outbox.ts';

export interface Standing {
  premoderate: boolean;
  banned: boolean;
  banReason: string | null;
  changedBy: string | null;
  changedAt: number | null;
  notes: KeptAuthorNote[];
}

/** An author's row as this desk stores it. */
export interface StandingRow {
  premoderate: number;
  banned: number;
  ban_reason: string | null;
  changed_by: string | null;
  changed_at: number | null;
  notes: string;
}

const NONE: StandingRow = { premoderate: 0, banned: 0, ban_reason: null, changed_by: null, changed_at: null, notes: '[]' };

const row = (db: Db, customerId: string) =>
  (stmt(db, 'SELECT * FROM comment_authors WHERE id = ?').get(customerId) as StandingRow | undefined) ?? NONE;

export function standingOf(db: Db, customerId: string): Standing {
  const r = row(db, customerId);
  return {
    premoderate: r.premoderate === 1,
    banned: r.banned === 1,
    banReason: r.ban_reason,
    changedBy: r.changed_by,
    changedAt: r.changed_at,
    notes: JSON.parse(r.notes) as KeptAuthorNote[],
  };
}

/** The author of a comment this desk holds. */
export function authorIdOf(db: Db, commentId: string): string {
  const c = stmt(db, 'SELECT customer_id AS id FROM comments WHERE id = ?').get(commentId) as { id: string } | undefined;
  if (!c) throw new DomainError('not_found', `no comment with id ${commentId}`);
  return c.id;
}

/** Writes an author's row, as changed here or as the hub holds it (sync/apply.ts). */
export function saveStanding(db: Db, customerId: string, r: StandingRow, now: number): void {
  stmt(
    db,
    `INSERT INTO comment_authors (id, premoderate, banned, ban_reason, changed_by, changed_at, notes, updated_at)
     VALUES (@id, @premoderate, @banned, @ban_reason, @changed_by, @changed_at, @notes, @now)
     ON CONFLICT (id) DO UPDATE SET premoderate = excluded.premoderate, banned = excluded.banned, ban_reason = excluded.ban_reason,
       changed_by = excluded.changed_by, changed_at = excluded.changed_at, notes = excluded.notes, updated_at = excluded.updated_at`,
  ).run({ id: customerId, ...r, now });
}

/** Sets the standing of a comment's author; with a ban that rejects what is pending, how many waiting comments here it rejected. */
export function setAuthorStanding(
  db: Db,
  commentId: string,
  actor: { id: string; name: string },
  standing: AuthorStanding,
  now = Date.now(),
): { rejected: number } {
  return db.transaction(() => {
    const customerId = authorIdOf(db, commentId);
    const { premoderate, banned, banReason } = standing;
    saveStanding(
      db,
      customerId,
      {
        ...row(db, customerId),
        premoderate: premoderate ? 1 : 0,
        banned: banned ? 1 : 0,
        ban_reason: banReason,
        changed_by: actor.name,
        changed_at: now,
      },
      now,
    );
    enqueue(
      db,
      { mutation: 'author.standing', entityType: 'comment_author', entityId: customerId, payload: standing, actorId: actor.id },
      now,
    );
    if (!standing.rejectPending) return { rejected: 0 };
    const { changes } = stmt(
      db,
      `UPDATE comments SET status = 'rejected', decided_by = ?, decided_by_id = ?, decided_at = ?, review = 0, prior = NULL
       WHERE customer_id = ? AND status = 'pending'`,
    ).run(actor.name, actor.id, now, customerId);
    return { rejected: changes };
  })();
}

/** Adds a moderator's note about a comment's author. */
export function addAuthorNote(
  db: Db,
  commentId: string,
  actor: { id: string; name: string },
  body: string,
  now = Date.now(),
): { id: string } {
  return db.transaction(() => {
    const customerId = authorIdOf(db, commentId);
    const id = newId();
    const r = row(db, customerId);
    const notes: KeptAuthorNote[] = [...(JSON.parse(r.notes) as KeptAuthorNote[]), { id, body, by: actor.name, at: now }];
    saveStanding(db, customerId, { ...r, notes: JSON.stringify(notes) }, now);
    enqueue(
      db,
      { mutation: 'author.note', entityType: 'comment_author', entityId: customerId, payload: { noteId: id, body }, actorId: actor.id },
      now,
    );
    return { id };
  })();
}
