/**
 * A data request's legal clocks in words (common/requests/clocks.ts): the acknowledgement due in 2 working days,
 * the completion due in 15 days (20 with a third party, plus one extension), both to the end of their last day.
 * The completion clock counts calendar days, so spans here are calendar time: "còn 12 ngày 3 giờ", "quá hạn 2 ngày".
 * Counted against the moment the screen last ticked, so a row's time left moves while it is on screen.
 */
import type { TFunction } from 'i18next';
import type { Output } from '../../../main/api/contract.ts';

export type RequestRow = Output<'requests.list'>[number];
export type RequestStatus = RequestRow['status'];
export type RequestType = RequestRow['type'];
export type RequestChannel = RequestRow['channel'];

// The vocabularies of common/requests/requests.ts, spelled here so the renderer does without zod.
export const REQUEST_TYPES = ['profile_change', 'deletion', 'consent_withdrawal', 'data_copy'] as const satisfies readonly RequestType[];
export const STAFF_CHANNELS = ['email', 'phone', 'in_person'] as const satisfies readonly RequestChannel[];
export const PROFILE_FIELDS = ['fullName', 'email', 'phone', 'address'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export const MAX_EXTENSION_DAYS = 15;
/** A verification code as the hub emails it (common/requests/requests.ts VERIFICATION_CODE). */
export const VERIFICATION_CODE = /^\d{6}$/;

export const isOpen = (s: RequestStatus) => s === 'pending' || s === 'acknowledged';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** From this many days on, a span is said in whole days: the hours no longer matter. */
const DAYS_ONLY = 3;

/** A calendar span (its size: the sign is said by the words around it). */
export function daySpan(t: TFunction, ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return t('requests.clock.underMinute');
  if (abs < HOUR) return t('requests.clock.minutes', { m: Math.floor(abs / MINUTE) });
  if (abs < DAY) return t('requests.clock.hours', { h: Math.floor(abs / HOUR) });
  const days = Math.floor(abs / DAY);
  const h = Math.floor((abs % DAY) / HOUR);
  return days >= DAYS_ONLY || h === 0 ? t('requests.clock.days', { count: days }) : t('requests.clock.daysHours', { count: days, h });
}

export interface DueText {
  /** "còn 3 ngày 4 giờ", "quá hạn 2 ngày", "đã xác nhận". */
  text: string;
  late: boolean;
}

/** The acknowledgement: due (time left or over), or done (late or in time). */
export function ackDue(t: TFunction, r: RequestRow, now: number): DueText {
  // Made late, it is history: said, not a reason to act (common/requests/clocks.ts needsAction).
  if (r.status !== 'pending')
    return { text: t(r.clock.ackLate ? 'requests.clock.acknowledgedLate' : 'requests.clock.acknowledged'), late: false };
  if (r.clock.ackDueAt === null) return { text: t('requests.clock.noWorkingDay'), late: false };
  const left = r.clock.ackDueAt - now;
  const late = r.clock.ackLate || left < 0;
  return { text: t(late ? 'requests.clock.over' : 'requests.clock.left', { span: daySpan(t, left) }), late };
}

/** The completion: time left or over while open; once decided, whether it was in time. */
export function completionDue(t: TFunction, r: RequestRow, now: number): DueText {
  if (!isOpen(r.status))
    return { text: t(r.clock.overdue ? 'requests.clock.decidedLate' : 'requests.clock.decidedInTime'), late: r.clock.overdue };
  const left = r.clock.completionDueAt - now;
  const late = r.clock.overdue || left < 0;
  return { text: t(late ? 'requests.clock.over' : 'requests.clock.left', { span: daySpan(t, left) }), late };
}

/** Late on either clock: the row is shown in the danger colour, with a word saying which. */
export const isLate = (t: TFunction, r: RequestRow, now: number) =>
  isOpen(r.status) && (ackDue(t, r, now).late || completionDue(t, r, now).late);
