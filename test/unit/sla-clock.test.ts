/**
 * Service clocks in business time: across a weekend with its Saturday morning, the lunch break, Tết with its
 * day off in lieu, and a pause while the submission waits on the customer.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addBusiness, businessBetween, DEFAULT_CALENDAR, hoursOf } from '../../common/sla/calendar.ts';
import { DEFAULT_TARGETS, dueOf, pausedLeft, runClock } from '../../common/sla/clock.ts';
import { publicHolidays } from '../../main/core/domain/holidays.ts';

const HOUR = 3_600_000;
/** An instant given on Vietnam's wall clock (UTC+7). */
const vn = (date: string, time: string) => Date.parse(`${date}T${time}:00+07:00`);
const at = (t: number | null) => (t === null ? null : new Date(t + 7 * HOUR).toISOString().slice(0, 16).replace('T', ' '));

const cal = hoursOf({ ...DEFAULT_CALENDAR, holidays: [...publicHolidays(2026), ...publicHolidays(2027)] });
const complaint = DEFAULT_TARGETS.complaint; // 4 business hours to the first reply, 24 to close

test('a complaint sent late on Friday is due on Saturday morning for its first reply, and on Wednesday to close', () => {
  const sent = vn('2026-12-04', '16:00'); // a Friday
  const clock = runClock(cal, sent, []);
  assert.deepEqual(
    { ...dueOf(cal, complaint, sent, clock), dueAt: at(dueOf(cal, complaint, sent, clock).dueAt) },
    { dueAt: '2026-12-05 10:30', dueWhat: 'first_response' }, // 1.5 h on Friday, 2.5 h on Saturday morning
  );
  const replied = runClock(cal, sent, [{ at: vn('2026-12-05', '09:00'), reply: true }]);
  const due = dueOf(cal, complaint, sent, replied);
  // Friday 1.5 h, Saturday 4 h, Monday 8 h, Tuesday 8 h, then 2.5 h on Wednesday morning: Sunday and lunch do not count.
  assert.deepEqual({ ...due, dueAt: at(due.dueAt) }, { dueAt: '2026-12-09 10:30', dueWhat: 'resolution' });
});

test('Tết, the days around it and the day off in lieu do not count', () => {
  const sent = vn('2027-02-04', '17:00'); // Thursday before the lunar new year's eve
  const due = dueOf(cal, complaint, sent, runClock(cal, sent, []));
  // Half an hour on Thursday; 5–9 February are Tết, the 10th is in lieu of mùng 2 (a Sunday).
  assert.equal(at(due.dueAt), '2027-02-11 11:30');
  assert.equal(businessBetween(cal, vn('2027-02-04', '17:00'), vn('2027-02-11', '08:00')), 0.5 * HOUR);
});

test('the clock stops while waiting on the customer and goes on from what was left when reopened', () => {
  const sent = vn('2026-12-04', '16:00');
  const events = [
    { at: vn('2026-12-05', '09:00'), reply: true as const },
    { at: vn('2026-12-07', '09:00'), status: 'waiting' as const }, // 1.5 + 4 + 1 = 6.5 h used
  ];
  const waiting = runClock(cal, sent, events);
  assert.equal(waiting.usedMs, 6.5 * HOUR);
  assert.equal(waiting.runningSince, null);
  assert.deepEqual(dueOf(cal, complaint, sent, waiting), { dueAt: null, dueWhat: null });
  assert.equal(pausedLeft(complaint, waiting.usedMs), 17.5 * HOUR);

  const reopened = runClock(cal, sent, [...events, { at: vn('2026-12-09', '14:00'), status: 'open' }]);
  // 17.5 h left from Wednesday 14:00: 3.5 that afternoon, 8 on Thursday, 4 + 2 on Friday.
  assert.equal(at(dueOf(cal, complaint, sent, reopened).dueAt), '2026-12-11 15:30');

  const closed = runClock(cal, sent, [
    ...events,
    { at: vn('2026-12-09', '14:00'), status: 'open' },
    { at: vn('2026-12-10', '09:00'), status: 'closed' },
  ]);
  assert.deepEqual(dueOf(cal, complaint, sent, closed), { dueAt: null, dueWhat: null });
  assert.equal(closed.usedMs, (6.5 + 3.5 + 1) * HOUR);
});

test('business time ends at a period’s end, resumes after lunch, and a calendar with no hours has no due time', () => {
  const monday = '2026-12-07';
  assert.equal(at(addBusiness(cal, vn(monday, '08:00'), 4 * HOUR)), '2026-12-07 12:00');
  assert.equal(at(addBusiness(cal, vn(monday, '08:00'), 4 * HOUR + 60_000)), '2026-12-07 13:31');
  assert.equal(at(addBusiness(cal, vn(monday, '12:45'), 0)), '2026-12-07 13:30');
  assert.equal(businessBetween(cal, vn(monday, '11:00'), vn(monday, '14:00')), 1.5 * HOUR);
  assert.equal(businessBetween(cal, vn(monday, '14:00'), vn(monday, '11:00')), 0);
  assert.equal(addBusiness(hoursOf({ week: [[], [], [], [], [], [], []], holidays: [] }), vn(monday, '08:00'), HOUR), null);
});

test('a year’s public holidays follow the Labour Code, with a Sunday holiday’s day off on the next working day', () => {
  const y2026 = publicHolidays(2026).map((h) => h.date);
  assert.ok(
    ['2026-01-01', '2026-02-16', '2026-02-17', '2026-02-20', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02'].every((d) =>
      y2026.includes(d),
    ),
  );
  assert.equal(y2026.length, 12);
  // Giỗ Tổ Hùng Vương (10/3 lunar) falls on Sunday 26 April 2026: Monday the 27th is off in lieu.
  assert.deepEqual(
    publicHolidays(2026).filter((h) => h.date.startsWith('2026-04-2')),
    [
      { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương' },
      { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
    ],
  );
});

test('a span of months, counted a week at a time, equals the sum of its days, Tết and the holidays at its edges included', () => {
  const DAY = 24 * HOUR;
  const dayByDay = (from: number, to: number) => {
    let total = 0;
    for (let t = from; t < to; t += DAY) total += businessBetween(cal, t, Math.min(t + DAY, to));
    return total;
  };
  const spans: [number, number][] = [
    [vn('2026-01-01', '09:15'), vn('2027-12-31', '16:40')], // two years, from a holiday to a Friday
    [vn('2027-01-20', '13:00'), vn('2027-02-17', '10:00')], // across Tết
    [vn('2026-04-24', '23:59'), vn('2026-05-04', '00:00')], // Giỗ Tổ, 30/4 and 1/5 near the week's edges
    [vn('2026-08-30', '12:00'), vn('2026-09-29', '12:00')],
  ];
  for (const [from, to] of spans) assert.equal(businessBetween(cal, from, to), dayByDay(from, to), `${at(from)} → ${at(to)}`);
  assert.equal(businessBetween(cal, vn('2026-12-07', '08:00'), vn('2026-12-21', '08:00')), 2 * 44 * HOUR); // two plain weeks
});
