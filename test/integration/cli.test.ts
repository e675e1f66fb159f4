/** The `backdesk` command as IT and the quick start use it: init, demo, doctor and its exit codes. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { KEYCHAIN_SERVICE } from '../../main/core/security/keychain.ts';
import { keychainAccount, openStore } from '../../main/core/store/open.ts';
import { keychain, tempDir } from '../support/fixtures.ts';

function backdesk(args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const out = spawnSync(process.execPath, ['bin/backdesk.mjs', ...args], {
    input: opts.input ?? '',
    encoding: 'utf8',
    env: opts.env ?? process.env,
  });
  return { code: out.status, out: out.stdout + out.stderr };
}

test('init reads the password from stdin, creates the first director, and refuses to run twice', async () => {
  const dir = join(tempDir(), 'p');
  const made = backdesk(['init', '--data-dir', dir, '--username', 'duc', '--name', 'Trần Minh Đức'], { input: 'a long enough password\n' });
  assert.equal(made.code, 0, made.out);
  const store = await openStore({ dataDir: dir, keychain });
  const row = store.db.prepare('SELECT username, role, password_hash FROM staff').get() as Record<string, string>;
  store.close();
  assert.equal(row.username, 'duc');
  assert.equal(row.role, 'director');
  assert.match(row.password_hash!, /^\$argon2id\$/);
  const again = backdesk(['init', '--data-dir', dir, '--username', 'x', '--name', 'X'], { input: 'another long password\n' });
  assert.equal(again.code, 1);
  assert.match(again.out, /already has staff/);
});

test('init refuses a short password and names the rule', () => {
  const r = backdesk(['init', '--data-dir', join(tempDir(), 'p'), '--username', 'duc', '--name', 'Đức'], { input: 'short\n' });
  assert.equal(r.code, 1);
  assert.match(r.out, /at least 10 characters/);
});

test('demo creates a profile of every kind and prints the demo passwords; a second run reopens it', async () => {
  const dir = join(tempDir(), 'demo');
  const first = backdesk(['demo', '--data-dir', dir, '--complaints', '60', '--customers', '12', '--trade-contacts', '9']);
  assert.equal(first.code, 0, first.out);
  assert.match(first.out, /60 complaints, 24 questions, 9 trade contacts, 15 warranty claims and 12 feedback from 12 customers/);
  assert.match(first.out, /director\s+giamdoc\s+\S{12}/);
  assert.match(first.out, /operator\s+dieuhanh\s+\S{12}/);
  assert.match(first.out, /operator\s+kinhdoanh\s+\S{12}/);
  const store = await openStore({ dataDir: dir, keychain });
  const kinds = store.db.prepare('SELECT kind, count(*) AS n FROM submissions GROUP BY kind ORDER BY kind').all();
  store.close();
  assert.deepEqual(kinds, [
    { kind: 'complaint', n: 60 },
    { kind: 'feedback', n: 12 },
    { kind: 'question', n: 24 },
    { kind: 'trade_contact', n: 9 },
    { kind: 'warranty', n: 15 },
  ]);
  const second = backdesk(['demo', '--data-dir', dir]);
  assert.match(second.out, /reopened/);
  assert.equal(backdesk(['doctor', '--data-dir', dir]).code, 0);
  assert.match(
    backdesk(['demo', '--data-dir', join(tempDir(), 'd'), '--warranty-claims', 'many']).out,
    /--warranty-claims must be a whole number/,
  );
});

test('doctor: 0 when healthy, 5 when the audit chain was tampered with, 3 when the key is gone, 2 with no keychain', async () => {
  const dir = join(tempDir(), 'p');
  assert.equal(backdesk(['init', '--data-dir', dir, '--username', 'duc', '--name', 'Đức'], { input: 'a long enough password\n' }).code, 0);
  const healthy = backdesk(['doctor', '--data-dir', dir]);
  assert.equal(healthy.code, 0, healthy.out);
  assert.match(healthy.out, /✓ the audit chain is intact/);

  const store = await openStore({ dataDir: dir, keychain });
  const { appendAudit } = await import('../../main/core/audit/chain.ts');
  for (let i = 0; i < 3; i++) appendAudit(store.db, { id: null, name: 'x', role: null }, { action: 'test' });
  // The trigger is put back as it was, so the schema check passes and the chain check is the one that fails.
  const trigger = (store.db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_update'`).get() as { sql: string }).sql;
  store.db.exec('DROP TRIGGER audit_log_no_update');
  store.db.prepare(`UPDATE audit_log SET actor_name = 'someone else' WHERE seq = 2`).run();
  store.db.exec(trigger);
  const account = keychainAccount(store.profile);
  store.close();
  const tampered = backdesk(['doctor', '--data-dir', dir]);
  assert.equal(tampered.code, 5, tampered.out);
  assert.match(tampered.out, /broken at row 2/);

  const env = { ...process.env };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  const noKeychain = backdesk(['doctor', '--data-dir', dir], { env });
  assert.equal(noKeychain.code, 2, noKeychain.out);
  assert.match(noKeychain.out, /gnome-keyring/);

  await keychain.delete(KEYCHAIN_SERVICE, account);
  const noKey = backdesk(['doctor', '--data-dir', dir]);
  assert.equal(noKey.code, 3, noKey.out);
  assert.match(noKey.out, /not in the OS keychain.*Restore that keychain entry from a backup/s);
  assert.doesNotMatch(noKey.out, /keychain is locked/);
});

test('usage errors exit 64 and show the help', () => {
  const r = backdesk(['serve']);
  assert.equal(r.code, 64);
  assert.match(r.out, /--data-dir DIR is required/);
});
