/**
 * A submission's service clock in words: how much business time is left before its next target, how far it is
 * past it, or, while it waits on the customer, what the resolution target had left when the clock stopped.
 * Every list and the detail pane say it through this one module, so a row and its detail never disagree.
 *
 * The clock counts working hours only (common/sla/calendar.ts), so spans are in business time:
 * - under a minute: "dưới 1 phút" (a clock that just ran out still reads as overdue only once it is negative);
 * - under one business day (8 working hours, the day the default targets are counted in): hours and minutes,
 *   "3 giờ 20 phút", the minutes left out when there are none ("2 giờ");
 * - from one business day: days of 8 working hours, said as "ngày làm việc" so nobody reads them as calendar
 *   days, with the hours left over up to five days ("1 ngày làm việc 4 giờ") and days alone after that, where
 *   the hours no longer matter ("9 ngày làm việc").
 * Every span is rounded down to its smallest unit shown, the same way whether time is left or over.
 */
import type { TFunction } from 'i18next';
import type { Status } from '../../../common/vocabulary/submissions.ts';
import type { Output } from '../../../main/api/contract.ts';

export type Clock = Output<'work.mine'>['rows'][number]['clock'];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A business day: the default targets count a day as eight working hours. */
export const BUSINESS_DAY = 8 * HOUR;
/** From this many business days on, a span is said in whole days. */
const DAYS_ONLY = 5;

/** A business-time span (its size: the sign is said by the words around it). */
export function spanText(t: TFunction, ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return t('service.clock.span.underMinute');
  if (abs < HOUR) return t('service.clock.span.minutes', { m: Math.floor(abs / MINUTE) });
  if (abs < BUSINESS_DAY) {
    const h = Math.floor(abs / HOUR);
    const m = Math.floor((abs % HOUR) / MINUTE);
    return m === 0 ? t('service.clock.span.hours', { h }) : t('service.clock.span.hoursMinutes', { h, m });
  }
  const days = Math.floor(abs / BUSINESS_DAY);
  const h = Math.floor((abs % BUSINESS_DAY) / HOUR);
  return days >= DAYS_ONLY || h === 0
    ? t('service.clock.span.days', { count: days })
    : t('service.clock.span.daysHours', { count: days, h });
}

/** How a clock stands: time left, past its target, or stopped while the customer is waited on. */
export type ClockState = 'left' | 'overdue' | 'paused' | 'pausedOver';

export interface TimeLeft {
  state: ClockState;
  /** "Còn 3 giờ 20 phút", "Quá hạn 2 giờ", "Tạm dừng — còn 5 giờ". */
  text: string;
  /** The target it is counted against ("phản hồi đầu tiên", "xử lý xong"). */
  what: string;
  /** Less than an hour of business time left: the lists show it in a warning colour. */
  soon: boolean;
}

/** What a submission's clock says; null when there is nothing to say (closed, or no target in force). */
export function timeLeft(t: TFunction, status: Status, clock: Clock): TimeLeft | null {
  if (status === 'closed') return null;
  if (clock.leftMs === null && clock.pausedLeftMs !== null) {
    const over = clock.pausedLeftMs < 0;
    return {
      state: over ? 'pausedOver' : 'paused',
      text: t(over ? 'service.clock.pausedOver' : 'service.clock.paused', { span: spanText(t, clock.pausedLeftMs) }),
      // Only the resolution clock stops; its first reply was sent, or there is no first-response target.
      what: t('service.clock.what.resolution'),
      soon: false,
    };
  }
  if (clock.leftMs === null || clock.dueWhat === null) return null;
  const over = clock.leftMs < 0;
  return {
    state: over ? 'overdue' : 'left',
    text: t(over ? 'service.clock.overdue' : 'service.clock.left', { span: spanText(t, clock.leftMs) }),
    what: t(`service.clock.what.${clock.dueWhat}`),
    soon: !over && clock.leftMs < HOUR,
  };
}
