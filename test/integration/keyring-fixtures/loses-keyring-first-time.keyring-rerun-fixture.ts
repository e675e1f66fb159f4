/**
 * A fixture for scripts/run-tests.mjs' own test, never run by npm test: a file that needs the keyring, during whose
 * run the Secret Service's daemon dies, as the run's shared keyring has on CI. It dies on the first run only (a marker
 * file, FIXTURE_MARKER) unless FIXTURE_ALWAYS is set, as a file that itself kills the keyring would. Private bus only.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import type Keytar from 'keytar';

const keytar = createRequire(import.meta.url)('keytar') as typeof Keytar;
const bus = (...args: string[]) =>
  execFileSync('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', ...args], {
    encoding: 'utf8',
    timeout: 5000,
  });

test('fixture: the keyring stores and returns a secret (its daemon dies during the first run)', async () => {
  const marker = process.env.FIXTURE_MARKER!;
  if (process.env.FIXTURE_ALWAYS || !existsSync(marker)) {
    writeFileSync(marker, '');
    const pid = /uint32 (\d+)/.exec(bus('org.freedesktop.DBus.GetConnectionUnixProcessID', 'string:org.freedesktop.secrets'))![1];
    process.kill(Number(pid), 'SIGKILL');
    while (/boolean true/.test(bus('org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets'))) {
      await new Promise((r) => setTimeout(r, 50)); // the test's own time limit bounds this
    }
  }
  await keytar.setPassword('backdesk-runner-fixture', 'again', 'secret');
  assert.equal(await keytar.getPassword('backdesk-runner-fixture', 'again'), 'secret');
});
