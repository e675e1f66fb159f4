/**
 * A comment author's standing with the moderators: always pre-moderated (the website holds each of their comments
 * until it is approved), banned with a reason (the website refuses their comments), and the moderators' notes about
 * them. Known by the customer's id on the desk and the hub, and by the customer's `ref` on the website.
 */
import { z } from 'zod';
import { Id } from '../ids.ts';
import { line, text } from '../text/schemas.ts';

export const BAN_REASON_MAX = 300;
export const AUTHOR_NOTE_MAX = 1000;

/**
 * The whole standing as the person leaves it; the last change to reach the hub stands. `rejectPending`, with a ban:
 * every comment of theirs still waiting on the hub is rejected there too, including those this desk has not seen.
 */
export const AuthorStanding = z
  .object({
    premoderate: z.boolean(),
    banned: z.boolean(),
    banReason: line(BAN_REASON_MAX).nullable(),
    rejectPending: z.boolean(),
  })
  .strict()
  .refine((s) => !s.banned || s.banReason !== null, { message: 'a ban needs a reason', path: ['banReason'] })
  .refine((s) => s.banned || (s.banReason === null && !s.rejectPending), {
    message: 'only a ban has a reason or rejects what is pending',
    path: ['banned'],
  });
export type AuthorStanding = z.infer<typeof AuthorStanding>;

/** A moderator's note about an author, named by the desk that wrote it, so sending it twice adds it once. */
export const AuthorNote = z.object({ noteId: Id, body: text(AUTHOR_NOTE_MAX) }).strict();
export type AuthorNote = z.infer<typeof AuthorNote>;

/** A note as every desk keeps it: who wrote it and when. */
export const KeptAuthorNote = z.object({ id: Id, body: text(AUTHOR_NOTE_MAX), by: z.string().max(200), at: z.number().int() }).strict();
export type KeptAuthorNote = z.infer<typeof KeptAuthorNote>;
