/**
 * Service clocks across the loop: a complaint from the website gets the same due time on every desk; an
 * operator's pause (waiting on the customer) made offline on one desk stops the clock on the other once it
 * syncs; a director's calendar (a new holiday) reaches the hub and every desk, and each desk's due times move
 * with it. The hub refuses a calendar from anyone but a director, and one made on a stale version.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Desk } from '../../main/api/desk.ts';
import { enqueue } from '../../main/core/domain/outbox.ts';
import { saveServiceSettings, serviceSettings } from '../../main/core/domain/sla.ts';
import { setStatus } from '../../main/core/domain/submission-work.ts';
import { SERVICE_SETTINGS_ID } from '../../common/sla/clock.ts';
import { enrolledDesk } from '../support/enrolled-desk.ts';
import { complaint, startTestHub } from '../support/hub.ts';

const hub = await startTestHub();
const TIMEOUT = { timeout: 60_000 };
const vn = (date: string, time: string) => Date.parse(`${date}T${time}:00+07:00`);
const clockOf = (desk: Desk, id: string) =>
  desk.store.db.prepare('SELECT due_at AS dueAt, due_what AS dueWhat, clock_used AS used FROM submissions WHERE id = ?').get(id) as {
    dueAt: number | null;
    dueWhat: string | null;
    used: number;
  };
const rejected = (desk: Desk) =>
  (desk.store.db.prepare(`SELECT reason FROM outbox WHERE state = 'rejected' ORDER BY created_at`).all() as { reason: string }[]).map(
    (r) => r.reason,
  );

test('due times agree on every desk, follow a pause made offline, and move with a director’s new holiday', TIMEOUT, async () => {
  const a = await enrolledDesk(hub, 'A', [
    ['giamdoc_a', 'director', []],
    ['khieunai_a', 'operator', ['complaint']],
  ]);
  const b = await enrolledDesk(hub, 'B', [['khieunai_b', 'operator', ['complaint']]]);
  // Sent on Monday 30 November 2026 at 10:00: four business hours to the first reply, Monday 15:30 (two before lunch, 12:00–13:30, two after).
  const posted = await hub.post('/intake/v1/submissions', complaint('sla1', { submittedAt: '2026-11-30T10:00:00+07:00' }));
  assert.equal(posted.status, 201);
  const id = posted.body.id as string;
  await a.desk.sync.syncNow();
  await b.desk.sync.syncNow();
  for (const d of [a, b]) assert.deepEqual(clockOf(d.desk, id), { dueAt: vn('2026-11-30', '15:30'), dueWhat: 'first_response', used: 0 });

  // Offline on A: the operator opens it and, on Monday 11:00, asks the customer for a photo (waiting).
  setStatus(a.desk.store.db, 'complaint', id, a.staff.khieunai_a!.id, 1, 'open', vn('2026-11-30', '10:30'));
  setStatus(a.desk.store.db, 'complaint', id, a.staff.khieunai_a!.id, 2, 'waiting', vn('2026-11-30', '11:00'));
  const paused = { dueAt: vn('2026-11-30', '15:30'), dueWhat: 'first_response', used: 3_600_000 };
  assert.deepEqual(clockOf(a.desk, id), paused, 'not yet replied to: the first-response target stays; the resolution clock used one hour');
  await a.desk.sync.syncNow();
  await b.desk.sync.syncNow();
  assert.deepEqual(clockOf(b.desk, id), paused);

  // Reopened on B on Tuesday at 08:00; the director then declares Wednesday 2 December a holiday.
  setStatus(b.desk.store.db, 'complaint', id, b.staff.khieunai_b!.id, 3, 'open', vn('2026-12-01', '08:00'));
  await b.desk.sync.syncNow();
  await a.desk.sync.syncNow();
  const { settings } = serviceSettings(a.desk.store.db);
  const holiday = { date: '2026-12-02', name: 'Ngày hội công ty' };
  saveServiceSettings(a.desk.store.db, a.staff.giamdoc_a!.id, null, {
    calendar: { ...settings.calendar, holidays: [...settings.calendar.holidays, holiday] },
    targets: { ...settings.targets, complaint: { firstResponse: null, resolution: 24 * 60 } },
  });
  // No first-response target now: 23 hours left from Tuesday 08:00 — Tuesday 8, Wednesday off, Thursday 8, Friday 7 (to 16:30).
  const moved = { dueAt: vn('2026-12-04', '16:30'), dueWhat: 'resolution', used: 3_600_000 };
  assert.deepEqual(clockOf(a.desk, id), moved);
  await a.desk.sync.syncNow();
  const onHub = await hub.db.query<{ version: number; holidays: unknown[] }>(
    `SELECT version, settings->'calendar'->'holidays' AS holidays FROM service_settings`,
  );
  assert.equal(onHub.rows[0]!.version, 1);
  assert.deepEqual(onHub.rows[0]!.holidays.at(-1), holiday);
  await b.desk.sync.syncNow();
  assert.equal(serviceSettings(b.desk.store.db).version, 1);
  assert.deepEqual(clockOf(b.desk, id), moved);
});

test('the hub refuses a calendar from an operator and one made on a stale version', TIMEOUT, async () => {
  const a = await enrolledDesk(hub, 'C', [
    ['giamdoc_c', 'director', []],
    ['khieunai_c', 'operator', ['complaint']],
  ]);
  const b = await enrolledDesk(hub, 'D', [['giamdoc_d', 'director', []]]);
  await a.desk.sync.syncNow();
  await b.desk.sync.syncNow();
  const base = serviceSettings(a.desk.store.db);
  // An operator's calendar, queued past the desk's own check (the API allows directors only).
  enqueue(a.desk.store.db, {
    mutation: 'service.settings',
    entityType: 'service_settings',
    entityId: SERVICE_SETTINGS_ID,
    baseVersion: base.version,
    payload: base.settings,
    actorId: a.staff.khieunai_c!.id,
  });
  await a.desk.sync.syncNow();
  assert.deepEqual(rejected(a.desk), ['only a director may change the business calendar and service targets']);

  // Both directors change the version they saw; the second to reach the hub is refused and takes the first's.
  const noSaturday = {
    ...base.settings,
    calendar: { ...base.settings.calendar, week: base.settings.calendar.week.map((d, i) => (i === 5 ? [] : d)) },
  };
  saveServiceSettings(a.desk.store.db, a.staff.giamdoc_c!.id, base.version, noSaturday);
  saveServiceSettings(b.desk.store.db, b.staff.giamdoc_d!.id, base.version, base.settings);
  await a.desk.sync.syncNow();
  await b.desk.sync.syncNow();
  assert.match(rejected(b.desk).at(-1)!, /^changed by someone else since/);
  await b.desk.sync.syncNow();
  assert.deepEqual(serviceSettings(b.desk.store.db).settings.calendar.week[5], []);
});
