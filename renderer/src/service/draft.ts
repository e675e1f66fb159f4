/**
 * The service settings as a director types them: each working period's start and end as text (08:00, 24:00 for
 * the end of the day), each inbox's targets in working hours as text (blank: no target; 1,5 or 1.5), the holidays
 * as the list they are. Read from the settings in force, and turned back into settings checked by the shared
 * schema (the one the API and the hub check with), each problem tied to the field it is about.
 */
import type { TFunction } from 'i18next';
import { Holiday } from '../../../common/sla/calendar.ts';
import { ServiceSettings } from '../../../common/sla/clock.ts';
import { SUBMISSION_KINDS, type SubmissionKind } from '../../../common/vocabulary/submissions.ts';
import { parseDay } from '../format/dates.ts';
import { issuesByField } from '../forms/problems.ts';

export const TARGET_FIELDS = ['firstResponse', 'resolution'] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];
/** A day has at most this many working periods (the calendar's schema says the same). */
export const MAX_PERIODS = 4;

export interface Period {
  from: string;
  to: string;
}
export interface Draft {
  /** Monday first. */
  week: Period[][];
  holidays: Holiday[];
  targets: Record<SubmissionKind, Record<TargetField, string>>;
}
/** Why a field is refused, by its id (periodId, dayId, targetId). */
export type Problems = Record<string, string>;

export const periodId = (day: number, n: number, end: keyof Period) => `week-${day}-${n}-${end}`;
export const dayId = (day: number) => `week-${day}`;
export const targetId = (kind: SubmissionKind, field: TargetField) => `target-${kind}-${field}`;

const pad = (n: number) => String(n).padStart(2, '0');
export const timeText = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** "8", "08:00", "8:30", "8.30" or "8h30" as minutes since midnight; null when it is no time of day (24:00 is). */
export function parseTime(typed: string): number | null {
  const m = /^(\d{1,2})(?:[:.hg](\d{2}))?$/i.exec(typed.trim());
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2] ?? 0);
  return Number(m[2] ?? 0) < 60 && minutes <= 24 * 60 ? minutes : null;
}

/** Minutes as hours the way the person's language writes a decimal (1,5 in Vietnamese). */
export const hoursText = (minutes: number | null, language: string) =>
  minutes === null
    ? ''
    : new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 2, useGrouping: false }).format(minutes / 60);

/** Typed hours as whole minutes; null when blank (no target); NaN when it is no number of hours. */
function parseHours(typed: string): number | null {
  const s = typed.trim().replace(',', '.');
  if (s === '') return null;
  const hours = /^\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
  return Math.round(hours * 60);
}

export function draftOf(settings: ServiceSettings, language: string): Draft {
  return {
    week: settings.calendar.week.map((day) => day.map(([from, to]) => ({ from: timeText(from), to: timeText(to) }))),
    holidays: [...settings.calendar.holidays].sort((a, b) => a.date.localeCompare(b.date)),
    targets: Object.fromEntries(
      SUBMISSION_KINDS.map((k) => [
        k,
        Object.fromEntries(TARGET_FIELDS.map((f) => [f, hoursText(settings.targets[k][f], language)])) as Record<TargetField, string>,
      ]),
    ) as Draft['targets'],
  };
}

/**
 * The settings the draft says, or the problems that keep it from saying any. What this screen does not edit
 * (a warranty setting kept in the same settings) is carried over from the settings in force.
 */
export function settingsOf(t: TFunction, draft: Draft, inForce: ServiceSettings): { settings: ServiceSettings } | { problems: Problems } {
  const problems: Problems = {};
  const week = draft.week.map((day, d) =>
    day.map((p, n): [number, number] => {
      const [from, to] = [parseTime(p.from), parseTime(p.to)];
      if (from === null) problems[periodId(d, n, 'from')] = t('service.problems.time');
      if (to === null) problems[periodId(d, n, 'to')] = t('service.problems.time');
      return [from ?? 0, to ?? 0];
    }),
  );
  const targets = Object.fromEntries(
    SUBMISSION_KINDS.map((k) => [
      k,
      Object.fromEntries(
        TARGET_FIELDS.map((f) => {
          const minutes = parseHours(draft.targets[k][f]);
          if (minutes !== null && !(minutes >= 1)) problems[targetId(k, f)] = t('service.problems.hours');
          return [f, minutes];
        }),
      ),
    ]),
  );
  if (Object.keys(problems).length > 0) return { problems };
  const parsed = ServiceSettings.safeParse({ ...inForce, calendar: { week, holidays: draft.holidays }, targets });
  if (parsed.success) return { settings: parsed.data };
  for (const issue of parsed.error.issues) {
    const [top, block, key, n] = issue.path as (string | number)[];
    if (top === 'targets') problems[targetId(block as SubmissionKind, key as TargetField)] ??= t('service.problems.tooBig');
    else if (block === 'week' && n !== undefined) problems[periodId(Number(key), Number(n), 'to')] ??= t('service.problems.order');
    else if (block === 'week') problems[dayId(Number(key))] ??= t('service.problems.overlap');
    // The holidays were each checked as they were added, and a date is never listed twice.
    else problems.form ??= t('service.problems.fix');
  }
  return { problems };
}

/** A holiday as typed (a day as dd/mm/yyyy and a name), checked by the shared schema; a date listed already refused. */
export function holidayOf(
  t: TFunction,
  typed: { date: string; name: string },
  listed: readonly Holiday[],
): { holiday: Holiday } | { problems: Partial<Record<keyof Holiday, string>> } {
  const date = parseDay(typed.date);
  const parsed = Holiday.safeParse({ date, name: typed.name.trim() });
  const real = !Number.isNaN(Date.parse(date)) && new Date(date).toISOString().startsWith(date);
  const issues = parsed.success ? {} : issuesByField(parsed.error.issues);
  const problems: Partial<Record<keyof Holiday, string>> = {};
  if (issues.date || !real) problems.date = t('service.problems.day');
  else if (listed.some((h) => h.date === date)) problems.date = t('service.problems.dayTaken');
  if (issues.name) problems.name = t('service.problems.name');
  return parsed.success && Object.keys(problems).length === 0 ? { holiday: parsed.data } : { problems };
}
