/**
 * A merge and a comment author's standing (server/moderation/authors.ts): the two records are one person, so the
 * target takes the stricter of the two standings (held for review if either was, banned if either was, the ban's
 * reason from the record that was banned) and both records' notes; the website is told of what changed for the
 * target. What the target's standing was is kept with the merge, for its undoing.
 */
import type { Queryable } from '../db/connect.ts';
import { recordStandingChange } from '../moderation/authors.ts';

interface Standing {
  premoderate: boolean;
  banned: boolean;
  ban_reason: string | null;
  changed_by: string | null;
  changed_by_id: string | null;
  changed_at: string | null;
  notes: { at: string }[];
}
/**
 * What the merge keeps: the target's standing before it (null: it had none), and the version (seq) the merge gave
 * the target's row, so any later change to it, from whatever desk and whenever made, is seen.
 */
export interface StandingBefore {
  row: Standing | null;
  seq: string;
}

const NONE: Standing = {
  premoderate: false,
  banned: false,
  ban_reason: null,
  changed_by: null,
  changed_by_id: null,
  changed_at: null,
  notes: [],
};

async function standingOf(tx: Queryable, id: string): Promise<Standing | null> {
  const r = (
    await tx.query<Omit<Standing, 'changed_at'> & { changed_at: Date | null }>(
      'SELECT premoderate, banned, ban_reason, changed_by, changed_by_id, changed_at, notes FROM comment_authors WHERE id = $1 FOR UPDATE',
      [id],
    )
  ).rows[0];
  return r ? { ...r, changed_at: r.changed_at?.toISOString() ?? null } : null;
}

/** Writes the author's whole standing; the row's new seq. */
async function writeStanding(tx: Queryable, id: string, ref: string, was: Standing, s: Standing): Promise<string> {
  const written = await tx.query<{ seq: string }>(
    `INSERT INTO comment_authors (id, premoderate, banned, ban_reason, changed_by, changed_by_id, changed_at, notes, seq)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0)
     ON CONFLICT (id) DO UPDATE SET premoderate = excluded.premoderate, banned = excluded.banned, ban_reason = excluded.ban_reason,
       changed_by = excluded.changed_by, changed_by_id = excluded.changed_by_id, changed_at = excluded.changed_at,
       notes = excluded.notes, updated_at = now()
     RETURNING seq::text`,
    [id, s.premoderate, s.banned, s.ban_reason, s.changed_by, s.changed_by_id, s.changed_at, JSON.stringify(s.notes)],
  );
  await recordStandingChange(tx, ref, was, s);
  return written.rows[0]!.seq;
}

/** Carries the source's standing to the target; what the target's was, or undefined when the source had none. */
export async function carryStanding(
  tx: Queryable,
  sourceId: string,
  target: { id: string; ref: string },
): Promise<StandingBefore | undefined> {
  const from = await standingOf(tx, sourceId);
  if (!from) return undefined;
  const before = await standingOf(tx, target.id);
  const into = before ?? NONE;
  // The later decision names who set the standing, so a change made offline before the merge is still judged by it.
  const latest = (from.changed_at ?? '') > (into.changed_at ?? '') ? from : into;
  const seq = await writeStanding(tx, target.id, target.ref, into, {
    premoderate: into.premoderate || from.premoderate,
    banned: into.banned || from.banned,
    ban_reason: into.banned ? into.ban_reason : from.ban_reason,
    changed_by: latest.changed_by,
    changed_by_id: latest.changed_by_id,
    changed_at: latest.changed_at,
    notes: [...into.notes, ...from.notes].sort((a, b) => a.at.localeCompare(b.at)),
  });
  return { row: before, seq };
}

/** Whether the target's standing changed after the merge (a decision or a note since): then the undo is refused. */
export async function standingChangedSince(tx: Queryable, targetId: string, merged: StandingBefore): Promise<boolean> {
  const now = await tx.query<{ seq: string }>('SELECT seq::text FROM comment_authors WHERE id = $1', [targetId]);
  return now.rows[0]?.seq !== merged.seq;
}

/** Puts back the target's standing from before the merge. */
export async function restoreStanding(tx: Queryable, target: { id: string; ref: string }, before: StandingBefore): Promise<void> {
  const now = (await standingOf(tx, target.id)) ?? NONE;
  await writeStanding(tx, target.id, target.ref, now, before.row ?? NONE);
}
