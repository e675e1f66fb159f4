/**
 * Upgrading a hub database that holds data, one migration at a time: the schema is built at version N-1
 * with representative rows, migration N runs, and the rows are still there and the new behaviour works.
 * Runs on PGlite and on PostgreSQL, like every hub file.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId } from '../../common/ids.ts';
import type { HubDb } from '../../server/db/connect.ts';
import { migrateHub } from '../../server/db/migrate.ts';
import { messageIdOf, queueReplyMail } from '../../server/mail/queue.ts';
import { testHubStorage } from '../support/hub.ts';

// One database for the file, emptied for each test (a new PGlite instance per test costs seconds).
const db = await (await testHubStorage()).connect();

/** The database at schema version `version`: emptied, then migrations 1..version applied, nothing after. */
async function hubAt(version: number): Promise<void> {
  await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await migrateHub(db, version);
  const versions = (await db.query<{ version: number }>('SELECT version FROM schema_version ORDER BY version')).rows;
  assert.deepEqual(
    versions.map((v) => v.version),
    Array.from({ length: version }, (_, i) => i + 1),
  );
}

const rowsOf = async (db: HubDb, table: string) =>
  (await db.query<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM ${table} t`)).rows.map((r) => JSON.stringify(r.row)).sort();

/** What every version from 0001 on has: a website key, a device, a customer, a complaint and its timeline. */
async function seedV1(db: HubDb) {
  const ids = { customer: newId(), submission: newId(), created: newId(), reply: newId(), device: newId() };
  await db.exec(`
    INSERT INTO website_keys (id, name, key_hash) VALUES ('${newId()}', 'website', '${'a'.repeat(64)}');
    INSERT INTO devices (id, name, token_hash, enrolled_at) VALUES ('${ids.device}', 'Máy 1', '${'b'.repeat(64)}', now());
    INSERT INTO customers (id, website_ref, username, gender, full_name, email, seq)
      VALUES ('${ids.customer}', 'kh-1', 'lan', 'female', 'Nguyễn Thị Lan', 'lan@gmail.com', 0);
    INSERT INTO submissions (id, website_ref, kind, customer_id, subject, body, created_at, seq)
      VALUES ('${ids.submission}', 'web-1', 'complaint', '${ids.customer}', 'Giao hàng trễ', 'Chưa nhận được hàng', now(), 0);
    INSERT INTO submission_events (id, submission_id, type, created_at, seq) VALUES ('${ids.created}', '${ids.submission}', 'created', now(), 0);
    INSERT INTO submission_events (id, submission_id, type, actor_name, body, created_at, seq)
      VALUES ('${ids.reply}', '${ids.submission}', 'reply', 'Lan', 'Chúng tôi xin lỗi', now(), 0);
  `);
  return ids;
}

test('0001 → 0002 (mail): the rows stay as they were; a reply can now be queued as email, for a timeline event only', async () => {
  await hubAt(1);
  const ids = await seedV1(db);
  const before = { submissions: await rowsOf(db, 'submissions'), events: await rowsOf(db, 'submission_events') };
  assert.equal(await migrateHub(db, 2), 1);
  assert.deepEqual({ submissions: await rowsOf(db, 'submissions'), events: await rowsOf(db, 'submission_events') }, before);
  assert.deepEqual(await rowsOf(db, 'mail_outbox'), [], 'replies made before email existed are not sent now');

  await db.transaction((tx) => queueReplyMail(tx, ids.reply, ids.submission, 'Chúng tôi xin lỗi'));
  const mail = (await db.query('SELECT to_address, subject, message_id, state, attempts FROM mail_outbox')).rows;
  assert.deepEqual(mail, [
    { to_address: 'lan@gmail.com', subject: 'Phản hồi: Giao hàng trễ', message_id: messageIdOf(ids.reply), state: 'queued', attempts: 0 },
  ]);
  await assert.rejects(
    db.query(`INSERT INTO mail_outbox (reply_id, to_address, subject, body, message_id) VALUES ('${newId()}', 'x@y.vn', 's', 'b', 'm')`),
    /foreign key/,
  );
});

test('0002 → 0003 (audit copies): the rows stay; each enrolled device gets an append-only copy of its audit log', async () => {
  await hubAt(2);
  const ids = await seedV1(db);
  await db.transaction((tx) => queueReplyMail(tx, ids.reply, ids.submission, 'Chúng tôi xin lỗi'));
  const before = { devices: await rowsOf(db, 'devices'), mail: await rowsOf(db, 'mail_outbox') };
  assert.equal(await migrateHub(db, 3), 1);
  assert.deepEqual({ devices: await rowsOf(db, 'devices'), mail: await rowsOf(db, 'mail_outbox') }, before);

  const insert = (device: string, seq: number) =>
    db.query(`INSERT INTO audit_copies (device_id, seq, id, prev_hash, hash, row) VALUES ($1, $2, $3, 'p', 'h', '{}')`, [
      device,
      seq,
      newId(),
    ]);
  await insert(ids.device, 1);
  await assert.rejects(insert(ids.device, 1), /duplicate key/);
  await assert.rejects(insert(newId(), 1), /foreign key/);
  await assert.rejects(db.query(`UPDATE audit_copies SET hash = 'x'`), /append-only/);
  await assert.rejects(db.query(`DELETE FROM audit_copies`), /append-only/);
  assert.equal((await db.query('SELECT hash FROM audit_copies')).rows.length, 1);
});

test('0003 → 0004 (event ids): events with "-event" ids get UUIDs and a new seq, so desks pull them again; every other row stays', async () => {
  await hubAt(3);
  const ids = await seedV1(db);
  const legacy = [`${newId()}-event`, `${newId()}-event`];
  await db.query(
    `INSERT INTO submission_events (id, submission_id, type, actor_name, data, created_at, seq) VALUES
       ($1, $3, 'status_change', 'Lan', '{"from":"new","to":"open"}', '2026-01-02T03:04:05Z', 0),
       ($2, $3, 'assignment', 'Lan', '{"to":"Minh"}', '2026-01-02T03:04:06Z', 0)`,
    [...legacy, ids.submission],
  );
  const kept = (
    await db.query<{ id: string; seq: string }>(`SELECT id, seq FROM submission_events WHERE id NOT LIKE '%-event' ORDER BY id`)
  ).rows;
  const maxSeq = Number((await db.query<{ s: string }>('SELECT max(seq) AS s FROM submission_events')).rows[0]!.s);
  assert.equal(await migrateHub(db, 4), 1);

  assert.deepEqual(
    (await db.query(`SELECT id, seq FROM submission_events WHERE id = ANY($1) ORDER BY id`, [kept.map((k) => k.id)])).rows,
    kept,
    'events that had UUIDs keep their id and seq',
  );
  const renamed = (
    await db.query<{ id: string; type: string; data: unknown; created_at: Date; seq: string }>(
      `SELECT id, type, data, created_at, seq FROM submission_events WHERE type IN ('status_change', 'assignment') ORDER BY type`,
    )
  ).rows;
  assert.equal(renamed.length, 2);
  for (const e of renamed) {
    assert.match(e.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.ok(Number(e.seq) > maxSeq, `seq ${e.seq} is past every seq a desk may already have (${maxSeq})`);
  }
  assert.deepEqual(
    renamed.map((e) => [e.type, e.data, e.created_at.toISOString()]),
    [
      ['assignment', { to: 'Minh' }, '2026-01-02T03:04:06.000Z'],
      ['status_change', { from: 'new', to: 'open' }, '2026-01-02T03:04:05.000Z'],
    ],
  );
  assert.equal((await db.query(`SELECT 1 FROM submission_events WHERE id LIKE '%-event'`)).rows.length, 0);
});

test('0005 → 0006 (audit copy as text): each copied row keeps its JSON, the copy stays append-only, and a row with NUL can be kept', async () => {
  await hubAt(5);
  const ids = await seedV1(db);
  const row = { seq: 1, actor_name: 'Trần Minh Đức', detail: '{"field":"phone"}' };
  await db.query(`INSERT INTO audit_copies (device_id, seq, id, prev_hash, hash, row) VALUES ($1, 1, $2, 'p', 'h1', $3)`, [
    ids.device,
    newId(),
    JSON.stringify(row),
  ]);
  const before = (await db.query('SELECT device_id, seq, id, prev_hash, hash, received_at FROM audit_copies')).rows;
  assert.equal(await migrateHub(db, 6), 1);

  assert.deepEqual((await db.query('SELECT device_id, seq, id, prev_hash, hash, received_at FROM audit_copies')).rows, before);
  const kept = (await db.query<{ row: string }>('SELECT row FROM audit_copies')).rows[0]!.row;
  assert.equal(typeof kept, 'string');
  assert.deepEqual(JSON.parse(kept), row);
  await assert.rejects(db.query(`UPDATE audit_copies SET row = '{}'`), /append-only/);
  await assert.rejects(db.query(`DELETE FROM audit_copies`), /append-only/);
  await assert.rejects(db.query(`TRUNCATE audit_copies`), /append-only/);

  const legacy = JSON.stringify({ seq: 2, actor_name: 'admin\u0000' });
  await db.query(`INSERT INTO audit_copies (device_id, seq, id, prev_hash, hash, row) VALUES ($1, 2, $2, 'h1', 'h2', $3)`, [
    ids.device,
    newId(),
    legacy,
  ]);
  const held = (await db.query<{ row: string }>('SELECT row FROM audit_copies WHERE seq = 2')).rows[0]!.row;
  assert.equal((JSON.parse(held) as { actor_name: string }).actor_name, 'admin\u0000');
});

test('0006 → 0007 (delivery text): reply events lose the mail server words that quoted the customer, and are sent again', async () => {
  await hubAt(6);
  const ids = await seedV1(db);
  const [queued, failed, noAddress, sent] = [newId(), newId(), newId(), newId()];
  const events: [string, object][] = [
    [
      queued,
      { delivery: 'queued', lastError: '550 5.1.1 <lan@gmail.com>: mailbox unavailable', attempts: 1, retryAt: '2026-01-02T03:05:00Z' },
    ],
    [failed, { delivery: 'failed', code: 'refused', reason: '550 5.1.1 <lan@gmail.com>: mailbox unavailable' }],
    [noAddress, { delivery: 'failed', code: 'no_address', reason: 'the customer left no email address' }],
    [sent, { delivery: 'sent', sentAt: '2026-01-02T03:04:05Z', messageId: '<x@backdesk>' }],
  ];
  for (const [id, data] of events)
    await db.query(
      `INSERT INTO submission_events (id, submission_id, type, actor_name, body, data, created_at, seq) VALUES ($1, $2, 'reply', 'Lan', 'Xin lỗi', $3, now(), 0)`,
      [id, ids.submission, JSON.stringify(data)],
    );
  const seqOf = async (id: string) =>
    Number((await db.query<{ seq: string }>('SELECT seq FROM submission_events WHERE id = $1', [id])).rows[0]!.seq);
  const sentSeq = await seqOf(sent);
  const maxSeq = Number((await db.query<{ s: string }>('SELECT max(seq) AS s FROM submission_events')).rows[0]!.s);
  assert.equal(await migrateHub(db, 7), 1);

  const dataOf = async (id: string) =>
    (await db.query<{ data: unknown }>('SELECT data FROM submission_events WHERE id = $1', [id])).rows[0]!.data;
  assert.deepEqual(await dataOf(queued), { delivery: 'queued', attempts: 1, retryAt: '2026-01-02T03:05:00Z' });
  assert.deepEqual(await dataOf(failed), { delivery: 'failed', code: 'refused', failure: { category: 'other' } });
  assert.deepEqual(await dataOf(noAddress), { delivery: 'failed', code: 'no_address' });
  assert.deepEqual(await dataOf(sent), { delivery: 'sent', sentAt: '2026-01-02T03:04:05Z', messageId: '<x@backdesk>' });
  for (const id of [queued, failed, noAddress]) assert.ok((await seqOf(id)) > maxSeq, 'a scrubbed event is sent to the desks again');
  assert.equal(await seqOf(sent), sentSeq, 'an event without server words is left alone');
  const everything = JSON.stringify((await db.query('SELECT data FROM submission_events')).rows);
  assert.doesNotMatch(everything, /lan@gmail\.com/);
});

test('0007 → 0008 (directory): every row stays, named people keep their names and get no id; usernames are unique whatever their case', async () => {
  await hubAt(7);
  const ids = await seedV1(db);
  await db.query(`UPDATE submissions SET assignee = 'Nhân viên Lan' WHERE id = $1`, [ids.submission]);
  const maxSeq = Number((await db.query<{ s: string }>('SELECT max(seq) AS s FROM submissions')).rows[0]!.s);
  assert.equal(await migrateHub(db, 8), 1);

  const submission = (
    await db.query<{ assignee: string; assignee_id: null; seq: string }>('SELECT assignee, assignee_id, seq FROM submissions')
  ).rows[0]!;
  assert.deepEqual({ ...submission, seq: Number(submission.seq) }, { assignee: 'Nhân viên Lan', assignee_id: null, seq: maxSeq });
  const reply = (await db.query('SELECT actor_name, actor_id FROM submission_events WHERE id = $1', [ids.reply])).rows[0];
  assert.deepEqual(reply, { actor_name: 'Lan', actor_id: null });
  assert.deepEqual(await rowsOf(db, 'staff'), []);

  const person = (username: string) =>
    db.query(
      `INSERT INTO staff (id, username, display_name, role, password_hash, seq) VALUES ($1, $2, 'Lan', 'operator', '$argon2id$x', 0)`,
      [newId(), username],
    );
  await person('lan');
  await assert.rejects(person('LAN'), /staff_username|duplicate/);
  await assert.rejects(
    db.query(`INSERT INTO staff (id, username, display_name, role, password_hash, seq) VALUES ($1, 'x', 'X', 'owner', 'h', 0)`, [newId()]),
    /check/i,
  );
  const lan = (await db.query<{ id: string; seq: string }>('SELECT id, seq FROM staff')).rows[0]!;
  assert.ok(Number(lan.seq) > maxSeq, 'a person is in the change log, so desks pull them');
  await db.query('UPDATE submissions SET assignee_id = $1 WHERE id = $2', [lan.id, ids.submission]);
  await assert.rejects(db.query('UPDATE submissions SET assignee_id = $1 WHERE id = $2', [newId(), ids.submission]), /foreign key/i);
});

test('0008 → 0009 (signatures): people already in the directory get their present version from always and no key; later changes are versioned from the time set', async () => {
  await hubAt(8);
  await seedV1(db);
  const lan = newId();
  await db.query(
    `INSERT INTO staff (id, username, display_name, role, grants, password_hash, seq) VALUES ($1, 'lan', 'Lan', 'operator', '["complaint"]', '$argon2id$x', 0)`,
    [lan],
  );
  const copies = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM audit_copies')).rows[0]!.n);
  assert.equal(await migrateHub(db, 9), 1);

  const staff = (await db.query('SELECT key_id, public_key, wrapped_key FROM staff WHERE id = $1', [lan])).rows[0];
  assert.deepEqual(staff, { key_id: null, public_key: null, wrapped_key: null });
  const history = async () =>
    (
      await db.query<{ valid_from: string; grants: string[]; active: boolean }>(
        `SELECT CASE WHEN valid_from = '-infinity' THEN 'always' ELSE valid_from::text END AS valid_from, grants, active
         FROM staff_history WHERE staff_id = $1 ORDER BY id`,
        [lan],
      )
    ).rows;
  assert.deepEqual(await history(), [{ valid_from: 'always', grants: ['complaint'], active: true }]);
  // A director's change made at a given time: the new version counts from then; a change of name only adds none.
  await db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('backdesk.valid_from', '2026-11-01T08:00:00Z', true)`);
    await tx.query(`UPDATE staff SET grants = '["question"]' WHERE id = $1`, [lan]);
    await tx.query(`UPDATE staff SET display_name = 'Lan Nguyễn' WHERE id = $1`, [lan]);
  });
  const [, second] = await history();
  assert.deepEqual(
    { ...second!, valid_from: new Date(second!.valid_from).toISOString() },
    { valid_from: '2026-11-01T08:00:00.000Z', grants: ['question'], active: true },
  );
  assert.equal((await history()).length, 2);
  const unsigned = (await db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_copies WHERE signature = 'unsigned'`)).rows[0]!.n;
  assert.equal(Number(unsigned), copies, 'copies made before signatures are unsigned');
});

test('0014 → 0015 (canned replies, tags): every row stays, submissions with no tags and their seq (no desk pulls them again); tags_change events; one tag per folded name', async () => {
  await hubAt(14);
  const ids = await seedV1(db);
  await db.query(
    `INSERT INTO submission_events (id, submission_id, type, data, created_at, seq) VALUES ($1, $2, 'details_change', '{"fields":{}}', now(), 0)`,
    [newId(), ids.submission],
  );
  const before = { submissions: await rowsOf(db, 'submissions'), events: await rowsOf(db, 'submission_events') };
  assert.equal(await migrateHub(db, 15), 1);

  const withoutTags = (await rowsOf(db, 'submissions')).map((r) => {
    const { tags, ...rest } = JSON.parse(r) as { tags: unknown };
    assert.deepEqual(tags, []);
    return JSON.stringify(rest);
  });
  assert.deepEqual({ submissions: withoutTags, events: await rowsOf(db, 'submission_events') }, before);
  await db.query(
    `INSERT INTO submission_events (id, submission_id, type, data, created_at, seq) VALUES ($1, $2, 'tags_change', '{"add":[],"remove":[]}', now(), 0)`,
    [newId(), ids.submission],
  );
  await assert.rejects(
    db.query(`INSERT INTO submission_events (id, submission_id, type, created_at, seq) VALUES ($1, $2, 'tagged', now(), 0)`, [
      newId(),
      ids.submission,
    ]),
    /check constraint/,
  );
  await assert.rejects(db.query(`UPDATE submissions SET tags = '{}'`), /check constraint/);

  const tag = (name: string, key: string) =>
    db.query(`INSERT INTO tags (id, name, name_key, color, seq) VALUES ($1, $2, $3, 'red', 0)`, [newId(), name, key]);
  await tag('Gấp', 'gap');
  await assert.rejects(tag('GAP', 'gap'), /duplicate key/);
  await assert.rejects(
    db.query(`INSERT INTO tags (id, name, name_key, color, seq) VALUES ($1, 'Xanh', 'xanh', 'chartreuse', 0)`, [newId()]),
    /check constraint/,
  );
  await db.query(`INSERT INTO canned_replies (id, title, body, kind, seq) VALUES ($1, 'Cảm ơn', 'Cảm ơn {{xung_ho}}', NULL, 0)`, [newId()]);
  await assert.rejects(
    db.query(`INSERT INTO canned_replies (id, title, body, kind, seq) VALUES ($1, 'x', 'y', 'comment', 0)`, [newId()]),
    /check constraint/,
  );
  const seqs = (await db.query<{ seq: string }>('SELECT seq FROM tags UNION ALL SELECT seq FROM canned_replies')).rows;
  assert.ok(
    seqs.every((r) => Number(r.seq) > 0),
    'new rows take their seq from the feed, so desks pull them',
  );
});
