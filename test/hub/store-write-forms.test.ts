/**
 * The hub's guards hold for every write form PostgreSQL has: ON CONFLICT DO UPDATE, MERGE, TRUNCATE and
 * moving a customer's website ref can neither change a customer's username or gender nor touch the audit
 * copy (migration 0005 closes what got through), on PGlite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Queryable } from '../../server/db/connect.ts';
import { migrateHub } from '../../server/db/migrate.ts';
import { hubMigrations } from '../../server/db/migrations/index.ts';
import { testHubStorage } from '../support/hub.ts';

const TIMEOUT = { timeout: 120_000 };

/** A hub database of its own at schema `version`. */
async function hubAt(version: number) {
  const db = await (await testHubStorage()).connect();
  await migrateHub(db, version);
  return db;
}

async function seed(db: Queryable) {
  await db.exec(`
    INSERT INTO customers (id, website_ref, username, gender, full_name, seq) VALUES
      ('c-a', 'ref-a', 'lan', 'female', 'Nguyễn Thị Lan', 0), ('c-b', 'ref-b', 'binh', 'male', 'Trần Văn Bình', 0);
    INSERT INTO devices (id, name) VALUES ('d-1', 'Máy 1');
    INSERT INTO audit_copies (device_id, seq, id, prev_hash, hash, row) VALUES
      ('d-1', 1, 'a-1', 'p0', 'h1', '{}'), ('d-1', 2, 'a-2', 'h1', 'h2', '{}');`);
}

const snapshot = async (db: Queryable) => ({
  customers: (await db.query('SELECT id, website_ref, username, gender, full_name FROM customers ORDER BY id')).rows,
  audit: (await db.query('SELECT device_id, seq, id, prev_hash, hash FROM audit_copies ORDER BY seq')).rows,
});

const ATTACKS: [string, string][] = [
  [
    'ON CONFLICT DO UPDATE: username',
    `INSERT INTO customers (id, website_ref, username, gender, full_name, seq) VALUES ('c-a', 'ref-a', 'evil', 'female', 'x', 0) ON CONFLICT (id) DO UPDATE SET username = excluded.username`,
  ],
  [
    'ON CONFLICT (website_ref) DO UPDATE: gender',
    `INSERT INTO customers (id, website_ref, full_name, seq) VALUES ('c-new', 'ref-a', 'x', 0) ON CONFLICT (website_ref) DO UPDATE SET gender = 'male'`,
  ],
  [
    'ON CONFLICT (website_ref) DO UPDATE: the ref moves to a new id',
    `INSERT INTO customers (id, website_ref, full_name, seq) VALUES ('c-new', 'ref-a', 'x', 0) ON CONFLICT (website_ref) DO UPDATE SET id = excluded.id`,
  ],
  ['MERGE: username', `MERGE INTO customers c USING (SELECT 'c-a' AS id) s ON c.id = s.id WHEN MATCHED THEN UPDATE SET username = 'evil'`],
  ['UPDATE: the website ref moves to another row', `UPDATE customers SET website_ref = 'ref-moved' WHERE id = 'c-a'`],
  [
    'ON CONFLICT DO UPDATE: audit row',
    `INSERT INTO audit_copies (device_id, seq, id, prev_hash, hash, row) VALUES ('d-1', 2, 'x', 'h1', 'evil', '{}') ON CONFLICT (device_id, seq) DO UPDATE SET hash = excluded.hash`,
  ],
  ['MERGE: audit row deleted', `MERGE INTO audit_copies a USING (SELECT 2 AS seq) s ON a.seq = s.seq WHEN MATCHED THEN DELETE`],
  ['TRUNCATE: the audit copy', 'TRUNCATE audit_copies'],
];

async function assertGuarded(db: Queryable) {
  const before = await snapshot(db);
  for (const [name, sql] of ATTACKS) await assert.rejects(db.exec(sql), /cannot change|append-only/, name);
  assert.deepEqual(await snapshot(db), before);
  // What stays allowed: other personal fields, and a customer's username or gender set once.
  await db.exec(`INSERT INTO customers (id, website_ref, full_name, seq) VALUES ('c-c', 'ref-c', 'Khách', 0)`);
  await db.exec(
    `INSERT INTO customers (id, website_ref, full_name, seq) VALUES ('x', 'ref-c', 'Khách', 0) ON CONFLICT (website_ref) DO UPDATE SET username = 'khach', full_name = 'Khách Hàng'`,
  );
  await db.exec(`UPDATE customers SET gender = 'other', email = 'khach@gmail.com' WHERE id = 'c-c'`);
  const c = (await db.query(`SELECT username, gender, full_name FROM customers WHERE id = 'c-c'`)).rows[0];
  assert.deepEqual(c, { username: 'khach', gender: 'other', full_name: 'Khách Hàng' });
}

test('no write form changes a customer’s username, gender or website ref, or touches the audit copy', TIMEOUT, async () => {
  const db = await hubAt(hubMigrations.length);
  await seed(db);
  await assertGuarded(db);
});

test('migration 0005 on a hub at version 4 keeps every row, and guards them from then on', TIMEOUT, async () => {
  const db = await hubAt(4);
  await seed(db);
  const before = await snapshot(db);
  assert.equal(await migrateHub(db), hubMigrations.length - 4);
  assert.deepEqual(await snapshot(db), before);
  await assertGuarded(db);
});
