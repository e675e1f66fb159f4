/**
 * Real hubs for tests, on 127.0.0.1. Their database follows the pass: a PostgreSQL database of their own
 * on the test server when HUB_TEST_DATABASE_URL is set (so files may run side by side), else embedded
 * PGlite in a temporary folder. Hubs in this process (startTestHub) and in their own (processes.ts) alike.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { after } from 'node:test';
import { buildHub, type HubOptions } from '../../server/app.ts';
import { connectHubDb, type HubDb } from '../../server/db/connect.ts';
import { migrateHub } from '../../server/db/migrate.ts';
import { createEnrollmentCode } from '../../server/devices/enrollment.ts';
import { createWebsiteKey } from '../../server/website/keys.ts';
import { tempDir } from './fixtures.ts';
import type { WebsiteChange, WebsiteChangesPage } from '../../common/protocol/website-feed.ts';

/** The database every hub of this pass must use. */
export const passDatabase = (): 'postgres' | 'pglite' => (process.env.HUB_TEST_DATABASE_URL ? 'postgres' : 'pglite');

export interface HubStorage {
  kind: 'postgres' | 'pglite';
  /** The PGlite folder; on PostgreSQL a folder that must never appear (a hub that fell back to PGlite would make it). */
  dataDir: string;
  databaseUrl: string | undefined;
  /** What a hub process needs to use this storage (DATABASE_URL set, or cleared so PGlite is used). */
  env: NodeJS.ProcessEnv;
  /** A connection of the test's own. On PGlite only one process may have the folder open at a time. */
  connect(): Promise<HubDb>;
  /** Runs before the database is dropped at the end of the file (closing what uses it). */
  beforeDrop(fn: () => Promise<unknown>): void;
}

/** Storage for one hub, unmigrated; removed (and, on PostgreSQL, dropped) after the test file. */
export async function testHubStorage(): Promise<HubStorage> {
  const server = process.env.HUB_TEST_DATABASE_URL;
  const closers: (() => Promise<unknown>)[] = [];
  const opened = new Set<HubDb>();
  let databaseUrl: string | undefined;
  let drop = async () => {};
  // Registered before the folder's own clean-up (hooks run in order): close, then drop, then remove.
  after(async () => {
    for (const close of closers.reverse()) await close();
    for (const db of opened) await db.close();
    await drop();
  });
  const dataDir = join(tempDir(), 'hub');
  if (server) {
    const name = `hubtest_${randomBytes(6).toString('hex')}`;
    const admin = async (sql: string) => {
      const a = await connectHubDb({ databaseUrl: server });
      try {
        await a.query(sql);
      } finally {
        await a.close();
      }
    };
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    // FORCE: a hub process killed by a test may leave its sessions behind for a moment.
    drop = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  return {
    kind: server ? 'postgres' : 'pglite',
    dataDir,
    databaseUrl,
    env: { DATABASE_URL: databaseUrl ?? '' },
    async connect() {
      const db = await connectHubDb({ databaseUrl, dataDir });
      opened.add(db);
      const close = db.close.bind(db);
      return Object.assign(db, { close: async () => void (opened.delete(db) && (await close())) });
    },
    beforeDrop: (fn) => void closers.push(fn),
  };
}

export interface TestHub {
  url: string;
  db: HubDb;
  storage: HubStorage;
  websiteKey: string;
  enrollmentCode(): Promise<string>;
  /** A page of the website feed (`query` as the website would send it, e.g. `?limit=1000`), read with the website key. */
  feed(query?: string): Promise<WebsiteChangesPage>;
  /** Stops this in-process hub and closes its connection, so a hub process may take its storage over. */
  stop(): Promise<void>;
  post(
    path: string,
    body: unknown,
    opts?: { key?: string | null; idempotencyKey?: string | null; raw?: string },
  ): Promise<{ status: number; body: any; headers: Headers }>;
}

/** `mail` as in buildHub: left out, no sender runs (tests drive it); null, a hub without SMTP; a config, the sender runs. */
export async function startTestHub(opts: Pick<HubOptions, 'mail' | 'mailIntervalMs'> = {}): Promise<TestHub> {
  const storage = await testHubStorage();
  const db = await storage.connect();
  if (db.kind !== passDatabase()) throw new Error(`this pass's hubs run on ${passDatabase()}, this one on ${db.kind}`);
  await migrateHub(db);
  const app = buildHub(db, opts);
  await app.listen({ host: '127.0.0.1', port: 0 });
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= app.close().then(() => db.close()));
  storage.beforeDrop(stop);
  const address = app.server.address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const { key } = await createWebsiteKey(db, 'test website');
  let n = 0;
  return {
    url,
    db,
    storage,
    websiteKey: key,
    enrollmentCode: async () => (await createEnrollmentCode(db)).code,
    stop,
    async feed(query = '') {
      const res = await fetch(`${url}/website/v1/changes${query}`, { headers: { Authorization: `Bearer ${key}` } });
      if (!res.ok) throw new Error(`the website feed answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as WebsiteChangesPage;
    },
    async post(path, body, opts = {}) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (opts.key !== null) headers.Authorization = `Bearer ${opts.key ?? key}`;
      if (opts.idempotencyKey !== null) headers['Idempotency-Key'] = opts.idempotencyKey ?? `test-${Date.now()}-${n++}`;
      const res = await fetch(url + path, { method: 'POST', headers, body: opts.raw ?? JSON.stringify(body) });
      return { status: res.status, body: await res.json().catch(() => null), headers: res.headers };
    },
  };
}

export const customer = (ref: string, extra: Record<string, unknown> = {}) => ({
  ref,
  username: `user_${ref}`,
  gender: 'female',
  fullName: 'Nguyễn Thị Lan',
  email: `${ref}@gmail.com`,
  phone: '0912345123',
  ...extra,
});

export const complaint = (ref: string, extra: Record<string, unknown> = {}) => ({
  kind: 'complaint',
  customer: customer(ref),
  subject: 'Giao hàng trễ',
  body: 'Đơn hàng DH123456 chưa tới sau 5 ngày.',
  submittedAt: '2026-11-20T09:30:00+07:00',
  ...extra,
});

export const warranty = (ref: string, extra: Record<string, unknown> = {}) => ({
  kind: 'warranty',
  customer: customer(ref),
  subject: 'Bảo hành máy lọc nước',
  body: 'Máy lọc nước báo lỗi E2 sau 3 tháng.',
  submittedAt: '2026-11-21T10:00:00+07:00',
  product: 'Máy lọc nước RO 9 lõi',
  serial: 'RO9-2025-0042',
  purchaseDate: '2026-08-01',
  ...extra,
});

/** A website comment (`ref` is the comment's) by the customer `customerRef`. */
export type CommentChange = Extract<WebsiteChange, { comment: unknown }>;
/** The changes of a feed page that are about comments (those about authors left out). */
export const commentChanges = (page: Pick<WebsiteChangesPage, 'changes'>): CommentChange[] =>
  page.changes.filter((c): c is CommentChange => 'comment' in c);

export const websiteComment = (ref: string, customerRef: string, extra: Record<string, unknown> = {}) => ({
  ref,
  customer: customer(customerRef),
  pageUrl: 'https://shop.example.vn/p/1',
  body: 'Giá tốt quá!',
  postedAt: '2026-11-24T09:00:00+07:00',
  ...extra,
});

export const consent = (customerRef: string) => ({
  customer: customer(customerRef),
  optedIn: true,
  channel: 'email',
  wording: 'Tôi đồng ý nhận thông tin khuyến mãi qua email.',
  recordedAt: '2026-11-24T09:00:00+07:00',
});

export const deletionRequest = (customerRef: string) => ({
  type: 'deletion',
  customer: customer(customerRef),
  reason: 'Tôi không dùng tài khoản nữa.',
  requestedAt: '2026-11-24T09:00:00+07:00',
});
