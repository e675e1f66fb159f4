/**
 * The legal clocks of a customer's data request: acknowledgement in 2 working days of the business calendar
 * (its Sunday off, its Saturday morning worked, Tết and the days in lieu off), completion in 15 calendar days
 * (20 with a third party), one extension added to it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CALENDAR, hoursOf } from '../../common/sla/calendar.ts';
import { needsAction, requestClock, type RequestTimes } from '../../common/requests/clocks.ts';
import { publicHolidays } from '../../main/core/domain/holidays.ts';

const HOUR = 3_600_000;
const vn = (date: string, time: string) => Date.parse(`${date}T${time}:00+07:00`);
const day = (t: number | null) => (t === null ? null : new Date(t + 7 * HOUR).toISOString().slice(0, 16).replace('T', ' '));

const cal = hoursOf({ ...DEFAULT_CALENDAR, holidays: [...publicHolidays(2026), ...publicHolidays(2027)] });
const weekdaysOnly = hoursOf({ ...DEFAULT_CALENDAR, week: [...DEFAULT_CALENDAR.week.slice(0, 5), [], []], holidays: [] });
const open = (requestedAt: number, more: Partial<RequestTimes> = {}): RequestTimes => ({
  requestedAt,
  status: 'pending',
  thirdParty: false,
  extensionDays: null,
  acknowledgedAt: null,
  decidedAt: null,
  ...more,
});

test('a request on Friday evening is acknowledged by the end of Monday when Saturday is worked, of Tuesday when it is not', () => {
  const friday = vn('2026-12-04', '21:30');
  // Saturday 5 (a morning of work) and Monday 7; Sunday is off.
  assert.equal(day(requestClock(cal, open(friday), friday).ackDueAt), '2026-12-08 00:00');
  assert.equal(day(requestClock(weekdaysOnly, open(friday), friday).ackDueAt), '2026-12-09 00:00');
});

test('Tết does not count towards the acknowledgement, and counts towards completion, which runs in calendar days', () => {
  const before = vn('2027-02-04', '10:00'); // Thursday; 5–9 February are Tết, the 10th is a day in lieu
  const clock = requestClock(cal, open(before), before);
  // Working days after the 4th: Thursday 11th, Friday 12th.
  assert.equal(day(clock.ackDueAt), '2027-02-13 00:00');
  // 15 calendar days from the 5th: the end of the 19th.
  assert.equal(day(clock.completionDueAt), '2027-02-20 00:00');
});

test('a third party makes it 20 days; one extension adds its days; lateness is judged on the clocks', () => {
  const sent = vn('2026-12-01', '09:00');
  assert.equal(day(requestClock(cal, open(sent, { thirdParty: true }), sent).completionDueAt), '2026-12-22 00:00');
  const extended = open(sent, { extensionDays: 10, acknowledgedAt: vn('2026-12-02', '08:00') });
  const at20th = requestClock(cal, extended, vn('2026-12-20', '12:00'));
  assert.equal(day(at20th.completionDueAt), '2026-12-27 00:00');
  assert.deepEqual({ ackLate: at20th.ackLate, overdue: at20th.overdue }, { ackLate: false, overdue: false });
  const unextended = requestClock(cal, open(sent), vn('2026-12-20', '12:00'));
  assert.deepEqual({ ackLate: unextended.ackLate, overdue: unextended.overdue }, { ackLate: true, overdue: true });
  // Completed on time and looked at later: not overdue.
  const done = requestClock(cal, open(sent, { status: 'completed', decidedAt: vn('2026-12-10', '10:00') }), vn('2027-03-01', '00:00'));
  assert.deepEqual({ ackLate: done.ackLate, overdue: done.overdue }, { ackLate: true, overdue: false });
});

test('a calendar without working days has no acknowledgement time, and the completion clock still runs', () => {
  const none = hoursOf({ week: [[], [], [], [], [], [], []], holidays: [] });
  const sent = vn('2026-12-01', '09:00');
  const clock = requestClock(none, open(sent), sent);
  assert.equal(clock.ackDueAt, null);
  assert.equal(day(clock.completionDueAt), '2026-12-17 00:00');
});

test('a director must act on a request not acknowledged in time or not carried out in time; a late acknowledgement made is history', () => {
  const sent = vn('2026-12-01', '09:00');
  const at = vn('2026-12-08', '09:00'); // a week on: past the 2 working days, within the 15 days
  const late = (more: Partial<RequestTimes>) => needsAction(more.status ?? 'pending', requestClock(cal, open(sent, more), at));
  assert.equal(late({}), true, 'still not acknowledged, past its time');
  assert.equal(late({ status: 'acknowledged', acknowledgedAt: vn('2026-12-07', '10:00') }), false, 'acknowledged late: nothing to do now');
  assert.equal(late({ status: 'acknowledged', acknowledgedAt: vn('2026-12-02', '10:00') }), false);
  const weeksLater = vn('2026-12-20', '09:00');
  const acknowledged = open(sent, { status: 'acknowledged', acknowledgedAt: vn('2026-12-02', '10:00') });
  assert.equal(needsAction('acknowledged', requestClock(cal, acknowledged, weeksLater)), true, 'past its 15 days');
  const completedLate = open(sent, {
    status: 'completed',
    acknowledgedAt: vn('2026-12-02', '10:00'),
    decidedAt: vn('2026-12-19', '10:00'),
  });
  assert.equal(needsAction('completed', requestClock(cal, completedLate, weeksLater)), false, 'decided: nothing left to do');
});
