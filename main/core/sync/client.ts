/**
 * The desk's sync client: push the outbox, pull the hub's changes, then copy the audit log, on an interval
 * with back-off while the hub cannot be reached, and on "sync now". One bad row never stops the others:
 * an outbox row the protocol refuses becomes its author's conflict, and a refused audit copy leaves the
 * push and pull running. The device token lives in the OS keychain only.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { PresenceAnswer, type PresenceReport } from '../../../common/protocol/presence.ts';
import { AuditPushResponse, Mutation, PullResponse, PushResponse, type PushOutcome } from '../../../common/protocol/sync.ts';
import { dropRefusedEvent, refuseUnsendable } from '../domain/outbox.ts';
import { putBackRefused } from './refused-rows.ts';
import { appendAudit, type AuditActor } from '../audit/chain.ts';
import { KEYCHAIN_SERVICE, type Keychain } from '../security/keychain.ts';
import type { Store } from '../store/open.ts';
import { getSetting, setSetting } from '../store/settings.ts';
import { stmt } from '../store/statements.ts';
import { AUDIT_CURSOR_KEY, DEVICE_KEY, HubHttpError, hubRequest, tokenAccount, URL_KEY } from './hub-link.ts';
import { checkHubUrl } from './hub-url.ts';
import { PageApplier } from './page-applier.ts';
import { afterPage, pullPath, pullSettings, readPullState, type PullState } from './pull-state.ts';

export type HubState = 'not_enrolled' | 'online' | 'offline' | 'revoked';

export interface SyncStatus {
  hub: HubState;
  /** Rows applied in the pull under way, and how many there are in all; null when no pull is running. */
  progress: { done: number; total: number } | null;
  lastSyncAt: number | null;
  lastError: string | null;
}

// The device whose revocation is already in the audit log: one row per revocation, across retries and restarts.
const REVOKED_AUDITED_KEY = 'hub.revoked_device_audited';
/** What the desk records on its own (no person acted): the sync client noticing the hub's answer. */
const SYNC_ACTOR: AuditActor = { id: null, name: 'Backdesk (đồng bộ / sync)', role: null };
const PUSH_BATCH = 200;
// Rows per pulled page: each is applied with its cursor in one transaction on the page worker. Pages of
// 1,000 were no faster and held the main thread for 200 ms while parsed (npm run bench).
const PULL_PAGE = 250;
const PAGES_IN_FLIGHT = 8;
/** Who else has a submission open is worth a short wait, never a stuck screen. */
const PRESENCE_WAIT_MS = 3_000;

export class SyncClient {
  private status: SyncStatus = { hub: 'not_enrolled', progress: null, lastSyncAt: null, lastError: null };
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;
  private applier: PageApplier | null = null;
  private pulls = 0;

  constructor(
    private readonly store: Store,
    private readonly keychain: Keychain,
    private readonly opts: { intervalMs?: number; maxBackoffMs?: number; pageSize?: number; pushBatch?: number } = {},
  ) {
    if (getSetting(store.db, URL_KEY)) this.status.hub = 'offline';
  }

  current(): SyncStatus {
    return { ...this.status };
  }

  /** One full cycle; concurrent callers share the cycle under way instead of starting another. */
  syncNow(): Promise<void> {
    this.running ??= this.cycle().finally(() => (this.running = null));
    return this.running;
  }

  /** Runs cycles on the interval; after failures the wait doubles up to the maximum. */
  start(): void {
    const interval = this.opts.intervalMs ?? 15_000;
    const next = () => {
      const wait = Math.min(interval * 2 ** this.failures, this.opts.maxBackoffMs ?? 5 * 60_000);
      this.timer = setTimeout(() => void this.syncNow().finally(() => this.stopped || next()), wait);
      this.timer.unref(); // the loop never keeps a process alive on its own
    };
    void this.syncNow().finally(() => this.stopped || next());
  }

  /**
   * Tells the hub who has a submission open here and hears who else has (common/protocol/presence.ts). Best
   * effort: null when the desk is not enrolled, offline, or the hub does not answer within a few seconds.
   */
  async presence(report: PresenceReport): Promise<PresenceAnswer | null> {
    const url = getSetting(this.store.db, URL_KEY);
    if (!url || this.status.hub === 'revoked') return null;
    try {
      const token = await this.keychain.get(KEYCHAIN_SERVICE, tokenAccount(this.store));
      if (!token) return null;
      const body = JSON.stringify(report);
      return await hubRequest(checkHubUrl(url), token, '/presence/v1', PresenceAnswer, {
        method: 'POST',
        body,
        signal: AbortSignal.timeout(PRESENCE_WAIT_MS),
      });
    } catch {
      return null;
    }
  }

  /** Stops the background loop and the page worker; every owner of a client calls it before closing the store. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.applier?.close();
    this.applier = null;
  }

  private async cycle(): Promise<void> {
    const url = getSetting(this.store.db, URL_KEY);
    if (!url) return void (this.status.hub = 'not_enrolled');
    try {
      const token = await this.keychain.get(KEYCHAIN_SERVICE, tokenAccount(this.store));
      if (!token) throw new HubHttpError(401, 'unauthorized', 'the device token is missing from the keychain; enroll this desk again');
      const base = checkHubUrl(url);
      await this.push(base, token);
      await this.pull(base, token);
      // Last, and on its own: a copy the hub keeps refusing (an old row it cannot take) must not stop the
      // desk's work from reaching the hub or the website's submissions from reaching the desk. It is retried
      // every cycle and shown as the last error while the hub is online; only a revoked device ends the cycle.
      const auditError = await this.pushAudit(base, token).then(
        () => null,
        (e: unknown) => {
          if (e instanceof HubHttpError && e.status === 401) throw e;
          return `the audit log could not be copied to the hub: ${e instanceof Error ? e.message : String(e)}`;
        },
      );
      this.failures = 0;
      this.status = { hub: 'online', progress: null, lastSyncAt: Date.now(), lastError: auditError };
    } catch (e) {
      this.failures++;
      const revoked = e instanceof HubHttpError && e.status === 401;
      // A cycle that ends after stop() may find its store closed: nothing is recorded then.
      if (e instanceof HubHttpError && e.code === 'device_revoked' && !this.stopped) this.auditRevocation();
      this.status = {
        ...this.status,
        hub: revoked ? 'revoked' : 'offline',
        progress: null,
        lastError: e instanceof Error ? e.message : String(e),
      };
    }
  }

  /** The first time the hub says this device is revoked, and only then, it goes in the audit log. */
  private auditRevocation(): void {
    const { db } = this.store;
    const device = getSetting(db, DEVICE_KEY) ?? '';
    db.transaction(() => {
      if (getSetting(db, REVOKED_AUDITED_KEY) === device) return;
      setSetting(db, REVOKED_AUDITED_KEY, device);
      appendAudit(db, SYNC_ACTOR, { action: 'sync.revoked', targetType: 'device', targetId: device || null });
    })();
  }

  private async push(base: URL, token: string): Promise<void> {
    const { db } = this.store;
    for (;;) {
      const rows = stmt(
        db,
        `SELECT o.id, o.mutation, o.entity_type AS entityType, o.entity_id AS entityId, o.base_version AS baseVersion, o.payload,
                o.actor_id AS actorId, coalesce(s.display_name, '?') AS actorName, o.created_at AS createdAt,
                o.key_id AS keyId, o.signature
         FROM outbox o LEFT JOIN staff s ON s.id = o.actor_id WHERE o.state = 'pending' ORDER BY o.created_at, o.id LIMIT ?`,
      ).all(this.opts.pushBatch ?? PUSH_BATCH) as { id: string; payload: string; [k: string]: unknown }[];
      if (rows.length === 0) return;
      // Each row parsed on its own before sending: the hub refuses a batch with one bad row as a whole, so a
      // row it would refuse (a name made before the text rules, a clock before 2000) is set aside here, as a
      // conflict its author can read, and the others go.
      const mutations: Mutation[] = [];
      for (const r of rows) {
        const parsed = Mutation.safeParse({ ...r, payload: JSON.parse(r.payload) as unknown });
        if (parsed.success) mutations.push(parsed.data);
        else refuseUnsendable(db, r.id, parsed.error.issues[0]!);
      }
      if (mutations.length === 0) continue;
      const body = JSON.stringify({ mutations });
      // Counted as sent before they go: whatever becomes of the request (an answer, a reset, a crash), the hub may
      // have applied them, so from now on a person can only reverse one, never withdraw it (comments.ts).
      const sent = stmt(db, 'UPDATE outbox SET attempts = attempts + 1 WHERE id = ?');
      db.transaction(() => mutations.forEach((m) => sent.run(m.id)))();
      const { results } = await hubRequest(base, token, '/sync/push', PushResponse, { method: 'POST', body });
      this.recordOutcomes(results);
    }
  }

  private recordOutcomes(results: PushOutcome[]): void {
    const { db } = this.store;
    db.transaction(() => {
      for (const r of results) {
        stmt(db, `UPDATE outbox SET state = ?, reason = ?, current = ? WHERE id = ?`).run(
          r.outcome,
          r.outcome === 'rejected' ? r.reason : null,
          r.outcome === 'rejected' && r.current ? JSON.stringify(r.current) : null,
          r.id,
        );
        if (r.outcome === 'rejected') {
          dropRefusedEvent(db, r.id);
          putBackRefused(db, r.id);
        }
      }
    })();
  }

  /**
   * Copies new audit rows to the hub, which keeps them append-only, checks the chain and each row's signature;
   * its verdicts are kept beside the rows for the director's audit view.
   */
  private async pushAudit(base: URL, token: string): Promise<void> {
    const { db } = this.store;
    for (;;) {
      const after = Number(getSetting(db, AUDIT_CURSOR_KEY) ?? '0');
      const rows = stmt(db, 'SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT 500').all(after) as { seq: number }[];
      if (rows.length === 0) return;
      const { verdicts } = await hubRequest(base, token, '/sync/audit', AuditPushResponse, {
        method: 'POST',
        body: JSON.stringify({ rows }),
      });
      db.transaction(() => {
        for (const v of verdicts) {
          stmt(
            db,
            'INSERT INTO audit_hub_verdicts (seq, signature) VALUES (?, ?) ON CONFLICT (seq) DO UPDATE SET signature = excluded.signature',
          ).run(v.seq, v.signature);
        }
        setSetting(db, AUDIT_CURSOR_KEY, String(rows[rows.length - 1]!.seq));
      })();
    }
  }

  /**
   * Pages until the desk has every row it may hold: the feed after its cursor, and a backfill first whenever
   * its people's scope has grown (pull-state.ts). Counted for the progress bar on the first page of each.
   * Each page is asked for with the state the page before leaves (which the worker stores with that page),
   * as soon as that page is in: the hub answers while the worker applies, and the worker applies the pages
   * that wait for it together (page-worker.ts). At most PAGES_IN_FLIGHT wait, so a slow desk holds a few
   * pages in memory, not the whole feed.
   */
  private async pull(base: URL, token: string): Promise<void> {
    const request = (s: PullState, count: boolean) => {
      const answer = hubRequest(base, token, pullPath(s, this.opts.pageSize ?? PULL_PAGE, count), PullResponse);
      answer.catch(() => {}); // awaited below, unless applying a page before it failed first
      return answer;
    };
    const pull = this.pulls++;
    let state = readPullState(this.store.db);
    let asked = request(state, true);
    const applying: Promise<void>[] = [];
    let done = 0;
    let total = 0;
    try {
      for (;;) {
        const page = await asked;
        const next = afterPage(state, page);
        const more = Boolean(state.backfill || next.backfill || page.more);
        if (more) asked = request(next, next.backfill?.cursor === 0);
        if (page.remaining !== undefined) total += page.changes.length + page.remaining;
        this.applier ??= new PageApplier(this.store);
        const applied = this.applier.apply({ pull, changes: page.changes, purge: page.purge, settings: pullSettings(next) }).then(() => {
          done += page.changes.length;
          this.status.progress = { done, total: Math.max(total, done) };
        });
        applied.catch(() => {}); // awaited below
        applying.push(applied);
        if (applying.length >= PAGES_IN_FLIGHT) await applying.shift();
        if (!more) break;
        state = next;
        await yieldToEventLoop(); // let the window's calls in between pages
      }
    } finally {
      // Whatever happened, every page sent is applied or refused before this pull ends.
      await Promise.allSettled(applying);
    }
    await Promise.all(applying);
  }
}
