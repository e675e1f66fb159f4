/**
 * The desk's copy of the organisation's tags (common/protocol/tags.ts): read by everyone who works an inbox,
 * kept by directors. A change is saved here at once and pushed through the outbox; the hub keeps names unique
 * and refuses a change made on a version someone else has changed since. Putting tags on a submission is in
 * submission-work.ts.
 */
import { tagNameKey, type Tag, type TagColor, type TagFields } from '../../../common/protocol/tags.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { DomainError } from './errors.ts';
import { saveVersioned } from './versioned-rows.ts';
import { enqueue } from './outbox.ts';

interface TagRow {
  id: string;
  name: string;
  color: TagColor;
  archived: number;
  version: number;
  updated_at: number;
}

const tagOf = (r: TagRow): Tag => ({
  id: r.id,
  name: r.name,
  color: r.color,
  archived: r.archived === 1,
  version: r.version,
  updatedAt: r.updated_at,
});

/** A tag as a submission shows it. */
export type TagRef = Pick<Tag, 'id' | 'name' | 'color' | 'archived'>;

/** Every tag by name; archived ones only when asked (a director's list, or to name what old submissions carry). */
export function listTags(db: Db, q: { includeArchived?: boolean } = {}): Tag[] {
  const rows = stmt(db, `SELECT * FROM tags WHERE (@all OR archived = 0) ORDER BY name COLLATE NOCASE, id`).all({
    all: q.includeArchived ? 1 : 0,
  }) as TagRow[];
  return rows.map(tagOf);
}

export function tagsByIds(db: Db, ids: readonly string[]): Map<string, Tag> {
  const rows = stmt(db, `SELECT * FROM tags WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as TagRow[];
  return new Map(rows.map((r) => [r.id, tagOf(r)]));
}

/** A submission's tags by name; one whose row has not reached this desk yet is left out until it does. */
export function tagsOfSubmission(db: Db, submissionId: string): TagRef[] {
  const rows = stmt(
    db,
    `SELECT t.* FROM submission_tags st JOIN tags t ON t.id = st.tag_id WHERE st.submission_id = ? ORDER BY t.name COLLATE NOCASE, t.id`,
  ).all(submissionId) as TagRow[];
  return rows.map((r) => {
    const { id, name, color, archived } = tagOf(r);
    return { id, name, color, archived };
  });
}

/**
 * Saves a tag as a director entered it: a new one (no id) or a change made on `version`. A name another tag of
 * this desk has (whatever its case and marks) is refused here already, naming that tag.
 */
export function saveTag(
  db: Db,
  actorId: string,
  change: { id?: string; version?: number; fields: TagFields },
  now = Date.now(),
): { id: string; version: number } {
  return db.transaction(() => {
    const { fields } = change;
    const key = tagNameKey(fields.name);
    const holder = listTags(db, { includeArchived: true }).find((t) => t.id !== change.id && tagNameKey(t.name) === key);
    if (holder)
      throw new DomainError('invalid', `the tag name ${fields.name} is taken: the tag ${holder.name} has it`, { tagId: holder.id });
    const values = { name: fields.name, color: fields.color, archived: fields.archived ? 1 : 0, updated_at: now };
    const { id, version, baseVersion } = saveVersioned(db, 'tags', 'tag', change, values);
    enqueue(db, { mutation: 'tag.save', entityType: 'tag', entityId: id, baseVersion, payload: fields, actorId }, now);
    return { id, version };
  })();
}
