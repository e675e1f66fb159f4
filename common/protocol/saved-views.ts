/**
 * Saved views: a person's own filters of one inbox, kept on the hub and on every desk where that person may sign
 * in, so a view saved on one desk is in the sidebar on the next. A view is one person's, so the last save or
 * deletion to reach the hub stands (no version to be stale on); a name the person already uses for another
 * view there is numbered, "Gấp (2)". One definition for the desk's API, sync and the hub.
 */
import { z } from 'zod';
import { Id } from '../ids.ts';
import { fold } from '../text/fold.ts';
import { line, wellFormed } from '../text/schemas.ts';
import { SORTS, STATUSES, SUBMISSION_KINDS } from '../vocabulary/submissions.ts';

/** What a list is filtered and sorted by; a saved view keeps them. */
export const LIST_FILTERS = {
  status: z.enum(STATUSES).optional(),
  assignee: z.union([Id, z.literal('unassigned')]).optional(),
  /** Only the submissions with this tag. */
  tag: Id.optional(),
  text: wellFormed(200).optional(),
  sort: z.enum(SORTS).default('newest'),
};
export const ViewFilters = z.object(LIST_FILTERS).strict();

export const VIEW_NAME_MAX = 60;

/** A view as a desk pushes it, whole; `deleted` is how a deletion travels (the hub keeps it, so every desk learns). */
export const ViewFields = z
  .object({ name: line(VIEW_NAME_MAX), kind: z.enum(SUBMISSION_KINDS), filters: ViewFilters, deleted: z.boolean() })
  .strict();
export type ViewFields = z.infer<typeof ViewFields>;

/** What makes two of a person's view names one: folded (case, Vietnamese marks, đ), ends trimmed. */
export const viewNameKey = (name: string): string => fold(name.trim());

/** The name a view takes when `taken` already holds its own: the first free "name (n)", still within the limit. */
export function freeViewName(name: string, taken: (key: string) => boolean): string {
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    // Shortened a character at a time (never half of one) until it fits, as the schema counts: in UTF-16 units.
    let base = name.trim();
    while (base.length + suffix.length > VIEW_NAME_MAX) base = [...base].slice(0, -1).join('');
    const candidate = `${base.trimEnd()}${suffix}`;
    if (!taken(viewNameKey(candidate))) return candidate;
  }
}
