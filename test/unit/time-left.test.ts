/**
 * A submission's service clock in words (renderer/src/format/time-left.ts), rendered by i18next from the desk's
 * own texts in both languages: minutes, hours and minutes under a working day, working days (of 8 hours) with
 * their hours up to five days and alone after; overdue, paused (with time left or already over) and nothing for
 * a closed submission or one without a target.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import i18next from 'i18next';
import { en } from '../../renderer/src/i18n/en.ts';
import { vi } from '../../renderer/src/i18n/vi.ts';
import { spanText, timeLeft, type Clock } from '../../renderer/src/format/time-left.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const TIMEOUT = { timeout: 10_000 };

async function translator(lng: 'vi' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { [lng]: { translation: lng === 'vi' ? vi : en } }, interpolation: { escapeValue: false } });
  return i18n.t;
}
const running = (leftMs: number, dueWhat: Clock['dueWhat'] = 'first_response'): Clock => ({ dueWhat, leftMs, pausedLeftMs: null });
const paused = (pausedLeftMs: number): Clock => ({ dueWhat: null, leftMs: null, pausedLeftMs });

test('spans in business time, in Vietnamese and English', TIMEOUT, async () => {
  const cases: [number, string, string][] = [
    [30_000, 'dưới 1 phút', 'under 1 min'],
    [45 * MIN + 59_000, '45 phút', '45 min'],
    [2 * HOUR, '2 giờ', '2 h'],
    [3 * HOUR + 20 * MIN, '3 giờ 20 phút', '3 h 20 min'],
    [8 * HOUR - 1, '7 giờ 59 phút', '7 h 59 min'],
    [8 * HOUR, '1 ngày làm việc', '1 working day'],
    [12 * HOUR + 30 * MIN, '1 ngày làm việc 4 giờ', '1 working day 4 h'],
    [39 * HOUR, '4 ngày làm việc 7 giờ', '4 working days 7 h'],
    [41 * HOUR, '5 ngày làm việc', '5 working days'],
    [-(24 * HOUR), '3 ngày làm việc', '3 working days'],
  ];
  const [tv, te] = [await translator('vi'), await translator('en')];
  for (const [ms, said, saidEn] of cases) {
    assert.equal(spanText(tv, ms), said, `${ms} ms`);
    assert.equal(spanText(te, ms), saidEn, `${ms} ms`);
  }
});

test('time left, overdue with its word, paused, and nothing when closed or without a target', TIMEOUT, async () => {
  const t = await translator('vi');
  assert.deepEqual(timeLeft(t, 'new', running(3 * HOUR + 20 * MIN)), {
    state: 'left',
    text: 'Còn 3 giờ 20 phút',
    what: 'phản hồi đầu tiên',
    soon: false,
  });
  assert.deepEqual(timeLeft(t, 'open', running(-2 * HOUR, 'resolution')), {
    state: 'overdue',
    text: 'Quá hạn 2 giờ',
    what: 'xử lý xong',
    soon: false,
  });
  assert.equal(timeLeft(t, 'open', running(40 * MIN))?.soon, true, 'under an hour left is marked');
  assert.equal(timeLeft(t, 'open', running(0))?.text, 'Còn dưới 1 phút', 'not overdue until it is past');
  assert.deepEqual(timeLeft(t, 'waiting', paused(5 * HOUR)), {
    state: 'paused',
    text: 'Tạm dừng — còn 5 giờ',
    what: 'xử lý xong',
    soon: false,
  });
  assert.equal(timeLeft(t, 'waiting', paused(-30 * MIN))?.text, 'Tạm dừng — quá hạn 30 phút');
  assert.equal(timeLeft(t, 'closed', running(HOUR)), null);
  assert.equal(timeLeft(t, 'open', { dueWhat: null, leftMs: null, pausedLeftMs: null }), null);
  assert.equal(timeLeft(t, 'waiting', { dueWhat: null, leftMs: null, pausedLeftMs: null }), null, 'waiting with no resolution target');

  const e = await translator('en');
  assert.equal(timeLeft(e, 'new', running(3 * HOUR + 20 * MIN))?.text, '3 h 20 min left');
  assert.equal(timeLeft(e, 'open', running(-2 * HOUR))?.text, '2 h overdue');
  assert.equal(timeLeft(e, 'open', running(-24 * HOUR))?.text, '3 working days overdue');
  assert.equal(timeLeft(e, 'waiting', paused(5 * HOUR))?.text, 'Paused — 5 h left');
  assert.equal(timeLeft(e, 'new', running(HOUR))?.what, 'first response');
});
