/**
 * Service clocks on the desk (common/sla/): the calendar and targets in force, each submission's clock
 * replayed from its timeline when the triggers of migration 0011 queue it, and the time a page's rows have
 * left. Every write that adds submissions or timeline events settles the queue in its own transaction, as
 * the search index does: the local changes (submission-work.ts), intake and demo rows (submissions.ts), a
 * pulled page (sync/page-worker.ts), and opening the store for whatever a crash left queued.
 */
import { isDeepStrictEqual } from 'node:util';
import { hoursOf, type Hours } from '../../../common/sla/calendar.ts';
import {
  businessLeft,
  DEFAULT_SETTINGS,
  dueOf,
  runClock,
  ServiceSettings,
  type Clock,
  pausedLeft,
  type ClockEvent,
  type DueWhat,
} from '../../../common/sla/clock.ts';
import { statusAt, WARRANTY_STAGES, type WarrantyStage } from '../../../common/warranty/stages.ts';
import { STATUSES, type Status, type SubmissionKind } from '../../../common/vocabulary/submissions.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { DomainError } from './errors.ts';
import { publicHolidays } from './holidays.ts';
import { enqueue } from './outbox.ts';

/** The years whose public holidays the default calendar holds, the same on every desk. */
const DEFAULT_HOLIDAY_YEARS = [2026, 2027, 2028, 2029, 2030];
export const defaultSettings = (): ServiceSettings => ({
  ...DEFAULT_SETTINGS,
  calendar: { ...DEFAULT_SETTINGS.calendar, holidays: DEFAULT_HOLIDAY_YEARS.flatMap(publicHolidays) },
});

export interface SettingsInForce {
  settings: ServiceSettings;
  /** null while the defaults are in force. */
  version: number | null;
}

export function serviceSettings(db: Db): SettingsInForce {
  const row = stmt(db, 'SELECT settings, version FROM service_settings WHERE id = 1').get() as
    { settings: string; version: number } | undefined;
  return row
    ? { settings: ServiceSettings.parse(JSON.parse(row.settings)), version: row.version }
    : { settings: defaultSettings(), version: null };
}

/** The settings compiled for the clocks, kept while their text is unchanged (settling runs on every write). */
let compiled: { text: string | null; settings: ServiceSettings; hours: Hours } | null = null;
export function inForce(db: Db): { settings: ServiceSettings; hours: Hours } {
  const text = (stmt(db, 'SELECT settings FROM service_settings WHERE id = 1').get() as { settings: string } | undefined)?.settings ?? null;
  if (compiled?.text !== text) {
    const settings = text === null ? defaultSettings() : ServiceSettings.parse(JSON.parse(text));
    compiled = { text, settings, hours: hoursOf(settings.calendar) };
  }
  return compiled;
}

const isStatus = (v: unknown): v is Status => (STATUSES as readonly unknown[]).includes(v);
const isStage = (v: unknown): v is WarrantyStage => (WARRANTY_STAGES as readonly unknown[]).includes(v);

/** The events of a timeline that move the clock. */
function clockEvents(rows: { type: string; data: string; created_at: number }[]): ClockEvent[] {
  const events: ClockEvent[] = [];
  for (const r of rows) {
    if (r.type === 'reply') events.push({ at: r.created_at, reply: true });
    else if (r.type === 'status_change' || r.type === 'warranty_step') {
      const to = (JSON.parse(r.data) as { to?: unknown }).to;
      if (r.type === 'status_change' && isStatus(to)) events.push({ at: r.created_at, status: to });
      if (r.type === 'warranty_step' && isStage(to)) events.push({ at: r.created_at, status: statusAt(to) });
    }
  }
  return events;
}

interface ClockRow {
  id: string;
  kind: SubmissionKind;
  created_at: number;
  first_reply_at: number | null;
  clock_used: number;
  clock_since: number | null;
  status: Status;
}

const writeClock = (db: Db, id: string, c: Clock, due: ReturnType<typeof dueOf>) =>
  stmt(db, 'UPDATE submissions SET first_reply_at = ?, clock_used = ?, clock_since = ?, due_at = ?, due_what = ? WHERE id = ?').run(
    c.firstReplyAt,
    c.usedMs,
    c.runningSince,
    due.dueAt,
    due.dueWhat,
    id,
  );

/** Replays the clock of every queued submission; call inside the write's transaction. */
export function settleClocks(db: Db): void {
  const queued = stmt(
    db,
    `SELECT s.id, s.kind, s.created_at, s.updated_at, s.status FROM clock_queue q CROSS JOIN submissions s ON s.id = q.submission_id`,
  ).all() as (Pick<ClockRow, 'id' | 'kind' | 'created_at' | 'status'> & { updated_at: number })[];
  if (queued.length === 0) return;
  const { settings, hours } = inForce(db);
  const timeline = stmt(
    db,
    `SELECT type, data, created_at FROM submission_events
     WHERE submission_id = ? AND type IN ('reply', 'status_change', 'warranty_step') ORDER BY created_at, id`,
  );
  for (const s of queued) {
    const events = clockEvents(timeline.all(s.id) as { type: string; data: string; created_at: number }[]);
    // The row's status is the truth when its timeline lags (a pulled row whose event is in a later page, a
    // demo row made with its status): the clock then stops or starts at the row's last change.
    const clock = runClock(hours, s.created_at, [...events, { at: Math.max(s.updated_at, events.at(-1)?.at ?? 0), status: s.status }]);
    writeClock(db, s.id, clock, dueOf(hours, settings.targets[s.kind], s.created_at, clock));
  }
  stmt(db, 'DELETE FROM clock_queue').run();
}

/**
 * After the calendar or the targets changed: every open submission's due time again, from the clock it
 * keeps (the business time used before a pause stays as it was measured).
 */
function redueOpen(db: Db): void {
  const { settings, hours } = inForce(db);
  // In chunks by seq: a statement cannot write the table it is still reading, and a million rows at once would not fit.
  const chunk = stmt(
    db,
    `SELECT seq, id, kind, created_at, first_reply_at, clock_used, clock_since, status FROM submissions
     WHERE status <> 'closed' AND seq > ? ORDER BY seq LIMIT 2000`,
  ).safeIntegers(true);
  for (let after = -1n; ;) {
    const rows = (chunk.all(after) as (ClockRow & { seq: bigint })[]).map((r) => ({
      ...r,
      created_at: Number(r.created_at),
      first_reply_at: r.first_reply_at === null ? null : Number(r.first_reply_at),
      clock_used: Number(r.clock_used),
      clock_since: r.clock_since === null ? null : Number(r.clock_since),
    }));
    if (rows.length === 0) return;
    for (const r of rows) {
      const c: Clock = { firstReplyAt: r.first_reply_at, usedMs: r.clock_used, runningSince: r.clock_since, status: r.status };
      writeClock(db, r.id, c, dueOf(hours, settings.targets[r.kind], r.created_at, c));
    }
    after = rows.at(-1)!.seq;
  }
}

/** The settings as the hub holds them, unless this desk's own change to them is still waiting to be pushed. */
export function applyServiceSettings(db: Db, row: { settings: ServiceSettings; version: number; updatedAt: number }): void {
  if (stmt(db, `SELECT 1 FROM outbox WHERE entity_type = 'service_settings' AND state = 'pending'`).get()) return;
  // This desk's own change coming back: the same settings, so the due times stand (re-reading every open row
  // is the costly part). A refused change of this desk's has the same version as the winner's, not the same settings.
  const current = serviceSettings(db);
  if (current.version === row.version && isDeepStrictEqual(current.settings, row.settings)) return;
  storeSettings(db, row.settings, row.version, row.updatedAt);
}

function storeSettings(db: Db, settings: ServiceSettings, version: number, now: number): void {
  stmt(
    db,
    `INSERT INTO service_settings (id, settings, version, updated_at) VALUES (1, @settings, @version, @now)
     ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, version = excluded.version, updated_at = excluded.updated_at`,
  ).run({ settings: JSON.stringify(settings), version, now });
  redueOpen(db);
}

/** A director's calendar and targets, made on the version they saw (null: the defaults); returns the new version. */
export function saveServiceSettings(
  db: Db,
  actorId: string,
  baseVersion: number | null,
  settings: ServiceSettings,
  now = Date.now(),
): number {
  return db.transaction(() => {
    const current = serviceSettings(db).version;
    if (current !== baseVersion) {
      throw new DomainError(
        'stale',
        `the calendar changed since you opened it (version ${baseVersion ?? 'default'}, now ${current ?? 'default'})`,
        {
          currentVersion: current,
        },
      );
    }
    const version = (baseVersion ?? 0) + 1;
    storeSettings(db, settings, version, now);
    enqueue(
      db,
      { mutation: 'service.settings', entityType: 'service_settings', entityId: 'service', baseVersion, payload: settings, actorId },
      now,
    );
    return version;
  })();
}

export interface ClockView {
  dueWhat: DueWhat | null;
  /** Business ms to the due time, negative once past; null without one. */
  leftMs: number | null;
  /** Waiting on the customer: the resolution time left when the clock stopped (negative: over). */
  pausedLeftMs: number | null;
}

/** The clock of each row of a page, as staff read it now. */
export function clockViews(
  db: Db,
  rows: readonly { kind: SubmissionKind; dueAt: number | null; dueWhat: DueWhat | null; clockUsed: number; status: Status }[],
  now = Date.now(),
): ClockView[] {
  const { settings, hours } = inForce(db);
  return rows.map((r) => ({
    dueWhat: r.dueWhat,
    leftMs: r.dueAt === null ? null : businessLeft(hours, r.dueAt, now),
    pausedLeftMs: r.status === 'waiting' ? pausedLeft(settings.targets[r.kind], r.clockUsed) : null,
  }));
}
