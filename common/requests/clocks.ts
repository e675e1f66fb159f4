/**
 * The legal clocks of a customer's request about their data (Decree 356/2025): acknowledge it within 2 working
 * days, carry it out within 15 days (20 when a processor or another party must act too), which may be extended
 * once by at most 15 days with the reason recorded. Working days come from the business calendar (weekends and
 * public holidays off); the completion clock counts calendar days. Each clock runs to the end of its last day,
 * Vietnam time, counted from the day after the request arrived.
 */
import { endOfWorkingDays, endOfDays, type Hours } from '../sla/calendar.ts';
import { isOpen, type RequestStatus } from './requests.ts';

export const ACK_WORKING_DAYS = 2;
export const COMPLETION_DAYS = 15;
export const COMPLETION_DAYS_THIRD_PARTY = 20;

export interface RequestTimes {
  requestedAt: number;
  status: RequestStatus;
  thirdParty: boolean;
  extensionDays: number | null;
  acknowledgedAt: number | null;
  decidedAt: number | null;
}

export interface RequestClock {
  /** When the acknowledgement is due; null when the calendar has no working day ahead. */
  ackDueAt: number | null;
  /** Acknowledged after its time, or still not acknowledged and past it. */
  ackLate: boolean;
  completionDueAt: number;
  /** Still open past the completion time, or completed after it. */
  overdue: boolean;
}

/** The end of the day by which a request must be carried out: 15 or 20 days, plus its extension. */
export const completionDueAt = (r: Pick<RequestTimes, 'requestedAt' | 'thirdParty' | 'extensionDays'>): number =>
  endOfDays(r.requestedAt, (r.thirdParty ? COMPLETION_DAYS_THIRD_PARTY : COMPLETION_DAYS) + (r.extensionDays ?? 0));

/**
 * Past a clock that can still be met, so a director must act now: not acknowledged past its time, or not carried out
 * past its time. An acknowledgement made late is history, shown as such, not a reason to act (escalated and counted
 * as late while it is not yet made).
 */
export const needsAction = (status: RequestStatus, clock: RequestClock): boolean =>
  (status === 'pending' && clock.ackLate) || (isOpen(status) && clock.overdue);

export function requestClock(cal: Hours, r: RequestTimes, now: number): RequestClock {
  const ackDueAt = endOfWorkingDays(cal, r.requestedAt, ACK_WORKING_DAYS);
  const ackAt = r.acknowledgedAt ?? r.decidedAt ?? now;
  const completionDue = completionDueAt(r);
  return {
    ackDueAt,
    ackLate: ackDueAt !== null && ackAt > ackDueAt,
    completionDueAt: completionDue,
    overdue: (r.decidedAt ?? now) > completionDue,
  };
}
