/**
 * Upgrading a desk store that holds data, one migration at a time: a real encrypted store is built at
 * version N-1 with representative rows, migration N runs, and the rows are still there and the new
 * behaviour works. Last, a store written by the first version opens in this Backdesk with everything in it.
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3-multiple-ciphers';
import { newId } from '../../common/ids.ts';
import { listSubmissions } from '../../main/core/domain/submissions.ts';
import { putTags } from '../../main/core/domain/submission-tags.ts';
import { compareSchema } from '../../main/core/store/schema-check.ts';
import { KEYCHAIN_SERVICE } from '../../main/core/security/keychain.ts';
import {
  applyKey,
  configure,
  DB_FILE,
  latestSchemaVersion,
  migrate,
  openStore,
  schemaVersion,
  type Db,
} from '../../main/core/store/open.ts';
import { keychain, tempDir } from '../support/fixtures.ts';

/** A real encrypted store at schema `version` (migrations 1..version applied, nothing after). */
function storeAt(version: number) {
  const dataDir = tempDir();
  const keyHex = randomBytes(32).toString('hex');
  const db = new Database(join(dataDir, DB_FILE));
  applyKey(db, keyHex);
  configure(db, keyHex);
  migrate(db, version);
  assert.equal(schemaVersion(db), version);
  return { db, dataDir, keyHex };
}

/** Opens an older store the way this Backdesk does, with the profile and keychain entry its version wrote beside it. */
async function openInThisBackdesk(dataDir: string, keyHex: string) {
  const profile = { id: randomUUID(), createdAt: new Date().toISOString(), demo: false };
  writeFileSync(join(dataDir, 'profile.json'), JSON.stringify(profile));
  await keychain.set(KEYCHAIN_SERVICE, `profile:${profile.id}`, keyHex);
  return openStore({ dataDir, keychain });
}

const rowsOf = (db: Db, table: string, columns = '*') =>
  (db.prepare(`SELECT ${columns} FROM ${table}`).all() as object[]).map((r) => JSON.stringify(r)).sort();

/** What version 1 already holds: staff, a customer, a complaint with its timeline, a pending outbox row, audit, settings. */
function seedV1(db: Db) {
  const ids = { staff: newId(), customer: newId(), submission: newId(), note: newId(), outbox: newId() };
  db.prepare(
    `INSERT INTO staff (id, username, display_name, role, password_hash, created_at) VALUES (?, 'lan', 'Nguyễn Thị Lan', 'operator', 'argon2id$x', 1)`,
  ).run(ids.staff);
  db.prepare(`INSERT INTO staff_grants (staff_id, inbox) VALUES (?, 'complaint')`).run(ids.staff);
  db.prepare(
    `INSERT INTO customers (id, username, gender, full_name, email, phone, created_at, updated_at) VALUES (?, 'kh1', 'female', 'Trần Thị Mai', 'mai@gmail.com', '0912345678', 1, 1)`,
  ).run(ids.customer);
  db.prepare(
    `INSERT INTO submissions (id, kind, customer_id, subject, body, created_at, updated_at) VALUES (?, 'complaint', ?, 'Máy giặt kêu to', 'Máy giặt mới mua đã kêu rất to', 1, 1)`,
  ).run(ids.submission, ids.customer);
  db.prepare(`INSERT INTO submission_events (id, submission_id, type, created_at) VALUES (?, ?, 'created', 1)`).run(
    newId(),
    ids.submission,
  );
  db.prepare(
    `INSERT INTO submission_events (id, submission_id, type, actor_id, body, created_at) VALUES (?, ?, 'note', ?, 'Đã gọi khách', 2)`,
  ).run(ids.note, ids.submission, ids.staff);
  db.prepare(
    `INSERT INTO outbox (id, mutation, entity_type, entity_id, payload, actor_id, created_at) VALUES (?, 'submission.note', 'submission', ?, ?, ?, 2)`,
  ).run(ids.outbox, ids.submission, JSON.stringify({ eventId: ids.note, body: 'Đã gọi khách' }), ids.staff);
  db.prepare(
    `INSERT INTO audit_log (id, at, actor_id, actor_name, action, prev_hash, hash) VALUES (?, 1, ?, 'Nguyễn Thị Lan', 'submission.view', 'p', 'h')`,
  ).run(newId(), ids.staff);
  db.prepare(`INSERT INTO settings (key, value) VALUES ('sync.cursor', '42')`).run();
  return ids;
}

const V1_TABLES = ['staff', 'staff_grants', 'customers', 'submissions', 'submission_events', 'outbox', 'audit_log', 'settings'];

test('0001 → 0002 (sync): every row stays; the new columns start empty; comments, consents and account requests can be stored; the pending-outbox lookup uses its index', () => {
  const { db } = storeAt(1);
  const ids = seedV1(db);
  const before = Object.fromEntries(V1_TABLES.map((t) => [t, rowsOf(db, t)]));
  // Compared on the columns version 1 had; the added ones are checked next.
  const columns = Object.fromEntries(
    V1_TABLES.map((t) => [t, (db.pragma(`table_info(${t})`) as { name: string }[]).map((c) => c.name).join(', ')]),
  );
  migrate(db, 2);
  assert.equal(schemaVersion(db), 2);
  for (const t of V1_TABLES) assert.deepEqual(rowsOf(db, t, columns[t]), before[t], `${t} is unchanged`);
  assert.deepEqual(db.prepare('SELECT current, dismissed FROM outbox').all(), [{ current: null, dismissed: 0 }]);
  assert.deepEqual(db.prepare('SELECT DISTINCT actor_name FROM submission_events').all(), [{ actor_name: null }]);
  assert.deepEqual(db.prepare('SELECT assignee_name FROM submissions').all(), [{ assignee_name: null }]);

  db.prepare(`INSERT INTO comments (id, customer_id, page_url, body, posted_at) VALUES (?, ?, 'https://shop.vn/p/1', 'Tốt', 3)`).run(
    newId(),
    ids.customer,
  );
  db.prepare(`INSERT INTO consents (id, customer_id, opted_in, channel, wording, recorded_at) VALUES (?, ?, 1, 'email', 'Đồng ý', 3)`).run(
    newId(),
    ids.customer,
  );
  db.prepare(`INSERT INTO account_requests (id, customer_id, type, requested_at) VALUES (?, ?, 'deletion', 3)`).run(newId(), ids.customer);
  assert.deepEqual(db.prepare('SELECT status FROM comments').all(), [{ status: 'pending' }]);
  assert.throws(
    () => db.prepare(`INSERT INTO comments (id, customer_id, page_url, body, posted_at) VALUES (?, ?, 'u', 'b', 3)`).run(newId(), newId()),
    /FOREIGN KEY/,
  );
  assert.throws(() => db.prepare(`UPDATE outbox SET current = 'not json'`).run(), /CHECK/);
  assert.throws(() => db.prepare(`UPDATE outbox SET dismissed = 2`).run(), /CHECK/);
  const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM outbox WHERE entity_id = ? AND state = 'pending'`).all(ids.submission) as {
    detail: string;
  }[];
  assert.match(plan.map((p) => p.detail).join('\n'), /outbox_pending_entity/);
  db.close();
});

test('0002 → 0003 (event ids): events pulled with "-event" ids and the local copies of the same changes go, every other row stays', () => {
  const { db } = storeAt(2);
  const ids = seedV1(db);
  // A status change another desk made: only the hub's copy is here.
  db.prepare(
    `INSERT INTO submission_events (id, submission_id, type, actor_name, data, created_at) VALUES (?, ?, 'status_change', 'Minh', '{"to":"open"}', 3)`,
  ).run(`${newId()}-event`, ids.submission);
  // A status change made on this desk: its own event, its outbox row, and the hub's copy named after that row.
  const mutation = newId();
  const own = newId();
  db.prepare(
    `INSERT INTO submission_events (id, submission_id, type, actor_id, data, created_at) VALUES (?, ?, 'status_change', ?, '{"to":"waiting"}', 4)`,
  ).run(own, ids.submission, ids.staff);
  db.prepare(
    `INSERT INTO outbox (id, mutation, entity_type, entity_id, base_version, payload, actor_id, created_at, state) VALUES (?, 'submission.status', 'submission', ?, 1, '{"to":"waiting"}', ?, 4, 'applied')`,
  ).run(mutation, ids.submission, ids.staff);
  db.prepare(
    `INSERT INTO submission_events (id, submission_id, type, actor_name, data, created_at) VALUES (?, ?, 'status_change', 'Nguyễn Thị Lan', '{"to":"waiting"}', 4)`,
  ).run(`${mutation}-event`, ids.submission);
  const kept = rowsOf(db, `submission_events WHERE id NOT LIKE '%-event' AND id <> '${own}'`);
  const others = Object.fromEntries(V1_TABLES.filter((t) => t !== 'submission_events').map((t) => [t, rowsOf(db, t)]));
  assert.equal(kept.length, 2, 'the created event and the note stay');
  migrate(db, 3);
  assert.equal(schemaVersion(db), 3);
  assert.deepEqual(rowsOf(db, 'submission_events'), kept);
  for (const [t, rows] of Object.entries(others)) assert.deepEqual(rowsOf(db, t), rows, `${t} is unchanged`);
  db.close();
});

test("0004 → 0005 (decided by id): every row stays; a decided comment keeps its decider's name and has no id; a new decision names its person by id", () => {
  const { db } = storeAt(4);
  const ids = seedV1(db);
  const comment = newId();
  db.prepare(
    `INSERT INTO comments (id, customer_id, page_url, body, posted_at, status, decided_by, decided_at) VALUES (?, ?, 'https://shop.example.vn/p/1', 'Tốt', 1, 'approved', 'Minh', 2)`,
  ).run(comment, ids.customer);
  const before = Object.fromEntries([...V1_TABLES, 'comments'].map((t) => [t, rowsOf(db, t)]));
  migrate(db, 5);
  assert.equal(schemaVersion(db), 5);
  const staffBefore = before.staff!.map((r) => ({ ...JSON.parse(r), version: 1, must_change_password: 0 }));
  assert.deepEqual(
    rowsOf(db, 'staff').map((r) => JSON.parse(r)),
    staffBefore,
    'accounts stay, at directory version 1, with the passwords they have',
  );
  for (const t of V1_TABLES.filter((t) => t !== 'staff')) assert.deepEqual(rowsOf(db, t), before[t], `${t} is unchanged`);
  assert.deepEqual(db.prepare('SELECT decided_by AS name, decided_by_id AS id FROM comments').get(), { name: 'Minh', id: null });
  db.prepare(`UPDATE comments SET decided_by_id = ? WHERE id = ?`).run(ids.staff, comment);
  assert.throws(() => db.prepare(`UPDATE comments SET decided_by_id = ? WHERE id = ?`).run(newId(), comment), /FOREIGN KEY/);
  db.close();
});

test('0005 → 0006 (signatures): every row stays; accounts, outbox rows and audit rows start without keys or signatures', () => {
  const { db } = storeAt(5);
  seedV1(db);
  const before = Object.fromEntries(V1_TABLES.map((t) => [t, rowsOf(db, t)]));
  migrate(db, 6);
  assert.equal(schemaVersion(db), 6);
  const unchanged = (t: string, added: string[]) =>
    rowsOf(db, t).map((r) => {
      const row = JSON.parse(r) as Record<string, unknown>;
      for (const c of added) {
        assert.equal(row[c], null, `${t}.${c} starts empty`);
        delete row[c];
      }
      return JSON.stringify(row);
    });
  assert.deepEqual(unchanged('staff', ['key_id', 'public_key', 'wrapped_key']), before.staff);
  assert.deepEqual(unchanged('audit_log', ['key_id', 'signature']), before.audit_log);
  assert.deepEqual(unchanged('outbox', ['key_id', 'signature']), before.outbox);
  for (const t of V1_TABLES.filter((t) => !['staff', 'audit_log', 'outbox'].includes(t))) assert.deepEqual(rowsOf(db, t), before[t]);
  assert.throws(() => db.prepare(`INSERT INTO audit_hub_verdicts (seq, signature) VALUES (1, 'maybe')`).run(), /CHECK/);
  db.close();
});

test('0007 → 0008 (keyset lists): every submission stays, in time order by seq; counts are kept; search finds old rows once the store opens', async () => {
  const { db, dataDir, keyHex } = storeAt(7);
  const ids = seedV1(db);
  const customer = (db.prepare('SELECT id FROM customers').get() as { id: string }).id;
  // Two more, one made in the same millisecond as the first: seq keeps them apart and in time order.
  const later = newId();
  const sameMs = newId();
  db.prepare(
    `INSERT INTO submissions (id, kind, customer_id, subject, body, status, created_at, updated_at) VALUES (?, 'complaint', ?, 'Tủ lạnh không lạnh', 'Hỏng sau 3 ngày', 'closed', 5, 5)`,
  ).run(later, customer);
  db.prepare(
    `INSERT INTO submissions (id, kind, customer_id, subject, body, created_at, updated_at) VALUES (?, 'question', ?, 'Còn hàng không', 'Hỏi', 1, 1)`,
  ).run(sameMs, customer);
  const before = rowsOf(
    db,
    'submissions',
    'id, kind, customer_id, subject, body, details, status, priority, assignee_id, created_at, version',
  );
  migrate(db, 8);
  assert.equal(schemaVersion(db), 8);
  assert.deepEqual(
    rowsOf(db, 'submissions', 'id, kind, customer_id, subject, body, details, status, priority, assignee_id, created_at, version'),
    before,
  );
  const seqs = db.prepare('SELECT id, CAST(seq AS TEXT) AS seq FROM submissions ORDER BY seq').all() as { id: string; seq: string }[];
  assert.equal(seqs[seqs.length - 1]!.id, later, 'the newest row has the largest seq');
  assert.equal(BigInt(seqs[0]!.seq) >> 20n, 1n, 'seq is the creation millisecond times 2^20, plus a counter');
  assert.equal((db.pragma('foreign_key_check') as unknown[]).length, 0, 'the timeline still points at its submission');
  assert.deepEqual(db.prepare(`SELECT kind, status, assignee, n FROM submission_counts ORDER BY kind, status`).all(), [
    { kind: 'complaint', status: 'closed', assignee: '', n: 1 },
    { kind: 'complaint', status: 'new', assignee: '', n: 1 },
    { kind: 'question', status: 'new', assignee: '', n: 1 },
  ]);
  db.close();
  const store = await openInThisBackdesk(dataDir, keyHex);
  try {
    const found = listSubmissions(store.db, 'complaint', { text: 'máy giặt', sort: 'newest', limit: 10 });
    assert.deepEqual(
      found.rows.map((r) => r.id),
      [ids.submission],
    );
    assert.equal((store.db.prepare('SELECT count(*) AS n FROM submissions_fts_queue').get() as { n: number }).n, 0);
  } finally {
    store.close();
  }
});

test('0010 → 0011 (service clocks): every open submission is queued, and the first open gives each its clock from its timeline', async () => {
  const { db, dataDir, keyHex } = storeAt(10);
  const ids = seedV1(db);
  const customer = (db.prepare('SELECT id FROM customers').get() as { id: string }).id;
  const vn = (time: string) => Date.parse(`2026-11-30T${time}:00+07:00`); // a Monday
  const insert = db.prepare(
    `INSERT INTO submissions (seq, id, kind, customer_id, subject, body, status, created_at, updated_at) VALUES (?, ?, 'complaint', ?, 'Giao trễ', 'Chưa nhận được hàng', ?, ?, ?)`,
  );
  const waiting = newId();
  const closed = newId();
  insert.run(BigInt(vn('10:00')) * 1_048_576n, waiting, customer, 'waiting', vn('10:00'), vn('11:00'));
  insert.run(BigInt(vn('10:00')) * 1_048_576n + 1n, closed, customer, 'closed', vn('10:00'), vn('11:00'));
  db.prepare(`INSERT INTO submission_events (id, submission_id, type, data, created_at) VALUES (?, ?, 'status_change', ?, ?)`).run(
    newId(),
    waiting,
    JSON.stringify({ from: 'new', to: 'waiting' }),
    vn('11:00'),
  );
  migrate(db, 11);
  assert.deepEqual(
    (db.prepare('SELECT submission_id FROM clock_queue').pluck().all() as string[]).sort(),
    [ids.submission, waiting].sort(),
    'the open ones are queued, the closed one is not',
  );
  db.close();
  const store = await openInThisBackdesk(dataDir, keyHex);
  try {
    const clock = (id: string) =>
      store.db
        .prepare('SELECT due_at AS dueAt, due_what AS dueWhat, clock_used AS used, clock_since AS since FROM submissions WHERE id = ?')
        .get(id);
    // Waiting since 11:00: one business hour used; its first reply is still owed by 15:30.
    assert.deepEqual(clock(waiting), { dueAt: vn('15:30'), dueWhat: 'first_response', used: 3_600_000, since: null });
    assert.deepEqual(clock(closed), { dueAt: null, dueWhat: null, used: 0, since: null });
    assert.equal((clock(ids.submission) as { dueWhat: string }).dueWhat, 'first_response');
    assert.equal((store.db.prepare('SELECT count(*) AS n FROM clock_queue').get() as { n: number }).n, 0);
  } finally {
    store.close();
  }
});

test('0011 → 0012 (canned replies, tags): every row and event stays; tags_change events; a tag follows its submission, counted; its filter pages', async () => {
  const { db, dataDir, keyHex } = storeAt(11);
  const ids = seedV1(db);
  db.prepare(
    `INSERT INTO submission_events (id, submission_id, type, data, created_at) VALUES (?, ?, 'notice', '{"delivery":"sent"}', 3)`,
  ).run(newId(), ids.submission);
  db.prepare(
    `INSERT INTO products (id, sku, name, warranty_months, updated_at) VALUES (?, 'NR-BV331', 'Tủ lạnh Panasonic NR-BV331', 24, 1)`,
  ).run(newId());
  const tables = [...V1_TABLES, 'products', 'submission_counts'];
  const before = Object.fromEntries(tables.map((t) => [t, rowsOf(db, t)]));
  migrate(db, 12);
  assert.equal(schemaVersion(db), 12);
  for (const t of tables) assert.deepEqual(rowsOf(db, t), before[t], `${t} is unchanged`);
  assert.equal((db.pragma('foreign_key_check') as unknown[]).length, 0);
  for (const t of ['canned_replies', 'tags', 'submission_tags', 'submission_tag_counts'])
    assert.deepEqual(rowsOf(db, t), [], `${t} starts empty`);
  db.prepare(
    `INSERT INTO submission_events (id, submission_id, type, data, created_at) VALUES (?, ?, 'tags_change', '{"add":[],"remove":[]}', 4)`,
  ).run(newId(), ids.submission);
  db.prepare('DELETE FROM clock_queue').run();
  db.prepare(`INSERT INTO submission_events (id, submission_id, type, data, created_at) VALUES (?, ?, 'reply', '{}', 5)`).run(
    newId(),
    ids.submission,
  );
  assert.deepEqual(
    db.prepare('SELECT submission_id FROM clock_queue').pluck().all(),
    [ids.submission],
    'a reply still queues its service clock: the rebuilt events table has the trigger of 0011 again',
  );
  assert.throws(
    () =>
      db
        .prepare(`INSERT INTO submission_events (id, submission_id, type, created_at) VALUES (?, ?, 'tagged', 4)`)
        .run(newId(), ids.submission),
    /CHECK/,
  );
  assert.throws(
    () => db.prepare(`INSERT INTO tags (id, name, color, updated_at) VALUES (?, 'Xanh', 'chartreuse', 1)`).run(newId()),
    /CHECK/,
  );
  assert.throws(
    () => db.prepare(`INSERT INTO canned_replies (id, title, body, kind, updated_at) VALUES (?, 'x', 'y', 'comment', 1)`).run(newId()),
    /CHECK/,
  );

  // A tag's copy of its submission's list keys follows the submission, and is counted.
  const tag = newId();
  db.prepare(`INSERT INTO tags (id, name, color, updated_at) VALUES (?, 'Gấp', 'red', 1)`).run(tag);
  putTags(db, ids.submission, [tag]);
  db.prepare(`UPDATE submissions SET status = 'open', priority = 'urgent', assignee_id = ? WHERE id = ?`).run(ids.staff, ids.submission);
  assert.deepEqual(db.prepare('SELECT status, assignee_id AS assignee, urgency FROM submission_tags').all(), [
    { status: 'open', assignee: ids.staff, urgency: 3 },
  ]);
  assert.deepEqual(db.prepare('SELECT status, assignee, n FROM submission_tag_counts WHERE n > 0').all(), [
    { status: 'open', assignee: ids.staff, n: 1 },
  ]);
  db.close();
  const store = await openInThisBackdesk(dataDir, keyHex);
  try {
    assert.deepEqual(compareSchema(store.db), []);
    const page = listSubmissions(store.db, 'complaint', { tag, sort: 'priority', limit: 10 });
    assert.deepEqual([page.rows.map((r) => [r.id, r.tagIds]), page.total], [[[ids.submission, [tag]]], { n: 1, exact: true }]);
  } finally {
    store.close();
  }
});

test('0016 → 0017 (customer timeline keys): replies sent before are under their customer, new and refused ones follow; each part walks an index', async () => {
  const { db, dataDir, keyHex } = storeAt(16);
  const ids = seedV1(db);
  const reply = (id: string, at: number) =>
    db
      .prepare(
        `INSERT INTO submission_events (id, submission_id, type, actor_id, body, created_at) VALUES (?, ?, 'reply', ?, 'Đã gửi lại hàng', ?)`,
      )
      .run(id, ids.submission, ids.staff, at);
  const before = newId();
  reply(before, 3);
  migrate(db, 17);
  const held = () => db.prepare('SELECT customer_id AS customer, at, event_id AS event, kind FROM customer_replies ORDER BY at').all();
  assert.deepEqual(held(), [{ customer: ids.customer, at: 3, event: before, kind: 'complaint' }]);
  const after = newId();
  reply(after, 4);
  db.prepare('DELETE FROM submission_events WHERE id = ?').run(before); // a reply the hub refused
  assert.deepEqual(held(), [{ customer: ids.customer, at: 4, event: after, kind: 'complaint' }]);
  const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('; ');
  assert.match(
    plan(`SELECT id FROM submissions WHERE customer_id = 'c' ORDER BY created_at DESC, id DESC LIMIT 5`),
    /submissions_customer_time/,
  );
  assert.doesNotMatch(plan(`SELECT id FROM submissions WHERE customer_id = 'c' ORDER BY created_at DESC, id DESC LIMIT 5`), /TEMP B-TREE/);
  assert.doesNotMatch(
    plan(`SELECT event_id FROM customer_replies WHERE customer_id = 'c' ORDER BY at DESC, event_id DESC LIMIT 5`),
    /TEMP B-TREE/,
  );
  assert.match(plan(`SELECT id FROM comments WHERE customer_id = 'c' ORDER BY posted_at DESC, id DESC LIMIT 5`), /comments_customer_time/);
  db.close();
  const store = await openInThisBackdesk(dataDir, keyHex);
  try {
    assert.deepEqual(compareSchema(store.db), []);
  } finally {
    store.close();
  }
});

test('a store written at schema 1 opens in this Backdesk: openStore applies every later migration and the data is all there', async () => {
  const { db, dataDir, keyHex } = storeAt(1);
  const ids = seedV1(db);
  db.close();
  const store = await openInThisBackdesk(dataDir, keyHex);
  try {
    assert.equal(schemaVersion(store.db), latestSchemaVersion());
    assert.deepEqual(store.db.prepare('SELECT id, subject FROM submissions').all(), [{ id: ids.submission, subject: 'Máy giặt kêu to' }]);
    assert.deepEqual(store.db.prepare('SELECT id, state FROM outbox').all(), [{ id: ids.outbox, state: 'pending' }]);
    assert.equal((store.db.prepare(`SELECT count(*) AS n FROM submission_events`).get() as { n: number }).n, 2);
    assert.deepEqual(store.db.prepare(`SELECT value FROM settings WHERE key = 'sync.cursor'`).get(), { value: '42' });
  } finally {
    store.close();
  }
});
