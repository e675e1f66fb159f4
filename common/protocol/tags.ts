/**
 * Tags: labels directors keep for the whole organisation (a name, one colour of a small palette), which staff
 * put on submissions and filter an inbox by. A name is one tag whatever its case and Vietnamese marks: `Gấp`
 * and `gap` cannot both exist. One definition for the desk's API, sync and the hub.
 */
import { z } from 'zod';
import { Id } from '../ids.ts';
import { fold } from '../text/fold.ts';
import { line } from '../text/schemas.ts';

/** The colours a tag may have; the renderer draws each in its own way. */
export const TAG_COLORS = ['gray', 'red', 'orange', 'yellow', 'green', 'teal', 'blue', 'purple', 'pink'] as const;
export type TagColor = (typeof TAG_COLORS)[number];

/** What makes two names one: folded (common/text/fold.ts: case, marks, đ) with runs of spaces made one. */
export const tagNameKey = (name: string): string => fold(name).trim().replace(/\s+/g, ' ');

export const TagFields = z
  .object({
    name: line(50),
    color: z.enum(TAG_COLORS),
    /** An archived tag stays on the submissions that have it and is offered for no new one. */
    archived: z.boolean(),
  })
  .strict();
export type TagFields = z.infer<typeof TagFields>;

export interface Tag extends TagFields {
  id: string;
  version: number;
  updatedAt: number;
}

/** The most tags one change may add, or remove, on a submission. */
export const MAX_TAGS_PER_CHANGE = 50;

/** A list of tags one change adds, or removes, on a submission. */
export const TagIds = z.array(Id).max(MAX_TAGS_PER_CHANGE);

/** The rules of a change of a submission's tags (`add`, `remove`): some of either, none in both, none twice. */
export const withTagRules = <S extends z.ZodType<{ add: string[]; remove: string[] }>>(schema: S): S =>
  schema
    .refine((c) => c.add.length + c.remove.length > 0, { message: 'add or remove at least one tag', path: ['add'] })
    .refine((c) => new Set([...c.add, ...c.remove]).size === c.add.length + c.remove.length, {
      message: 'names a tag twice, or both adds and removes it',
      path: ['remove'],
    });

/** A change of a submission's tags as it travels to the hub, with the timeline event that records it. */
export const TagChange = withTagRules(z.object({ eventId: Id, add: TagIds, remove: TagIds }).strict());
