/**
 * Tags on the hub (migration 0015): a director's tag, whole, versioned like a catalogue product, its name one
 * tag whatever its case and marks (common/protocol/tags.ts); and the tags of a submission.
 */
import { tagNameKey, type TagFields } from '../../common/protocol/tags.ts';
import type { Queryable } from '../db/connect.ts';
import { directorThen, DirectoryRefusal } from '../directory/staff.ts';

export async function saveTag(
  tx: Queryable,
  m: { actorId: string; entityId: string; baseVersion: number | null; createdAt: number; payload: TagFields },
): Promise<void> {
  const { entityId: id, baseVersion, payload: p } = m;
  if (!(await directorThen(tx, m.actorId, new Date(m.createdAt)))) throw new DirectoryRefusal('only a director may change the tags');
  const key = tagNameKey(p.name);
  // Pushes hold the write lock one at a time, so nobody takes the name between this look and the write.
  const holder = (await tx.query<{ id: string; name: string }>('SELECT id, name FROM tags WHERE name_key = $1', [key])).rows[0];
  if (holder && holder.id !== id) throw new DirectoryRefusal(`the tag name ${p.name} is taken: the tag ${holder.name} has it`);
  const current = (await tx.query<{ version: number }>('SELECT version FROM tags WHERE id = $1 FOR UPDATE', [id])).rows[0];
  const values = [id, p.name, key, p.color, p.archived];
  if (!current) {
    if (baseVersion !== null) throw new DirectoryRefusal('no such tag on the hub');
    await tx.query(`INSERT INTO tags (id, name, name_key, color, archived, seq) VALUES ($1, $2, $3, $4, $5, 0)`, values);
    return;
  }
  if (baseVersion !== current.version) {
    throw new DirectoryRefusal(`changed by someone else since (version ${baseVersion ?? 'new'} → ${current.version})`, {
      version: current.version,
    });
  }
  await tx.query(
    `UPDATE tags SET name = $2, name_key = $3, color = $4, archived = $5, version = version + 1, updated_at = now() WHERE id = $1`,
    values,
  );
}

/**
 * Puts tags on a submission and takes others off, as someone holding its inbox asked (push.ts checked them and
 * locked the row), with a `tags_change` event under the desk's event id.
 *
 * Not versioned, unlike status or assignment: a change names only the tags it adds and removes, so it is
 * applied to the tags the submission has now. Two people tagging one submission apart (different tags, or a
 * tag and a status) both keep what they did, in whatever order they reach the hub, and a tagging made offline
 * is never refused because someone else touched the submission meanwhile. The one case where order counts is
 * one tag added by one person and removed by another: the later to reach the hub stands, as each meant that
 * tag to be on or off. Neither does it change the submission's version, so a status change made on the
 * version someone saw before a tagging is not refused as stale. A tag archived since the desk added it still
 * goes on (the person chose it while it was offered); a tag the hub does not have is refused.
 */
export async function tagSubmission(tx: Queryable, m: { entityId: string; payload: { add: string[]; remove: string[] } }): Promise<void> {
  const { add, remove } = m.payload;
  const known = new Set(
    (await tx.query<{ id: string }>('SELECT id FROM tags WHERE id = ANY($1)', [[...add, ...remove]])).rows.map((r) => r.id),
  );
  const missing = [...add, ...remove].filter((id) => !known.has(id));
  if (missing.length) throw new DirectoryRefusal(`no such tag on the hub: ${missing.join(', ')}`);
  const { tags } = (await tx.query<{ tags: string[] }>('SELECT tags FROM submissions WHERE id = $1', [m.entityId])).rows[0]!;
  const next = [...new Set([...tags, ...add])].filter((id) => !remove.includes(id)).sort();
  if (next.join() === [...tags].sort().join()) return;
  await tx.query('UPDATE submissions SET tags = $2, updated_at = now() WHERE id = $1', [m.entityId, JSON.stringify(next)]);
}
