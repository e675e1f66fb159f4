/**
 * A fixture for scripts/run-tests.mjs' own test, never run by npm test: the Secret Service's daemon dies while a
 * file runs, as the run's shared keyring has on CI. Run on a private bus, never on the run's own.
 */
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';

const bus = (...args: string[]) =>
  execFileSync('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', ...args], {
    encoding: 'utf8',
    timeout: 5000,
  });

test('fixture: the keyring daemon dies', async () => {
  const pid = /uint32 (\d+)/.exec(bus('org.freedesktop.DBus.GetConnectionUnixProcessID', 'string:org.freedesktop.secrets'))![1];
  process.kill(Number(pid), 'SIGKILL');
  while (/boolean true/.test(bus('org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets'))) {
    await new Promise((r) => setTimeout(r, 50)); // the test's own time limit bounds this
  }
});
