// The run's shared keyring (scripts/with-keychain.sh), checked between test files. Every file's desks keep their
// keys in it; it has twice vanished in the middle of a CI run (cause not found yet) and every later file then
// failed on it. The runner now says so, with what it found, and starts it again on the same files and password,
// so the files that ran while it was gone fail by name and the ones after it test what they claim to.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const DEADLINE_MS = 10_000;

const busCall = (...args) =>
  execFileSync('dbus-send', ['--session', '--print-reply', ...args], {
    encoding: 'utf8',
    timeout: 5000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
const ownsSecrets = () =>
  /boolean true/.test(
    busCall('--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets'),
  );

/** Whether this run has a shared keyring to look after. */
export const hasSharedKeyring = () => Boolean(process.env.BACKDESK_IN_KEYRING && process.env.KEYRING_PASSWORD);

/** Null while the login keyring answers and is unlocked; otherwise what is wrong. Never starts a daemon itself. */
export function keyringProblem() {
  try {
    if (!ownsSecrets()) return 'nothing owns org.freedesktop.secrets on the bus: the keyring daemon is gone';
    const locked = busCall(
      '--dest=org.freedesktop.secrets',
      '/org/freedesktop/secrets/collection/login',
      'org.freedesktop.DBus.Properties.Get',
      'string:org.freedesktop.Secret.Collection',
      'string:Locked',
    );
    if (/boolean false/.test(locked)) return null;
    return `the login keyring is locked (daemon ${owner()})`;
  } catch (e) {
    return `the login keyring does not answer (daemon ${owner()}): ${
      String(e.stderr || e.message)
        .trim()
        .split('\n')[0]
    }`;
  }
}

/** The pid of the process that owns the Secret Service's name; null when none does or the bus cannot say. */
function ownerPid() {
  try {
    const reply = busCall(
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.GetConnectionUnixProcessID',
      'string:org.freedesktop.secrets',
    );
    return Number(/uint32 (\d+)/.exec(reply)?.[1]) || null;
  } catch {
    return null;
  }
}

/** That process as "pid (command line)", for the run's log. */
function owner() {
  const pid = ownerPid();
  try {
    return `${pid} (${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim()})`;
  } catch {
    return pid === null ? 'unknown' : String(pid);
  }
}

/** Stops whatever owns the Secret Service now and starts the run's keyring again, unlocked; throws past the deadline. */
export async function restartKeyring() {
  const pid = ownerPid();
  try {
    if (pid !== null) process.kill(pid, 'SIGTERM');
  } catch {
    // it is already gone
  }
  const deadline = Date.now() + DEADLINE_MS;
  const waitFor = async (what, check) => {
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`the shared keyring did not come back: ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  await waitFor('the old daemon kept its name on the bus', () => !ownsSecrets());
  const started = spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {
    input: process.env.KEYRING_PASSWORD,
    encoding: 'utf8',
    timeout: DEADLINE_MS,
    stdio: ['pipe', 'pipe', 'ignore'], // the daemon it leaves behind would hold on to any pipe given to it
  });
  const control = /GNOME_KEYRING_CONTROL=(.*)/.exec(started.stdout ?? '')?.[1];
  if (control) process.env.GNOME_KEYRING_CONTROL = control;
  await waitFor('the new daemon does not answer unlocked', () => keyringProblem() === null);
}
