/**
 * The retailer's business calendar: the working hours of each weekday and the public holidays, and the
 * arithmetic of business time over it. Service targets are counted in it, so a complaint sent on Friday
 * evening is not late on Monday morning, and Tết does not count at all.
 *
 * Times are in Vietnam's wall clock (UTC+7 all year: no daylight saving), so a day is a fixed 24 hours and
 * the arithmetic needs no time-zone database. Hours are minutes since midnight; a day's hours are separate,
 * ordered intervals (a lunch break is the gap between two).
 */
import { z } from 'zod';
import { line } from '../text/schemas.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY = 24 * HOUR;
/** Vietnam's offset from UTC, in ms. */
const VIETNAM = 7 * HOUR;
/** A business-time walk stops after this many days: a calendar with no working hour ahead has no due time. */
const HORIZON_DAYS = 3 * 366;

const Minute = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);
const Interval = z.tuple([Minute, Minute]).refine(([from, to]) => from < to, 'a period must end after it starts');
const DayHours = z
  .array(Interval)
  .max(4)
  .refine((d) => d.every(([from], i) => i === 0 || from >= d[i - 1]![1]), 'periods of a day must be in order and not overlap');
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');
export const Holiday = z.object({ date: IsoDate, name: line(100) }).strict();
export type Holiday = z.infer<typeof Holiday>;

export const BusinessCalendar = z
  .object({
    /** Monday first (index 0) to Sunday (index 6). */
    week: z.array(DayHours).length(7),
    holidays: z.array(Holiday).max(1000),
  })
  .strict()
  .refine((c) => new Set(c.holidays.map((h) => h.date)).size === c.holidays.length, 'a date is listed as a holiday twice');
export type BusinessCalendar = z.infer<typeof BusinessCalendar>;

const h = (hours: number, minutes = 0) => hours * 60 + minutes;
const OFFICE: [number, number][] = [
  [h(8), h(12)],
  [h(13, 30), h(17, 30)],
];
/** Monday to Friday 8:00–12:00 and 13:30–17:30, Saturday morning 8:00–12:00; holidays are added per year. */
export const DEFAULT_CALENDAR: BusinessCalendar = {
  week: [OFFICE, OFFICE, OFFICE, OFFICE, OFFICE, [[h(8), h(12)]], []],
  holidays: [],
};

/** A compiled calendar: the holidays as a set, for the walks below. */
export interface Hours {
  week: readonly (readonly (readonly [number, number])[])[];
  holidays: ReadonlySet<string>;
}
export const hoursOf = (c: BusinessCalendar): Hours => ({ week: c.week, holidays: new Set(c.holidays.map((x) => x.date)) });

/** The start (UTC ms) of the Vietnamese day holding `t`. */
const dayStart = (t: number) => Math.floor((t + VIETNAM) / DAY) * DAY - VIETNAM;
/** Monday 0 … Sunday 6. */
const weekday = (start: number) => (new Date(start + VIETNAM).getUTCDay() + 6) % 7;
const dateOf = (start: number) => new Date(start + VIETNAM).toISOString().slice(0, 10);

/** The working periods of the day starting at `start`, as UTC ms intervals. */
function periods(cal: Hours, start: number): [number, number][] {
  if (cal.holidays.has(dateOf(start))) return [];
  return cal.week[weekday(start)]!.map(([from, to]) => [start + from * MINUTE, start + to * MINUTE]);
}

/** Business ms between two instants, walked a day at a time. */
function walk(cal: Hours, from: number, to: number): number {
  let total = 0;
  for (let day = dayStart(from); day < to; day += DAY) {
    for (const [a, b] of periods(cal, day)) total += Math.max(0, Math.min(b, to) - Math.max(a, from));
  }
  return total;
}

const dayLength = (day: readonly (readonly [number, number])[]) => day.reduce((sum, [from, to]) => sum + (to - from) * MINUTE, 0);

/** The working time the holidays take out of the whole days in [from, to). */
function holidayTime(cal: Hours, from: number, to: number): number {
  let total = 0;
  for (const date of cal.holidays) {
    const start = Date.parse(`${date}T00:00:00Z`) - VIETNAM;
    if (start >= from && start < to) total += dayLength(cal.week[weekday(start)]!);
  }
  return total;
}

/**
 * Business ms between two instants (0 when `to` is not after `from`). Whole weeks between the first and the
 * last day are counted at once: a list shows how late items two years overdue are on every repaint.
 */
export function businessBetween(cal: Hours, from: number, to: number): number {
  if (to <= from) return 0;
  const midStart = dayStart(from) + DAY;
  const weeks = Math.floor((dayStart(to) - midStart) / (7 * DAY));
  if (weeks < 2) return walk(cal, from, to);
  const midEnd = midStart + weeks * 7 * DAY;
  const week = cal.week.reduce((sum, day) => sum + dayLength(day), 0);
  return walk(cal, from, midStart) + weeks * week - holidayTime(cal, midStart, midEnd) + walk(cal, midEnd, to);
}

/** The instant `ms` of business time after `from`; null when the calendar has no working time ahead. */
export function addBusiness(cal: Hours, from: number, ms: number): number | null {
  let left = ms;
  const first = dayStart(from);
  for (let day = first; day < first + HORIZON_DAYS * DAY; day += DAY) {
    for (const [a, b] of periods(cal, day)) {
      const start = Math.max(a, from);
      if (start >= b) continue;
      // A target met exactly at a period's end is due then, not at the next period's start.
      if (left <= b - start) return start + left;
      left -= b - start;
    }
  }
  return null;
}

/** Whether `t` falls in working hours. */
export const isWorking = (cal: Hours, t: number): boolean => periods(cal, dayStart(t)).some(([a, b]) => t >= a && t < b);

/** The end (Vietnam midnight) of the `n`th calendar day after the day holding `from`. */
export const endOfDays = (from: number, n: number): number => dayStart(from) + (n + 1) * DAY;

/**
 * The end (Vietnam midnight) of the `n`th working day after the day holding `from`: a day with working hours
 * that is not a holiday. Null when the calendar has none within its horizon.
 */
export function endOfWorkingDays(cal: Hours, from: number, n: number): number | null {
  let left = n;
  const first = dayStart(from);
  for (let day = first + DAY; day < first + HORIZON_DAYS * DAY; day += DAY) {
    if (periods(cal, day).length > 0 && --left === 0) return day + DAY;
  }
  return null;
}
