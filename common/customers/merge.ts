/**
 * Merging two records of one customer (privacy policy art. 5: the same person registered twice, or a guest
 * record and their account): the source's submissions, comments, consent records and requests move to the
 * target, and the target takes, field by field, the value the director chose. A username or gender is never
 * changed: two records that both have a username, or two different genders, cannot be merged, and a source with a
 * username must be the target instead (the website's account is the one that stays). Undone while nothing
 * changed the target since.
 */
import { z } from 'zod';
import { Id } from '../ids.ts';
import { PROFILE_FIELDS, type ProfileField } from '../requests/requests.ts';

/**
 * Why a merge cannot be done, or undone: the hub's words for its log and the desk's conflict list, by a code the
 * desk words in the person's language (the hub sends the code with its refusal).
 */
export const MERGE_REFUSALS = {
  not_director: 'only a director merges customers',
  no_customer: 'no such customer on the hub',
  self: 'a customer is not merged with themselves',
  erased: 'an erased customer cannot be merged',
  merged: 'one of them was already merged into another customer',
  // One level only: a customer merged into another is found through the one it was merged into.
  has_merged: 'other records were merged into the source: merge the other way, or undo those merges first',
  both_usernames: 'both have a username, which never changes: they cannot be merged',
  source_username: 'the source has the username: merge the other way, into the customer with the username',
  genders: 'their genders differ, and a gender never changes: they cannot be merged',
  not_merged: 'this customer is not merged into another',
  target_erased: 'the customer it was merged into has been erased since',
  target_changed: 'the customer it was merged into has changed since: the merge can no longer be undone',
} as const;
export type MergeRefusal = keyof typeof MERGE_REFUSALS;
export const MERGE_REFUSAL_CODES = Object.keys(MERGE_REFUSALS) as [MergeRefusal, ...MergeRefusal[]];

export const MergeChoice = z.partialRecord(z.enum(PROFILE_FIELDS), z.enum(['source', 'target']));
export type MergeChoice = z.infer<typeof MergeChoice>;

export const Merge = z
  .object({ sourceId: Id, targetId: Id, choose: MergeChoice })
  .strict()
  .refine((m) => m.sourceId !== m.targetId, { message: MERGE_REFUSALS.self, path: ['targetId'] });
export type Merge = z.infer<typeof Merge>;

export interface MergeSide {
  username: string | null;
  gender: string | null;
  erased: boolean;
  mergedInto: string | null;
  /** Other records were merged into this one. */
  hasMerged: boolean;
  fields: Record<ProfileField, string | null>;
}

/** Why these two cannot be merged this way; null when they can. */
export function mergeRefusal(source: MergeSide, target: MergeSide): MergeRefusal | null {
  if (source.erased || target.erased) return 'erased';
  if (source.mergedInto || target.mergedInto) return 'merged';
  if (source.hasMerged) return 'has_merged';
  if (source.username !== null && target.username !== null) return 'both_usernames';
  if (source.username !== null) return 'source_username';
  if (source.gender !== null && target.gender !== null && source.gender !== target.gender) return 'genders';
  return null;
}

/** The target's fields after the merge: the chosen side's value, or the other's where the chosen one is empty. */
export function mergedFields(source: MergeSide, target: MergeSide, choose: MergeChoice): Record<ProfileField, string | null> {
  return Object.fromEntries(
    PROFILE_FIELDS.map((f) => {
      const [first, second] = choose[f] === 'source' ? [source, target] : [target, source];
      return [f, first.fields[f] ?? second.fields[f]];
    }),
  ) as Record<ProfileField, string | null>;
}
