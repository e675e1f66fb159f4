/**
 * Who else has a submission open, best effort through the hub while online: each desk reports, for the person
 * signed in, the submission they have open and whether they are writing a reply; the hub answers with the
 * others on the same submission. Nothing is stored: a report lasts PRESENCE_TTL_MS unless renewed, so a desk
 * that goes away drops off by itself. Offline, nobody is shown, and the hub's version and first-wins rules
 * decide between changes as before.
 */
import { z } from 'zod';
import { Id } from '../ids.ts';

/** How long a report holds: desks renew it well within (the renderer every 15 s while a submission is open). */
export const PRESENCE_TTL_MS = 40_000;

export const PRESENCE_STATES = ['viewing', 'composing', 'left'] as const;

export const PresenceReport = z
  .object({
    personId: Id,
    submissionId: Id,
    /** `left`: the person closed it (or opened another), so others stop seeing them at once. */
    state: z.enum(PRESENCE_STATES),
  })
  .strict();
export type PresenceReport = z.infer<typeof PresenceReport>;

export const PresenceAnswer = z.object({
  others: z.array(
    z.object({
      personId: Id,
      /** As the organisation's directory names them. */
      name: z.string(),
      state: z.enum(['viewing', 'composing']),
      /** Since when they have had it open. */
      since: z.string(),
    }),
  ),
});
export type PresenceAnswer = z.infer<typeof PresenceAnswer>;
