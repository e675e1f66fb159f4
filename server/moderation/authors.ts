/**
 * Comment authors' standing on the hub (migration 0022; common/moderation/authors.ts): set by anyone who moderates
 * comments, the last change to reach the hub standing. The website learns of a ban or of pre-moderation from its
 * feed; a ban that rejects what is pending rejects every comment of the author still waiting here, including
 * those no desk has pulled yet, each as a decision of the person who banned (first wins, as for any decision).
 */
import type { AuthorNote, AuthorStanding } from '../../common/moderation/authors.ts';
import type { Queryable } from '../db/connect.ts';
import { checkPerson, DirectoryRefusal } from '../directory/staff.ts';
import { recordWebsiteChange } from '../website/feed.ts';
import { decideComment } from './decisions.ts';

interface Change<P> {
  actorId: string;
  actorName: string;
  entityId: string;
  createdAt: number;
  payload: P;
}

/** The author's website ref, once the person may moderate comments; refused for anyone who never commented. */
async function authorRef(tx: Queryable, m: Change<unknown>): Promise<string> {
  await checkPerson(tx, m.actorId, new Date(m.createdAt), 'comment');
  const c = (
    await tx.query<{ ref: string }>(
      'SELECT website_ref AS ref FROM customers c WHERE id = $1 AND EXISTS (SELECT 1 FROM comments WHERE customer_id = c.id)',
      [m.entityId],
    )
  ).rows[0];
  if (!c) throw new DirectoryRefusal('no such comment author on the hub');
  return c.ref;
}

type Flags = { premoderate: boolean; banned: boolean };

/** Tells the website what changed of an author's standing: a ban or its lifting, pre-moderation on or off. */
export async function recordStandingChange(tx: Queryable, ref: string, before: Flags, after: Flags): Promise<void> {
  const author = { ref };
  if (after.banned !== before.banned) await recordWebsiteChange(tx, { type: after.banned ? 'author.ban' : 'author.unban', author });
  if (after.premoderate !== before.premoderate)
    await recordWebsiteChange(tx, { type: 'author.premoderate', author, on: after.premoderate });
}

export async function setStanding(tx: Queryable, m: Change<AuthorStanding>): Promise<void> {
  const ref = await authorRef(tx, m);
  const { premoderate, banned, banReason, rejectPending } = m.payload;
  const at = new Date(m.createdAt).toISOString();
  const before = (
    await tx.query<{ premoderate: boolean; banned: boolean; changed_by: string | null; changed_at: Date | null }>(
      'SELECT premoderate, banned, changed_by, changed_at FROM comment_authors WHERE id = $1 FOR UPDATE',
      [m.entityId],
    )
  ).rows[0] ?? { premoderate: false, banned: false, changed_by: null, changed_at: null };
  // A standing set offline and sent late does not undo a later one (a ban from a desk offline for days over the
  // lifting made since); the desk is told, and puts back what the hub holds.
  if (before.changed_at && before.changed_at.getTime() > m.createdAt)
    throw new DirectoryRefusal(`the author's standing was changed since by ${before.changed_by ?? 'someone'}`);
  await tx.query(
    `INSERT INTO comment_authors (id, premoderate, banned, ban_reason, changed_by, changed_by_id, changed_at, seq) VALUES ($1, $2, $3, $4, $5, $6, $7, 0)
     ON CONFLICT (id) DO UPDATE SET premoderate = excluded.premoderate, banned = excluded.banned, ban_reason = excluded.ban_reason,
       changed_by = excluded.changed_by, changed_by_id = excluded.changed_by_id, changed_at = excluded.changed_at, updated_at = now()`,
    [m.entityId, premoderate, banned, banReason, m.actorName, m.actorId, at],
  );
  await recordStandingChange(tx, ref, before, { premoderate, banned });
  if (!rejectPending) return;
  // What was pending when the ban was made: a comment posted after it is not the banning person's to reject.
  const waiting = await tx.query<{ id: string; ref: string }>(
    `SELECT id, website_ref AS ref FROM comments WHERE customer_id = $1 AND status = 'pending' AND posted_at <= $2 ORDER BY posted_at, id FOR UPDATE`,
    [m.entityId, at],
  );
  for (const c of waiting.rows) await decideComment(tx, c, 'rejected', { actorId: m.actorId, actorName: m.actorName, at });
}

/** Adds a note once, whatever number of times its mutation arrives. */
export async function addAuthorNote(tx: Queryable, m: Change<AuthorNote>): Promise<void> {
  await authorRef(tx, m);
  const note = { id: m.payload.noteId, body: m.payload.body, by: m.actorName, at: new Date(m.createdAt).toISOString() };
  await tx.query(
    `INSERT INTO comment_authors (id, notes, seq) VALUES ($1, jsonb_build_array($2::jsonb), 0)
     ON CONFLICT (id) DO UPDATE SET notes = comment_authors.notes || jsonb_build_array($2::jsonb), updated_at = now()
     WHERE NOT comment_authors.notes @> jsonb_build_array(jsonb_build_object('id', $3::text))`,
    [m.entityId, JSON.stringify(note), note.id],
  );
}
