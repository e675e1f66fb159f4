/**
 * The three ways a key can be out of reach, told apart because each has its own fix: the keyring is locked
 * (unlock it; nothing is lost), the entry is missing (restore it from a backup), the Secret Service is not
 * there (install or start it). Each runs against a real GNOME Keyring on a private bus of its own.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DB_FILE } from '../../main/core/store/open.ts';
import { tempDir } from '../support/fixtures.ts';
import { privateBus } from '../support/private-bus.ts';

function backdesk(args: string[], env: NodeJS.ProcessEnv, input = '') {
  const out = spawnSync(process.execPath, ['bin/backdesk.mjs', ...args], { input, encoding: 'utf8', env, timeout: 60_000 });
  return { code: out.status, out: out.stdout + out.stderr };
}

/** Opens a store in a child process on the given bus; prints `code: message` or OPENED. */
function openInChild(dir: string, env: NodeJS.ProcessEnv): string {
  const code = `
    import { openStore } from './main/core/store/open.ts';
    import { systemKeychain } from './main/core/security/keychain.ts';
    try { (await openStore({ dataDir: ${JSON.stringify(dir)}, keychain: systemKeychain() })).close(); console.log('OPENED'); }
    catch (e) { console.log(e.code + ': ' + e.message); }`;
  const out = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return out.stdout + out.stderr;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

test(
  'a locked keyring is reported as locked (unlock it), not as a lost key; once unlocked, everything is there',
  { timeout: 180_000 },
  async () => {
    const bus = await privateBus();
    await bus.startKeyring();
    const dir = join(tempDir(), 'p');
    const made = backdesk(['init', '--data-dir', dir, '--username', 'duc', '--name', 'Đức'], bus.env, 'a long enough password\n');
    assert.equal(made.code, 0, `${made.out}\n${bus.keyringState()}`);
    const before = sha(join(dir, DB_FILE));

    bus.lockKeyring();
    const opened = openInChild(dir, bus.env);
    assert.match(opened, /^keychain_locked: The OS keychain is locked/);
    assert.match(opened, /Nothing is lost: unlock the keychain/);
    assert.match(opened, /gnome-keyring-daemon --replace --unlock/);
    assert.doesNotMatch(opened, /restore|backup|not in the OS keychain/i);

    const doctor = backdesk(['doctor', '--data-dir', dir], bus.env);
    assert.equal(doctor.code, 8, doctor.out);
    assert.match(doctor.out, /✗ The OS keychain is locked.*unlock the keychain/s);
    assert.doesNotMatch(doctor.out, /restore|backup/i);

    const again = backdesk(['init', '--data-dir', dir, '--username', 'x', '--name', 'X'], bus.env, 'another long password\n');
    assert.equal(again.code, 1, again.out);
    assert.match(again.out, /^backdesk: The OS keychain is locked.*unlock/s);

    // A new profile on a locked keyring is refused the same way, and no database is made without its key.
    const fresh = join(tempDir(), 'fresh');
    assert.match(openInChild(fresh, bus.env), /^keychain_locked: /);
    assert.ok(!existsSync(join(fresh, DB_FILE)));

    assert.equal(sha(join(dir, DB_FILE)), before, 'the failed attempts did not touch the store');
    // Unlocking (here: the keyring started again with its password) gives everything back.
    await bus.stopKeyring();
    await bus.startKeyring();
    const healthy = backdesk(['doctor', '--data-dir', dir], bus.env);
    assert.equal(healthy.code, 0, `${healthy.out}\n${bus.keyringState()}`);
  },
);

test('a missing key is reported as missing (restore it from a backup), not as a locked keyring', { timeout: 120_000 }, async () => {
  const bus = await privateBus();
  await bus.startKeyring();
  const dir = join(tempDir(), 'p');
  const made = backdesk(['init', '--data-dir', dir, '--username', 'duc', '--name', 'Đức'], bus.env, 'a long enough password\n');
  assert.equal(made.code, 0, `${made.out}\n${bus.keyringState()}`);
  const { id } = JSON.parse(readFileSync(join(dir, 'profile.json'), 'utf8')) as { id: string };
  const deleted = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `import { systemKeychain } from './main/core/security/keychain.ts';
       console.log(await systemKeychain().delete('backdesk', ${JSON.stringify(`profile:${id}`)}));`,
    ],
    { env: bus.env, encoding: 'utf8', timeout: 60_000 },
  );
  assert.equal(deleted.stdout.trim(), 'true', deleted.stderr);

  const opened = openInChild(dir, bus.env);
  assert.match(opened, /^key_missing: .*reachable and not locked.*Restore that keychain entry from a backup/s);
  assert.doesNotMatch(opened, /unlock/i);
  const doctor = backdesk(['doctor', '--data-dir', dir], bus.env);
  assert.equal(doctor.code, 3, doctor.out);
  assert.match(doctor.out, /Restore that keychain entry from a backup/);
});

test('a session bus with no Secret Service on it: unreachable (install or start it)', { timeout: 120_000 }, async () => {
  const bus = await privateBus();
  const dir = join(tempDir(), 'p');
  const opened = openInChild(dir, bus.env);
  assert.match(opened, /^keychain_unavailable: The OS keychain cannot be reached \(The name org\.freedesktop\.secrets was not provided/);
  assert.match(opened, /Install or start the keychain: .*apt-get install gnome-keyring/s);
  assert.doesNotMatch(opened, /restore|backup|is locked/i);
  assert.ok(!existsSync(join(dir, DB_FILE)), 'no database without a key');

  const doctor = backdesk(['doctor', '--data-dir', dir], bus.env);
  assert.equal(doctor.code, 2, doctor.out);
  assert.match(doctor.out, /✗ The OS keychain cannot be reached.*Install or start/s);
});
