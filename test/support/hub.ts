/** A real hub on 127.0.0.1 for tests: embedded PGlite in a temporary folder, or PostgreSQL when HUB_TEST_DATABASE_URL is set. */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { after } from 'node:test';
import { buildHub } from '../../server/app.ts';
import { connectHubDb, type HubDb } from '../../server/db/connect.ts';
import { migrateHub } from '../../server/db/migrate.ts';
import { createEnrollmentCode } from '../../server/devices/enrollment.ts';
import { createWebsiteKey } from '../../server/website-keys.ts';
import { tempDir } from './fixtures.ts';

/** On PostgreSQL every test hub gets a database of its own, so test files may run side by side. */
async function ownDatabase(serverUrl: string | undefined): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  if (!serverUrl) return undefined;
  const name = `hubtest_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const a = await connectHubDb({ databaseUrl: serverUrl });
    await a.query(sql);
    await a.close();
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name}`) };
}

export interface TestHub {
  url: string;
  db: HubDb;
  websiteKey: string;
  enrollmentCode(): Promise<string>;
  post(
    path: string,
    body: unknown,
    opts?: { key?: string | null; idempotencyKey?: string | null; raw?: string },
  ): Promise<{ status: number; body: any; headers: Headers }>;
}

export async function startTestHub(): Promise<TestHub> {
  const own = await ownDatabase(process.env.HUB_TEST_DATABASE_URL);
  const db = await connectHubDb({ databaseUrl: own?.url, dataDir: join(tempDir(), 'hub') });
  await migrateHub(db);
  const app = buildHub(db);
  await app.listen({ host: '127.0.0.1', port: 0 });
  after(async () => {
    await app.close();
    await db.close();
    await own?.drop();
  });
  const address = app.server.address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const { key } = await createWebsiteKey(db, 'test website');
  let n = 0;
  return {
    url,
    db,
    websiteKey: key,
    enrollmentCode: async () => (await createEnrollmentCode(db)).code,
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
