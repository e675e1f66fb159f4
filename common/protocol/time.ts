/**
 * Which times the website and the desks may send. Every accepted value must fit a JS Date and PostgreSQL's
 * timestamptz (a year-0000 date or a +23:59 offset used to make the hub answer 500), and be plausible:
 * this retailer's data starts in this century and nothing is sent from the future. A value outside gets a
 * 400 naming its field instead of a row that breaks every desk that pulls it.
 */
import { z } from 'zod';

/** The largest time a JS Date holds (±100,000,000 days from 1970); later ones cannot even be shown. */
export const MAX_DATE_MS = 8.64e15;
/** No customer wrote to this retailer before 2000: an earlier instant is a bug or an attack. */
export const EARLIEST_INSTANT_MS = Date.UTC(2000, 0, 1);
/** How far ahead of the hub the website's server clock may run; NTP keeps real servers well inside it. */
export const WEBSITE_CLOCK_SKEW_MS = 10 * 60 * 1000;
/** How far ahead a desk's clock may run: workstations drift more, and a refused push holds up its outbox. */
export const DESK_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;
/** The earliest purchase a warranty request may name; goods bought before that are out of any warranty. */
export const EARLIEST_PURCHASE_DATE = '1990-01-01';
/** Real time zones run from UTC-12:00 to UTC+14:00 (PostgreSQL itself refuses offsets past ±15:59). */
const OFFSET_MIN = { earliest: -12 * 60, latest: 14 * 60 };

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function offsetMinutes(s: string): number {
  const m = /([+-])(\d\d):(\d\d)$/.exec(s);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

const plausible = (ms: number, skewMs: number) => ms >= EARLIEST_INSTANT_MS && ms <= Date.now() + skewMs;

/** An ISO 8601 date and time with its zone, as the website sends it. */
export const websiteInstant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date and time with a time zone' })
  .refine((s) => {
    const offset = offsetMinutes(s);
    return offset >= OFFSET_MIN.earliest && offset <= OFFSET_MIN.latest;
  }, 'must have a time zone between -12:00 and +14:00')
  .refine((s) => plausible(Date.parse(s), WEBSITE_CLOCK_SKEW_MS), 'must be between 2000-01-01 and now');

/** Milliseconds since 1970 from a desk's clock: when a person made a change. */
export const deskInstant = z
  .number()
  .int('must be whole milliseconds')
  .refine((ms) => plausible(ms, DESK_CLOCK_SKEW_MS), 'must be between 2000-01-01 and now');

/** A calendar date of the past (YYYY-MM-DD): not before 1990, not after today anywhere on Earth (UTC+14). */
export const pastDate = z.iso
  .date('must be a date (YYYY-MM-DD)')
  .refine((d) => d >= EARLIEST_PURCHASE_DATE, `must not be before ${EARLIEST_PURCHASE_DATE}`)
  .refine((d) => d <= day(Date.now() + OFFSET_MIN.latest * 60 * 1000), 'must not be in the future');
