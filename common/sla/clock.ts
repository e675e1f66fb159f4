/**
 * Service targets and a submission's clock. Each inbox has a first-response target (from arrival to the first
 * reply) and a resolution target (from arrival to closing), both in business minutes (calendar.ts). The
 * resolution clock stops while the submission waits on the customer and runs again when it is reopened; the
 * time used before a pause is kept, so a reopened complaint has only what was left.
 *
 * The clock is replayed from the submission's timeline, which every desk holding the submission has in full,
 * so every desk computes the same due time from the same events and the same calendar, offline too.
 */
import { z } from 'zod';
import { SUBMISSION_KINDS, type Status, type SubmissionKind } from '../vocabulary/submissions.ts';
import { addBusiness, businessBetween, BusinessCalendar, DEFAULT_CALENDAR, type Hours } from './calendar.ts';

const MINUTE = 60_000;
/** A year of business minutes at most: a larger target is a typo. */
const Minutes = z
  .number()
  .int()
  .min(1)
  .max(366 * 24 * 60)
  .nullable();
export const Target = z.object({ firstResponse: Minutes, resolution: Minutes }).strict();
export type Target = z.infer<typeof Target>;
export const Targets = z
  .object(Object.fromEntries(SUBMISSION_KINDS.map((k) => [k, Target])) as Record<SubmissionKind, typeof Target>)
  .strict();
export type Targets = z.infer<typeof Targets>;

/** What directors set: the calendar and each inbox's targets (null: no target); the organisation has one, by this id. */
export const SERVICE_SETTINGS_ID = 'service';
export const ServiceSettings = z
  .object({
    calendar: BusinessCalendar,
    targets: Targets,
    /** A serial on more warranty claims than this is flagged on each (left out: 3, SERIAL_CLAIMS_LIMIT on the desk). */
    serialClaimsLimit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();
export type ServiceSettings = z.infer<typeof ServiceSettings>;

const hours = (n: number) => n * 60;
/** An eight-hour business day per day of target; directors change them per inbox. */
export const DEFAULT_TARGETS: Targets = {
  complaint: { firstResponse: hours(4), resolution: hours(24) },
  question: { firstResponse: hours(8), resolution: hours(16) },
  trade_contact: { firstResponse: hours(8), resolution: hours(40) },
  warranty: { firstResponse: hours(8), resolution: hours(80) },
  feedback: { firstResponse: hours(16), resolution: hours(40) },
};
export const DEFAULT_SETTINGS: ServiceSettings = { calendar: DEFAULT_CALENDAR, targets: DEFAULT_TARGETS };

/** What moves the clock, in timeline order: a staff reply, or the submission taking a status. */
export type ClockEvent = { at: number; reply: true } | { at: number; status: Status };

export interface Clock {
  firstReplyAt: number | null;
  /** Business ms the resolution clock ran before it last stopped. */
  usedMs: number;
  /** When the resolution clock last started; null while it is stopped (waiting on the customer, or closed). */
  runningSince: number | null;
  status: Status;
}

const runs = (s: Status) => s === 'new' || s === 'open';

/** The clock after a submission's events, from its arrival at `createdAt` (events in time order). */
export function runClock(cal: Hours, createdAt: number, events: readonly ClockEvent[]): Clock {
  const c: Clock = { firstReplyAt: null, usedMs: 0, runningSince: createdAt, status: 'new' };
  for (const e of events) {
    if ('reply' in e) {
      c.firstReplyAt ??= e.at;
      continue;
    }
    if (c.runningSince !== null && !runs(e.status)) {
      c.usedMs += businessBetween(cal, c.runningSince, e.at);
      c.runningSince = null;
    } else if (c.runningSince === null && runs(e.status)) {
      c.runningSince = e.at;
    }
    c.status = e.status;
  }
  return c;
}

export const DUE_WHAT = ['first_response', 'resolution'] as const;
export type DueWhat = (typeof DUE_WHAT)[number];
export interface Due {
  /** The earliest target still open; null when none is (no target, waiting on the customer, or closed). */
  dueAt: number | null;
  dueWhat: DueWhat | null;
}

export function dueOf(cal: Hours, target: Target, createdAt: number, c: Clock): Due {
  if (c.status === 'closed') return { dueAt: null, dueWhat: null };
  const first =
    c.firstReplyAt === null && target.firstResponse !== null ? addBusiness(cal, createdAt, target.firstResponse * MINUTE) : null;
  const leftMs = target.resolution === null ? null : target.resolution * MINUTE - c.usedMs;
  // A clock already past its target when it stopped is due as soon as it runs again.
  const resolution = c.runningSince === null || leftMs === null ? null : addBusiness(cal, c.runningSince, Math.max(0, leftMs));
  if (first !== null && (resolution === null || first <= resolution)) return { dueAt: first, dueWhat: 'first_response' };
  return { dueAt: resolution, dueWhat: resolution === null ? null : 'resolution' };
}

/** While waiting on the customer: the business ms the resolution target had left when the clock stopped (negative: over). */
export const pausedLeft = (target: Target, usedMs: number): number | null =>
  target.resolution === null ? null : target.resolution * MINUTE - usedMs;

/** Business ms from `now` to `dueAt`; negative once it is past (by the business time since). */
export const businessLeft = (cal: Hours, dueAt: number, now: number): number =>
  now <= dueAt ? businessBetween(cal, now, dueAt) : -businessBetween(cal, dueAt, now);
