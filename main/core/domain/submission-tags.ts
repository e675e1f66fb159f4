/**
 * Which submission has which tag on this desk (migration 0012): `submission_tags` rows carry a copy of their
 * submission's list keys, so an inbox filtered by a tag walks one of its indexes (submission-list.ts). These are
 * the writes that keep it; a person's tagging is in submission-work.ts, the pull's in sync/apply.ts.
 */
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';

export interface TagChange {
  add: string[];
  remove: string[];
}

/** Puts tags on a submission (those it has already stay as they are). */
export function putTags(db: Db, submissionId: string, tagIds: readonly string[]): void {
  for (const tagId of tagIds) {
    stmt(
      db,
      `INSERT INTO submission_tags (tag_id, kind, seq, submission_id, status, assignee_id, urgency, due_rank)
       SELECT @tagId, kind, seq, id, status, assignee_id, urgency, due_rank FROM submissions WHERE id = @submissionId
       ON CONFLICT DO NOTHING`,
    ).run({ tagId, submissionId });
  }
}

export function takeTags(db: Db, submissionId: string, tagIds: readonly string[]): void {
  for (const tagId of tagIds) stmt(db, 'DELETE FROM submission_tags WHERE submission_id = ? AND tag_id = ?').run(submissionId, tagId);
}

export const tagIdsOf = (db: Db, submissionId: string): string[] =>
  (stmt(db, 'SELECT tag_id AS id FROM submission_tags WHERE submission_id = ? ORDER BY tag_id').all(submissionId) as { id: string }[]).map(
    (r) => r.id,
  );

/** The tag ids of each of these submissions (a page of a list), by submission id. */
export function tagIdsOfEach(db: Db, submissionIds: readonly string[]): Map<string, string[]> {
  const tags = new Map<string, string[]>(submissionIds.map((id) => [id, []]));
  if (submissionIds.length === 0) return tags;
  const rows = stmt(
    db,
    `SELECT submission_id AS submissionId, tag_id AS tagId FROM submission_tags
     WHERE submission_id IN (SELECT value FROM json_each(?)) ORDER BY submission_id, tag_id`,
  ).all(JSON.stringify(submissionIds)) as { submissionId: string; tagId: string }[];
  for (const r of rows) tags.get(r.submissionId)!.push(r.tagId);
  return tags;
}

/**
 * A submission's tags as a pulled row has them, with this desk's own tag changes still waiting in the outbox
 * applied on top, in the order they were made (as the hub will apply them). Most submissions have no tag and
 * none waiting: they cost one look at the index.
 */
export function settlePulledTags(db: Db, submissionId: string, hubTags: readonly string[]): void {
  const held = tagIdsOf(db, submissionId);
  // A waiting addition is held here already: with nothing held and nothing pulled, nothing waits to be added.
  if (held.length === 0 && hubTags.length === 0) return;
  const want = new Set(hubTags);
  const waiting = stmt(
    db,
    `SELECT payload FROM outbox WHERE entity_id = ? AND state = 'pending' AND mutation = 'submission.tags' ORDER BY created_at, id`,
  ).all(submissionId) as { payload: string }[];
  for (const { payload } of waiting) {
    const change = JSON.parse(payload) as TagChange;
    for (const id of change.add) want.add(id);
    for (const id of change.remove) want.delete(id);
  }
  takeTags(
    db,
    submissionId,
    held.filter((id) => !want.has(id)),
  );
  putTags(
    db,
    submissionId,
    [...want].filter((id) => !held.includes(id)),
  );
}

/**
 * A tagging the hub refused did not happen: what it put on comes off and what it took off goes back. The change
 * named only tags that were not on (added) or were on (removed) when it was made here, so this restores them.
 */
export function undoTagChange(db: Db, submissionId: string, change: TagChange): void {
  takeTags(db, submissionId, change.add);
  putTags(db, submissionId, change.remove);
}
