/**
 * The store on disk: ciphertext only, in the database and in its -wal and -shm files; a wrong or missing
 * key fails clearly and leaves the file byte-for-byte unchanged; no keychain, no store.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { insertCustomer } from '../../main/core/domain/customers.ts';
import { insertSubmission } from '../../main/core/domain/submissions.ts';
import { KEYCHAIN_SERVICE } from '../../main/core/security/keychain.ts';
import { DB_FILE, keychainAccount, latestSchemaVersion, openStore, StoreError } from '../../main/core/store/open.ts';
import { fold } from '../../common/text/fold.ts';
import { keychain, tempDir } from '../support/fixtures.ts';

const SECRETS = [
  'Phạm Thị Khuê Nguyệt',
  'khuenguyet.pham77@gmail.com',
  '0987654321',
  'Điện thoại bị vỡ màn hình khi giao',
  'ZEBRA-CANARY-4471',
];

/** Every form the text could take on disk: UTF-8, UTF-16 (both orders), folded, decomposed. */
function forms(text: string): Buffer[] {
  const variants = new Set([text, text.normalize('NFD'), fold(text), text.toLowerCase()]);
  return [...variants].flatMap((v) => [Buffer.from(v, 'utf8'), Buffer.from(v, 'utf16le'), Buffer.from(v, 'utf16le').swap16()]);
}

function leaks(dir: string): string[] {
  const found: string[] = [];
  for (const f of readdirSync(dir).filter((f) => f.startsWith(DB_FILE))) {
    const bytes = readFileSync(join(dir, f));
    for (const s of SECRETS) if (forms(s).some((form) => bytes.includes(form))) found.push(`${f}: ${s}`);
  }
  return found;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function writeSecrets(dir: string) {
  const store = await openStore({ dataDir: dir, keychain });
  const customerId = insertCustomer(store.db, {
    username: 'khuenguyet77',
    gender: 'female',
    fullName: SECRETS[0]!,
    email: SECRETS[1]!,
    phone: SECRETS[2]!,
    address: '5 Hai Bà Trưng, Hà Nội',
    createdAt: Date.now(),
  });
  for (let i = 0; i < 50; i++) {
    insertSubmission(store.db, {
      kind: 'complaint',
      customerId,
      subject: SECRETS[3]!,
      body: `${SECRETS[4]} lần ${i}`,
      createdAt: Date.now(),
    });
  }
  return store;
}

test('the database, -wal and -shm files never contain the written text, while open and after close', async () => {
  const dir = tempDir();
  const store = await writeSecrets(dir);
  assert.ok(existsSync(join(dir, `${DB_FILE}-wal`)), 'the store runs in WAL mode, so a -wal file exists while open');
  assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(store.db.pragma('foreign_keys', { simple: true }), 1);
  // Make sure the check is able to see text: the same words are readable through the connection.
  assert.equal((store.db.prepare('SELECT full_name FROM customers').get() as { full_name: string }).full_name, SECRETS[0]);
  assert.deepEqual(leaks(dir), []);
  store.close();
  assert.deepEqual(leaks(dir), []);
  assert.notEqual(readFileSync(join(dir, DB_FILE)).subarray(0, 15).toString('latin1'), 'SQLite format 3');
});

test('the leak check itself finds plaintext (control: an unencrypted SQLite file with the same text)', async () => {
  const { default: Plain } = await import('better-sqlite3');
  const dir = tempDir();
  const db = new Plain(join(dir, DB_FILE));
  db.exec('CREATE TABLE t (v TEXT)');
  db.prepare('INSERT INTO t VALUES (?)').run(SECRETS.join(' '));
  db.close();
  assert.equal(leaks(dir).length, SECRETS.length);
});

test('a wrong key fails with a clear error and leaves the file byte-for-byte unchanged', async () => {
  const dir = tempDir();
  const store = await writeSecrets(dir);
  const account = keychainAccount(store.profile);
  store.close();
  const before = sha(join(dir, DB_FILE));
  const filesBefore = readdirSync(dir).sort();
  const rightKey = await keychain.get(KEYCHAIN_SERVICE, account);
  await keychain.set(KEYCHAIN_SERVICE, account, randomBytes(32).toString('hex'));
  await assert.rejects(openStore({ dataDir: dir, keychain }), (e: unknown) => {
    assert.ok(e instanceof StoreError && e.code === 'wrong_key', String(e));
    assert.match(e.message, /cannot be decrypted.*not changed/s);
    return true;
  });
  assert.equal(sha(join(dir, DB_FILE)), before);
  assert.deepEqual(readdirSync(dir).sort(), filesBefore);
  // The right key still opens it: nothing was damaged by the failed attempt.
  await keychain.set(KEYCHAIN_SERVICE, account, rightKey!);
  (await openStore({ dataDir: dir, keychain })).close();
});

test('a keychain entry that is gone fails with a clear error and leaves the file unchanged', async () => {
  const dir = tempDir();
  const store = await writeSecrets(dir);
  const account = keychainAccount(store.profile);
  store.close();
  const before = sha(join(dir, DB_FILE));
  assert.equal(await keychain.delete(KEYCHAIN_SERVICE, account), true);
  await assert.rejects(openStore({ dataDir: dir, keychain }), (e: unknown) => {
    assert.ok(e instanceof StoreError && e.code === 'key_missing', String(e));
    assert.match(e.message, /not in the OS keychain.*not changed.*Restore that keychain entry from a backup/s);
    return true;
  });
  assert.equal(sha(join(dir, DB_FILE)), before);
});

test('a store at a schema newer than this Backdesk is refused (too_new) and left unchanged', async () => {
  const dir = tempDir();
  const store = await writeSecrets(dir);
  store.db.pragma(`user_version = ${latestSchemaVersion() + 1}`);
  store.close();
  const before = sha(join(dir, DB_FILE));
  await assert.rejects(openStore({ dataDir: dir, keychain }), (e: unknown) => {
    assert.ok(e instanceof StoreError && e.code === 'too_new', String(e));
    assert.match(
      e.message,
      new RegExp(`at schema ${latestSchemaVersion() + 1}, newer than this Backdesk \\(${latestSchemaVersion()}\\)\\. Update Backdesk`),
    );
    return true;
  });
  assert.equal(sha(join(dir, DB_FILE)), before);
});

test('a plaintext SQLite file where the store should be is refused (not_encrypted) and left unchanged', async () => {
  const dir = tempDir();
  (await openStore({ dataDir: dir, keychain })).close(); // a profile with its key in the keychain
  for (const f of readdirSync(dir).filter((f) => f.startsWith(DB_FILE))) rmSync(join(dir, f));
  const { default: Plain } = await import('better-sqlite3');
  const plain = new Plain(join(dir, DB_FILE));
  plain.exec('CREATE TABLE t (v TEXT)');
  plain.close();
  const before = sha(join(dir, DB_FILE));
  await assert.rejects(openStore({ dataDir: dir, keychain }), (e: unknown) => {
    assert.ok(e instanceof StoreError && e.code === 'not_encrypted', String(e));
    assert.match(e.message, /is a plaintext SQLite file; Backdesk refuses to use it\. The file was not changed/);
    return true;
  });
  assert.equal(sha(join(dir, DB_FILE)), before);
});

/** Opens a store in a child process with the given environment; returns what it printed. */
function openInChild(dir: string, env: NodeJS.ProcessEnv) {
  const code = `
    import { openStore } from './main/core/store/open.ts';
    import { systemKeychain } from './main/core/security/keychain.ts';
    try { await openStore({ dataDir: ${JSON.stringify(dir)}, keychain: systemKeychain() }); console.log('OPENED'); }
    catch (e) { console.log(e.code + ': ' + e.message); }`;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { env, encoding: 'utf8', cwd: process.cwd() });
}

test('with no D-Bus session the error names what to install or start, and no store is created', () => {
  const dir = join(tempDir(), 'profile');
  const env = { ...process.env };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  const out = openInChild(dir, env);
  assert.match(out.stdout, /^keychain_unavailable: The OS keychain cannot be reached/);
  assert.match(out.stdout, /Install or start the keychain: .*gnome-keyring/s);
  assert.ok(!existsSync(join(dir, DB_FILE)), 'no database file without a key');
});

test('with a D-Bus address that answers nothing, keytar itself fails and the same clear error comes back', () => {
  const dir = join(tempDir(), 'profile');
  const out = openInChild(dir, { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/backdesk-bus' });
  assert.match(out.stdout, /^keychain_unavailable: .*gnome-keyring/s);
  assert.ok(!existsSync(join(dir, DB_FILE)));
});
