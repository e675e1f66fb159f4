/**
 * The store's rules hold for every write form SQLite has, not only UPDATE and DELETE: REPLACE, INSERT OR
 * REPLACE, UPSERT and UPDATE OR REPLACE can neither change a customer's username or gender nor rewrite the
 * audit log (migration 0004), while the sync applier's own upsert keeps working.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3-multiple-ciphers';
import { GENESIS_HASH, rowHash } from '../../common/audit/hash.ts';
import { newId } from '../../common/ids.ts';
import { appendAudit, verifyAudit } from '../../main/core/audit/chain.ts';
import { insertCustomer } from '../../main/core/domain/customers.ts';
import { migrations } from '../../main/core/store/migrations/index.ts';
import { applyKey, configure, migrate, type Db } from '../../main/core/store/open.ts';
import { applyChange } from '../../main/core/sync/apply.ts';
import { tempDir, tempStore } from '../support/fixtures.ts';

const TIMEOUT = { timeout: 60_000 };
const COLS = '(id, username, gender, full_name, created_at, updated_at)';
const ACTOR = { id: null, name: 'kiểm thử', role: null };

const customerOf = (db: Db, id: string) => db.prepare('SELECT username, gender, full_name AS fullName FROM customers WHERE id = ?').get(id);
const auditRows = (db: Db) => db.prepare('SELECT * FROM audit_log ORDER BY seq').all();

/** Every write form that could land on customer `id` (holding `ua`/female) or take another's username. */
function customerAttacks(id: string, otherId: string): [string, string][] {
  return [
    ['INSERT OR REPLACE: username', `INSERT OR REPLACE INTO customers ${COLS} VALUES ('${id}', 'evil', 'female', 'X', 1, 1)`],
    ['REPLACE: gender', `REPLACE INTO customers ${COLS} VALUES ('${id}', 'ua', 'male', 'X', 1, 1)`],
    ['REPLACE: username to NULL', `REPLACE INTO customers ${COLS} VALUES ('${id}', NULL, 'female', 'X', 1, 1)`],
    ['INSERT OR IGNORE onto the id', `INSERT OR IGNORE INTO customers ${COLS} VALUES ('${id}', 'evil', 'female', 'X', 1, 1)`],
    [
      'UPSERT: username',
      `INSERT INTO customers ${COLS} VALUES ('${id}', 'ua', 'female', 'X', 1, 1) ON CONFLICT (id) DO UPDATE SET username = 'evil'`,
    ],
    [
      'UPSERT: gender',
      `INSERT INTO customers ${COLS} VALUES ('${id}', 'ua', 'female', 'X', 1, 1) ON CONFLICT (id) DO UPDATE SET gender = 'male'`,
    ],
    [
      'INSERT OR REPLACE: a new id takes the username',
      `INSERT OR REPLACE INTO customers ${COLS} VALUES ('${newId()}', 'ua', 'male', 'X', 1, 1)`,
    ],
    ['UPDATE OR REPLACE: another takes the username', `UPDATE OR REPLACE customers SET username = 'ua' WHERE id = '${otherId}'`],
    ['UPDATE OR REPLACE: another takes the id', `UPDATE OR REPLACE customers SET id = '${id}' WHERE id = '${otherId}'`],
  ];
}

function auditAttacks(): [string, string][] {
  const cols = '(seq, id, at, actor_name, action, prev_hash, hash)';
  return [
    ['INSERT OR REPLACE onto a seq', `INSERT OR REPLACE INTO audit_log ${cols} VALUES (2, '${newId()}', 1, 'x', 'rewritten', 'p', 'h')`],
    [
      'REPLACE onto an id',
      `REPLACE INTO audit_log (id, at, actor_name, action, prev_hash, hash) SELECT id, 1, 'x', 'rewritten', 'p', 'h' FROM audit_log WHERE seq = 2`,
    ],
    ['INSERT OR IGNORE onto a seq', `INSERT OR IGNORE INTO audit_log ${cols} VALUES (2, '${newId()}', 1, 'x', 'rewritten', 'p', 'h')`],
    [
      'UPSERT',
      `INSERT INTO audit_log ${cols} VALUES (2, '${newId()}', 1, 'x', 'x', 'p', 'h') ON CONFLICT (seq) DO UPDATE SET action = 'rewritten'`,
    ],
    ['UPDATE OR REPLACE', `UPDATE OR REPLACE audit_log SET seq = 1 WHERE seq = 2`],
  ];
}

function assertCustomerGuarded(db: Db, id: string, otherId: string) {
  const before = db.prepare('SELECT * FROM customers ORDER BY id').all();
  for (const [name, sql] of customerAttacks(id, otherId)) {
    assert.throws(() => db.prepare(sql).run(), /cannot change|belongs to another customer/, name);
  }
  assert.deepEqual(db.prepare('SELECT * FROM customers ORDER BY id').all(), before);
}

function assertAuditGuarded(db: Db) {
  const before = auditRows(db);
  for (const [name, sql] of auditAttacks()) assert.throws(() => db.prepare(sql).run(), /append-only/, name);
  assert.deepEqual(auditRows(db), before);
  assert.equal(verifyAudit(db).intact, true);
}

test("no write form changes a customer's username or gender, or hands the username to another row", TIMEOUT, async () => {
  const { db } = await tempStore();
  const id = insertCustomer(db, { username: 'ua', gender: 'female', fullName: 'Nguyễn Thị Lan', createdAt: Date.now() });
  const other = insertCustomer(db, { fullName: 'Khách vãng lai', createdAt: Date.now() });
  assertCustomerGuarded(db, id, other);
  // What stays allowed: the same identity with other fields (also by REPLACE), and a username or gender set once.
  db.prepare(`REPLACE INTO customers ${COLS} VALUES (?, 'ua', 'female', 'Nguyễn Thị Lan Anh', 1, 1)`).run(id);
  db.prepare(`INSERT OR REPLACE INTO customers ${COLS} VALUES (?, 'khach1', 'male', 'Khách', 1, 1)`).run(other);
  assert.deepEqual(customerOf(db, id), { username: 'ua', gender: 'female', fullName: 'Nguyễn Thị Lan Anh' });
  assert.deepEqual(customerOf(db, other), { username: 'khach1', gender: 'male', fullName: 'Khách' });
});

test('no write form rewrites, moves or replaces an audit row', TIMEOUT, async () => {
  const { db } = await tempStore();
  for (let i = 0; i < 3; i++) appendAudit(db, ACTOR, { action: `test.${i}` });
  assertAuditGuarded(db);
  appendAudit(db, ACTOR, { action: 'test.after' });
  assert.equal(verifyAudit(db).intact, true, 'appending still works');
});

test("the sync applier's upsert still applies customers, and sets a username or gender once", TIMEOUT, async () => {
  const { db } = await tempStore();
  const id = newId();
  const row = (over: Record<string, unknown>) => ({
    entity: 'customer' as const,
    seq: 1,
    row: {
      id,
      username: null,
      gender: null,
      full_name: 'Trần Văn Bình',
      email: null,
      phone: null,
      address: null,
      created_at: '2026-11-20T02:30:00+00:00',
      updated_at: '2026-11-20T02:30:00+00:00',
      erased_at: null,
      merged_into: null,
      merged_at: null,
      ...over,
    },
  });
  applyChange(db, row({}));
  applyChange(db, row({}));
  applyChange(db, row({ username: 'binh', gender: 'male', full_name: 'Trần Văn Bình An' }));
  applyChange(db, row({ username: 'binh', gender: 'male', email: 'binh@gmail.com' }));
  assert.deepEqual(customerOf(db, id), { username: 'binh', gender: 'male', fullName: 'Trần Văn Bình' });
  assert.throws(() => applyChange(db, row({ username: 'someone', gender: 'male' })), /username cannot change/);
});

test('migration 0004 on a store at version 3 keeps every row, and guards them from then on', TIMEOUT, () => {
  const file = join(tempDir(), 'v3.db');
  const key = randomBytes(32).toString('hex');
  const db = new Database(file);
  try {
    applyKey(db, key);
    configure(db, key);
    migrate(db, 3);
    const id = insertCustomer(db, { username: 'ua', gender: 'female', fullName: 'Nguyễn Thị Lan', createdAt: 1 });
    const other = insertCustomer(db, { fullName: 'Khách vãng lai', createdAt: 2 });
    // Written as a store at version 3 holds them (appendAudit needs a store opened by openStore).
    let prev = GENESIS_HASH;
    for (let i = 0; i < 3; i++) {
      const row = {
        id: newId(),
        at: i,
        actor_id: null,
        actor_name: 'x',
        actor_role: null,
        action: `before.${i}`,
        target_type: null,
        target_id: null,
        detail: '{}',
      };
      const hash = rowHash(prev, row);
      db.prepare(
        'INSERT INTO audit_log (id, at, actor_id, actor_name, actor_role, action, target_type, target_id, detail, prev_hash, hash) VALUES (@id, @at, @actor_id, @actor_name, @actor_role, @action, @target_type, @target_id, @detail, @prev_hash, @hash)',
      ).run({ ...row, prev_hash: prev, hash });
      prev = hash;
    }
    // At version 3 the hole is there: REPLACE rewrites a username (rolled back, so the data stays intact).
    const hole = db.transaction(() => {
      db.prepare(`INSERT OR REPLACE INTO customers ${COLS} VALUES (?, 'evil', 'male', 'X', 1, 1)`).run(id);
      assert.equal((customerOf(db, id) as { username: string }).username, 'evil');
      throw new Error('rolled back');
    });
    assert.throws(() => hole(), /rolled back/);
    const customers = db.prepare('SELECT * FROM customers ORDER BY id').all();
    const audit = auditRows(db);

    migrate(db);
    assert.equal(db.pragma('user_version', { simple: true }), migrations.length);
    // Later migrations add the phone number's search key (0014), computed from the phone, when the customer was
    // erased (0026) and what they were merged into (0030): the rows are otherwise unchanged.
    const withoutKey = (db.prepare('SELECT * FROM customers ORDER BY id').all() as Record<string, unknown>[]).map(
      ({ phone_key, erased_at, merged_into, merged_at, ...r }) => {
        assert.deepEqual(
          [phone_key, erased_at, merged_into, merged_at],
          [null, null, null, null],
          'no phone, no key; not erased nor merged',
        );
        return r;
      },
    );
    assert.deepEqual(withoutKey, customers);
    // Later migrations add the signature columns (0006): the old rows have none, and are otherwise unchanged.
    const unsigned = (auditRows(db) as Record<string, unknown>[]).map(({ key_id, signature, ...r }) => {
      assert.deepEqual([key_id, signature], [null, null]);
      return r;
    });
    assert.deepEqual(unsigned, audit);
    assert.equal(verifyAudit(db).intact, true);
    assertCustomerGuarded(db, id, other);
    assertAuditGuarded(db);
  } finally {
    db.close();
  }
});
