/**
 * `backdesk doctor` on a desk with no hub, against someone who holds the database key: dropped or changed
 * triggers and constraints (schema compared with what the migrations make, exit 7), a log cut short or
 * rewritten with its hashes recomputed (head anchored in the keychain, exit 5), and the other exit codes.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3-multiple-ciphers';
import { rowHash, type AuditRow } from '../../common/audit/hash.ts';
import { anchorAccount, checkAuditAnchor } from '../../main/core/audit/anchor.ts';
import { appendAudit, verifyAudit } from '../../main/core/audit/chain.ts';
import { KEYCHAIN_SERVICE } from '../../main/core/security/keychain.ts';
import {
  applyKey,
  configure,
  DB_FILE,
  keychainAccount,
  latestSchemaVersion,
  migrate,
  openStore,
  type Db,
  type Store,
} from '../../main/core/store/open.ts';
import { keychain, tempDir } from '../support/fixtures.ts';

function doctor(dir: string) {
  const out = spawnSync(process.execPath, ['bin/backdesk.mjs', 'doctor', '--data-dir', dir], { encoding: 'utf8', timeout: 60_000 });
  return { code: out.status, out: out.stdout + out.stderr };
}

const actor = { id: null, name: 'Kiểm thử', role: null };

/** A store with `rows` audit rows, closed, so a test can tamper with it the way someone with the key would. */
async function storeWithLog(rows: number): Promise<{ dir: string; reopen: () => Promise<Store> }> {
  const dir = join(tempDir(), 'p');
  const store = await openStore({ dataDir: dir, keychain });
  for (let i = 0; i < rows; i++) appendAudit(store.db, actor, { action: `test.${i}`, detail: { i } });
  store.close();
  return { dir, reopen: () => openStore({ dataDir: dir, keychain }) };
}

const sqlOf = (db: Db, name: string) => (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(name) as { sql: string }).sql;

/** Runs `change` with the append-only triggers out of the way, then puts them back exactly as they were. */
function behindTriggers(db: Db, change: () => void): void {
  const triggers = ['audit_log_no_update', 'audit_log_no_delete'].map((name) => sqlOf(db, name));
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  change();
  for (const sql of triggers) db.exec(sql);
}

test(
  'doctor: 7 when a protective trigger is dropped or changed, a constraint removed or an object added, naming each',
  { timeout: 120_000 },
  async () => {
    const { dir, reopen } = await storeWithLog(2);
    const healthy = doctor(dir);
    assert.equal(healthy.code, 0, healthy.out);
    assert.match(healthy.out, /✓ the schema is exactly what migrations 1–\d+ make/);

    const store = await reopen();
    const db = store.db;
    db.exec(`DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_no_update;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN 0 BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    CREATE TRIGGER audit_log_quiet AFTER INSERT ON audit_log BEGIN SELECT 1; END;`);
    // A constraint can only go by rebuilding its table: staff without the CHECK on role.
    const staff = sqlOf(db, 'staff');
    const unchecked = staff.replace(/\s*CHECK \(role IN \([^)]*\)\)/, '');
    assert.notEqual(unchecked, staff);
    db.pragma('foreign_keys = OFF');
    db.exec(`CREATE TABLE staff_copy AS SELECT * FROM staff; DROP TABLE staff; ${unchecked};
    INSERT INTO staff SELECT * FROM staff_copy; DROP TABLE staff_copy;`);
    store.close();

    const r = doctor(dir);
    assert.equal(r.code, 7, r.out);
    assert.match(r.out, /✗ the schema is not the one the migrations make/);
    for (const item of [
      'missing trigger audit_log_no_delete',
      'altered trigger audit_log_no_update',
      'altered table staff',
      'unexpected trigger audit_log_quiet',
    ]) {
      assert.ok(r.out.includes(item), `${item} in:\n${r.out}`);
    }
    assert.match(r.out, /✓ the audit chain is intact \(2 rows\)/, 'the other checks still run and say what they found');
  },
);

test(
  "doctor: 5 when the log's last rows were deleted, though the triggers are back and the chain verifies",
  { timeout: 120_000 },
  async () => {
    const { dir, reopen } = await storeWithLog(5);
    const store = await reopen();
    behindTriggers(store.db, () => store.db.prepare('DELETE FROM audit_log WHERE seq > 3').run());
    assert.equal(verifyAudit(store.db).intact, true, 'a shortened chain is still a valid chain');
    store.close();

    const r = doctor(dir);
    assert.equal(r.code, 5, r.out);
    assert.match(r.out, /✓ the schema is exactly/);
    assert.match(r.out, /✓ the audit chain is intact \(3 rows\)/);
    assert.match(
      r.out,
      /✗ the audit log does not match its anchor .*the log ends at row 3 but the anchor vouches for row 5: rows were removed from its end/,
    );
  },
);

test('doctor: 5 when a row was edited and every hash after it recomputed', { timeout: 120_000 }, async () => {
  const { dir, reopen } = await storeWithLog(4);
  const store = await reopen();
  const db = store.db;
  behindTriggers(db, () => {
    db.prepare(`UPDATE audit_log SET actor_name = 'không ai cả' WHERE seq = 2`).run();
    let prev = '0'.repeat(64);
    for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[]) {
      const hash = rowHash(prev, row);
      db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, row.seq);
      prev = hash;
    }
  });
  assert.equal(verifyAudit(db).intact, true);
  store.close();

  const r = doctor(dir);
  assert.equal(r.code, 5, r.out);
  assert.match(r.out, /✓ the audit chain is intact \(4 rows\)/);
  assert.match(r.out, /✗ .*row 4 is not the row the anchor vouches for: the log was rewritten and its hashes recomputed/);
});

test('a log that no longer matches its anchor stays flagged however many rows Backdesk adds after it', { timeout: 60_000 }, async () => {
  const { reopen } = await storeWithLog(5);
  const store = await reopen();
  behindTriggers(store.db, () => store.db.prepare('DELETE FROM audit_log WHERE seq > 2').run());
  for (let i = 0; i < 3; i++) appendAudit(store.db, actor, { action: 'after.tampering' });
  const verdict = checkAuditAnchor(store.db);
  store.close();
  assert.equal(verdict.state, 'differs');
  assert.equal(verdict.state === 'differs' && verdict.seq, 5, 'the anchor still vouches for the head it last saw');
});

test('the anchor moves in the transaction of its row: a change rolled back leaves it matching', { timeout: 60_000 }, async () => {
  const { reopen } = await storeWithLog(2);
  const store = await reopen();
  assert.throws(
    () =>
      store.db.transaction(() => {
        appendAudit(store.db, actor, { action: 'rolled.back' });
        throw new Error('the change fails after its audit row');
      })(),
    /the change fails/,
  );
  appendAudit(store.db, actor, { action: 'kept' });
  const verdict = checkAuditAnchor(store.db);
  store.close();
  assert.equal(verdict.state, 'matches');
  assert.equal(verdict.state === 'matches' && verdict.seq, 3, 'the rolled-back row and its move of the anchor went together');
});

test('a store from before anchors gets one on its next open, and doctor says since when', { timeout: 120_000 }, async () => {
  const { dir, reopen } = await storeWithLog(3);
  const store = await reopen();
  const account = anchorAccount(store.profile.id);
  store.db.prepare(`DELETE FROM settings WHERE key = 'audit.anchor'`).run();
  store.close();
  assert.equal(await keychain.delete(KEYCHAIN_SERVICE, account), true);

  const first = doctor(dir);
  assert.equal(first.code, 0, first.out);
  assert.match(
    first.out,
    /✓ the audit log's last row \(3\) matches its anchor in the OS keychain \(anchored since \d{4}-\d\d-\d\dT[\d:.]+Z, just now: this store had no anchor yet\)/,
  );
  assert.match((await keychain.get(KEYCHAIN_SERVICE, account)) ?? '', /^[0-9a-f]{64}$/);
  const second = doctor(dir);
  assert.equal(second.code, 0, second.out);
  assert.match(second.out, /anchored since [^,)]+\)/);
  assert.doesNotMatch(second.out, /just now|^!/m);
});

test(
  "the anchor's secret gone from the keychain: made again, and with no hub copy to vouch for the log doctor says 5; the anchor gone from the store: 5",
  { timeout: 120_000 },
  async () => {
    const { dir, reopen } = await storeWithLog(2);
    let store = await reopen();
    const account = anchorAccount(store.profile.id);
    store.close();
    assert.equal(await keychain.delete(KEYCHAIN_SERVICE, account), true);
    // Deleting the secret is how a cut log would be re-anchored: without the hub, that is a failure.
    const renewed = doctor(dir);
    assert.equal(renewed.code, 5, renewed.out);
    assert.match(
      renewed.out,
      /✗ the anchor's secret was missing from the OS keychain on .* and was made again, .* cannot be found without the hub's copy/,
    );

    store = await reopen();
    store.db.prepare(`DELETE FROM settings WHERE key = 'audit.anchor'`).run();
    store.close();
    const removed = doctor(dir);
    assert.equal(removed.code, 5, removed.out);
    assert.match(removed.out, /✗ the audit log's anchor is gone from the store while its secret is in the keychain/);
  },
);

test(
  'doctor: 4 for a store made by an older Backdesk (migrations pending), 0 once Backdesk has opened it',
  { timeout: 120_000 },
  async () => {
    const dir = tempDir();
    const profile = { id: randomUUID(), createdAt: new Date().toISOString(), demo: false };
    writeFileSync(join(dir, 'profile.json'), JSON.stringify(profile));
    const keyHex = randomBytes(32).toString('hex');
    await keychain.set(KEYCHAIN_SERVICE, keychainAccount(profile), keyHex);
    const older = latestSchemaVersion() - 1;
    const db = new Database(join(dir, DB_FILE));
    applyKey(db, keyHex);
    configure(db, keyHex);
    migrate(db, older);
    db.close();

    const pending = doctor(dir);
    assert.equal(pending.code, 4, pending.out);
    assert.match(
      pending.out,
      new RegExp(`✗ the schema is at version ${older}; this Backdesk expects ${older + 1} \\(open Backdesk once to migrate\\)`),
    );
    assert.match(pending.out, new RegExp(`✓ the schema is exactly what migrations 1–${older} make`));

    (await openStore({ dataDir: dir, keychain })).close();
    const current = doctor(dir);
    assert.equal(current.code, 0, current.out);
  },
);

test(
  'doctor: 3 for a store newer than this Backdesk, and for a folder with no store, where it creates nothing',
  { timeout: 120_000 },
  async () => {
    const { dir, reopen } = await storeWithLog(1);
    const store = await reopen();
    store.db.pragma(`user_version = ${latestSchemaVersion() + 1}`);
    store.close();
    const newer = doctor(dir);
    assert.equal(newer.code, 3, newer.out);
    assert.match(newer.out, /newer than this Backdesk .*update Backdesk/);

    const empty = join(tempDir(), 'nothing-here');
    const none = doctor(empty);
    assert.equal(none.code, 3, none.out);
    assert.match(none.out, /there is no Backdesk store in/);
    assert.ok(!existsSync(empty));
  },
);
