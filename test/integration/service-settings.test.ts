/**
 * The business calendar and service targets through the API: everyone who works an inbox reads them, only a
 * director changes them (on the version they saw), and a list page and a submission carry each row's clock:
 * the business time left, which target it is, and what is left while the clock waits on the customer.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertCustomer } from '../../main/core/domain/customers.ts';
import { insertSubmission } from '../../main/core/domain/submissions.ts';
import type { ServiceSettings } from '../../common/sla/clock.ts';
import { errorCode, result, signedIn } from '../support/api-calls.ts';
import { addStaff, tempDesk } from '../support/fixtures.ts';

const TIMEOUT = { timeout: 60_000 };
const HOUR = 3_600_000;
interface Clock {
  dueWhat: string | null;
  leftMs: number | null;
  pausedLeftMs: number | null;
}

test('directors change the calendar on the version they saw; operators read it; IT neither', TIMEOUT, async () => {
  const desk = await tempDesk();
  await addStaff(desk.store, 'giamdoc', 'director');
  await addStaff(desk.store, 'lan', 'operator', ['complaint']);
  await addStaff(desk.store, 'quantri', 'it_admin');
  const director = await signedIn(desk, 'giamdoc');
  const operator = await signedIn(desk, 'lan');
  const it = await signedIn(desk, 'quantri');

  const defaults = result<{ settings: ServiceSettings; version: number | null }>(await operator('service.settings'));
  assert.equal(defaults.version, null);
  assert.deepEqual(defaults.settings.calendar.week[5], [[480, 720]], 'Saturday mornings are worked');
  assert.ok(defaults.settings.calendar.holidays.some((h) => h.date === '2027-02-06' && h.name === 'Tết Nguyên Đán (mùng 1)'));
  assert.equal(errorCode(await it('service.settings')), 'forbidden');

  const settings = { ...defaults.settings, targets: { ...defaults.settings.targets, feedback: { firstResponse: null, resolution: null } } };
  assert.equal(errorCode(await operator('service.saveSettings', { version: null, settings })), 'forbidden');
  assert.deepEqual(result(await director('service.saveSettings', { version: null, settings })), { version: 1 });
  const stale = await director('service.saveSettings', { version: null, settings });
  assert.equal(errorCode(stale), 'stale');
  const overlapping = {
    ...settings,
    calendar: {
      ...settings.calendar,
      week: settings.calendar.week.map(() => [
        [480, 720],
        [700, 900],
      ]),
    },
  };
  assert.equal(errorCode(await director('service.saveSettings', { version: 1, settings: overlapping })), 'invalid_input');
  const twice = {
    ...settings,
    calendar: { ...settings.calendar, holidays: [...settings.calendar.holidays, settings.calendar.holidays[0]!] },
  };
  assert.equal(errorCode(await director('service.saveSettings', { version: 1, settings: twice })), 'invalid_input');
  assert.equal(result<{ version: number }>(await operator('service.settings')).version, 1);

  const holidays = result<{ date: string }[]>(await director('service.publicHolidays', { year: 2028 }));
  assert.ok(holidays.some((h) => h.date === '2028-09-02'));
  assert.equal(errorCode(await operator('service.publicHolidays', { year: 2028 })), 'forbidden');
  const audited = desk.store.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'service.settings'`).get() as { n: number };
  assert.equal(audited.n, 1);
});

test('list rows and the open submission carry their clock; waiting on the customer stops it and says what is left', TIMEOUT, async () => {
  const desk = await tempDesk();
  await addStaff(desk.store, 'lan', 'operator', ['complaint']);
  const operator = await signedIn(desk, 'lan');
  const customerId = insertCustomer(desk.store.db, { fullName: 'Trần Thị Mai', createdAt: Date.now() });
  // Sent a week ago: its four business hours to the first reply are long past.
  const id = insertSubmission(desk.store.db, {
    kind: 'complaint',
    customerId,
    subject: 'Giao trễ',
    body: 'Chưa nhận',
    createdAt: Date.now() - 7 * 24 * HOUR,
  });
  const rowClock = async () =>
    result<{ rows: { id: string; clock: Clock }[] }>(await operator('complaints.list', {})).rows.find((r) => r.id === id)!.clock;
  const late = await rowClock();
  assert.equal(late.dueWhat, 'first_response');
  assert.ok(late.leftMs! < -4 * HOUR, `overdue by business hours, got ${late.leftMs}`);
  assert.equal(late.pausedLeftMs, null);

  const opened = result<{ version: number; clock: Clock; firstReplyAt: number | null }>(await operator('complaints.get', { id }));
  assert.deepEqual(opened.clock, { ...late, leftMs: opened.clock.leftMs });
  assert.equal(opened.firstReplyAt, null);
  result(await operator('complaints.queueReply', { id, body: 'Chúng tôi xin lỗi, đơn hàng sẽ tới trong hôm nay.' }));
  const { version } = result<{ version: number }>(await operator('complaints.reload', { id }));
  result(await operator('complaints.setStatus', { id, version, status: 'waiting' }));
  const waiting = await rowClock();
  assert.equal(waiting.dueWhat, null);
  assert.equal(waiting.leftMs, null);
  assert.ok(waiting.pausedLeftMs! < 0, 'the 24 business hours to close were used up before it waited');
  const replied = result<{ firstReplyAt: number | null }>(await operator('complaints.reload', { id }));
  assert.ok(replied.firstReplyAt !== null);
});

test('directors set how many claims on one serial are flagged; left out, more than three are', TIMEOUT, async () => {
  const desk = await tempDesk();
  await addStaff(desk.store, 'giamdoc', 'director');
  const director = await signedIn(desk, 'giamdoc');
  const customerId = insertCustomer(desk.store.db, { fullName: 'Trần Văn Nam', createdAt: Date.now() });
  const claims = [1, 2].map((n) =>
    insertSubmission(desk.store.db, {
      kind: 'warranty',
      customerId,
      subject: `Máy lọc nước lỗi lần ${n}`,
      body: 'Báo lỗi E2',
      details: { product: 'Máy lọc nước RO', serial: 'RO9-2025-0042' },
      createdAt: Date.now() + n,
    }),
  );
  const flagged = async () =>
    result<{ warranty: { serial: { claims: number; tooManyClaims: boolean } } }>(await director('warrantyClaims.get', { id: claims[0] }))
      .warranty.serial;
  assert.deepEqual(await flagged(), { unlikePattern: false, otherCustomers: 0, claims: 2, tooManyClaims: false });
  const { settings } = result<{ settings: ServiceSettings }>(await director('service.settings'));
  assert.equal(settings.serialClaimsLimit, undefined, 'the default');
  result(await director('service.saveSettings', { version: null, settings: { ...settings, serialClaimsLimit: 1 } }));
  assert.equal((await flagged()).tooManyClaims, true, 'two claims are more than the one the directors allow');
  assert.equal(
    errorCode(await director('service.saveSettings', { version: 1, settings: { ...settings, serialClaimsLimit: 0 } })),
    'invalid_input',
  );
});
