/**
 * Merges on the hub (common/customers/merge.ts): a director merges one record of a customer into another. In one
 * transaction the source's submissions, comments, consent records and requests move to the target (each row's new
 * seq takes it to every desk), the target takes the chosen fields, and the source is marked as merged into it; the
 * website feed says so; the target takes the stricter of the two comment-author standings (author-standing.ts).
 * Undone while nothing changed the target since: the target's fields, its standing and the moved rows go back.
 * Usernames and genders are never touched (mergeRefusal says which pairs cannot be merged).
 */
import { MERGE_REFUSALS, mergeRefusal, mergedFields, type Merge, type MergeRefusal, type MergeSide } from '../../common/customers/merge.ts';
import { PROFILE_FIELDS, type ProfileField } from '../../common/requests/requests.ts';
import type { Queryable } from '../db/connect.ts';
import { directorThen, DirectoryRefusal } from '../directory/staff.ts';
import { recordWebsiteChange } from '../website/feed.ts';
import { carryStanding, restoreStanding, standingChangedSince, type StandingBefore } from './author-standing.ts';

interface Change<P> {
  actorId: string;
  actorName: string;
  entityId: string;
  createdAt: number;
  payload: P;
}

/** The tables whose rows name a customer and move with a merge. */
const MOVED = ['submissions', 'comments', 'consents', 'account_requests'] as const;
const COLUMN: Record<ProfileField, string> = { fullName: 'full_name', email: 'email', phone: 'phone', address: 'address' };

async function side(tx: Queryable, id: string): Promise<MergeSide & { ref: string; updatedAt: Date }> {
  const c = (
    await tx.query<{
      username: string | null;
      gender: string | null;
      erased_at: Date | null;
      merged_into: string | null;
      website_ref: string;
      updated_at: Date;
      full_name: string;
      email: string | null;
      phone: string | null;
      address: string | null;
    }>('SELECT * FROM customers WHERE id = $1 FOR UPDATE', [id])
  ).rows[0];
  if (!c) throw refusal('no_customer');
  return {
    username: c.username,
    gender: c.gender,
    erased: c.erased_at !== null,
    mergedInto: c.merged_into,
    hasMerged: (await tx.query('SELECT 1 FROM customers WHERE merged_into = $1 LIMIT 1', [id])).rows.length > 0,
    ref: c.website_ref,
    updatedAt: c.updated_at,
    fields: { fullName: c.full_name, email: c.email, phone: c.phone, address: c.address },
  };
}

async function director(tx: Queryable, m: Change<unknown>): Promise<void> {
  if (!(await directorThen(tx, m.actorId, new Date(m.createdAt)))) throw refusal('not_director');
}

async function setFields(tx: Queryable, id: string, fields: Record<ProfileField, string | null>, at: string): Promise<void> {
  await tx.query(
    `UPDATE customers SET ${PROFILE_FIELDS.map((f, i) => `${COLUMN[f]} = $${i + 2}`).join(', ')}, updated_at = $${PROFILE_FIELDS.length + 2}
     WHERE id = $1`,
    [id, ...PROFILE_FIELDS.map((f) => fields[f]), at],
  );
}

/** A refusal with its code, which the desk words in the person's language. */
const refusal = (code: MergeRefusal) => DirectoryRefusal.coded(code, MERGE_REFUSALS[code]);

/** The merge, once: the same mutation again changes nothing. */
export async function mergeCustomers(tx: Queryable, m: Change<Merge>): Promise<void> {
  await director(tx, m);
  if ((await tx.query('SELECT 1 FROM customer_merges WHERE id = $1', [m.entityId])).rows.length) return;
  const { sourceId, targetId, choose } = m.payload;
  const source = await side(tx, sourceId);
  const target = await side(tx, targetId);
  const refused = mergeRefusal(source, target);
  if (refused) throw refusal(refused);
  const at = new Date(m.createdAt).toISOString();
  const moved: Record<string, string[]> = {};
  for (const table of MOVED)
    moved[table] = (
      await tx.query<{ id: string }>(`UPDATE ${table} SET customer_id = $2 WHERE customer_id = $1 RETURNING id`, [sourceId, targetId])
    ).rows.map((r) => r.id);
  await setFields(tx, targetId, mergedFields(source, target, choose), at);
  const authorBefore = await carryStanding(tx, sourceId, { id: targetId, ref: target.ref });
  await tx.query('UPDATE customers SET merged_into = $2, merged_at = $3, updated_at = $3 WHERE id = $1', [sourceId, targetId, at]);
  await tx.query(
    `INSERT INTO customer_merges (id, source_id, target_id, target_before, moved, author_before, merged_by, merged_by_id, merged_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      m.entityId,
      sourceId,
      targetId,
      JSON.stringify(target.fields),
      JSON.stringify(moved),
      authorBefore ? JSON.stringify(authorBefore) : null,
      m.actorName,
      m.actorId,
      at,
    ],
  );
  await recordWebsiteChange(tx, { type: 'customer.merge', from: { ref: source.ref }, into: { ref: target.ref } });
}

/** Undoes the standing merge of `sourceId`, refused once anything changed the target since. */
export async function unmergeCustomers(tx: Queryable, m: Change<{ sourceId: string }>): Promise<void> {
  await director(tx, m);
  const merge = (
    await tx.query<{
      id: string;
      target_id: string;
      target_before: Record<ProfileField, string | null>;
      moved: Record<string, string[]>;
      author_before: StandingBefore | null;
      merged_at: Date;
    }>(
      'SELECT id, target_id, target_before, moved, author_before, merged_at FROM customer_merges WHERE source_id = $1 AND undone_at IS NULL FOR UPDATE',
      [m.payload.sourceId],
    )
  ).rows[0];
  if (!merge) throw refusal('not_merged');
  const source = await side(tx, m.payload.sourceId);
  const target = await side(tx, merge.target_id);
  if (target.erased) throw refusal('target_erased');
  if (
    target.updatedAt.getTime() > merge.merged_at.getTime() ||
    (merge.author_before && (await standingChangedSince(tx, merge.target_id, merge.author_before)))
  )
    throw refusal('target_changed');
  const at = new Date(m.createdAt).toISOString();
  for (const table of MOVED) {
    const ids = merge.moved[table] ?? [];
    if (ids.length)
      await tx.query(`UPDATE ${table} SET customer_id = $1 WHERE id = ANY($2) AND customer_id = $3`, [
        m.payload.sourceId,
        ids,
        merge.target_id,
      ]);
  }
  await setFields(tx, merge.target_id, merge.target_before, at);
  if (merge.author_before) await restoreStanding(tx, { id: merge.target_id, ref: target.ref }, merge.author_before);
  await tx.query('UPDATE customers SET merged_into = NULL, merged_at = NULL, updated_at = $2 WHERE id = $1', [m.payload.sourceId, at]);
  await tx.query('UPDATE customer_merges SET undone_by = $2, undone_at = $3 WHERE id = $1', [merge.id, m.actorName, at]);
  await recordWebsiteChange(tx, { type: 'customer.unmerge', from: { ref: source.ref }, into: { ref: target.ref } });
}
