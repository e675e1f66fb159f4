/**
 * A D-Bus session bus of one test's own, with or without a GNOME Keyring on it, so a test can lock the
 * keyring, restart it or leave the Secret Service out without touching the keyring that every other test
 * file of the run shares. The bus has no service files, so nothing starts on it unless the test starts it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after } from 'node:test';
import { tempDir } from './fixtures.ts';

const KEYRING_PASSWORD = 'private-bus-keyring';
const DEADLINE_MS = 10_000;

export interface PrivateBus {
  /** The environment for child processes: this bus, and this keyring's files. */
  env: NodeJS.ProcessEnv;
  /** What unlocks this keyring (a throwaway one). */
  password: string;
  /** Starts GNOME Keyring on the bus (unlocked with its password) and waits until it answers. */
  startKeyring(): Promise<void>;
  /** Stops it and waits for it to exit; what it stored stays in its files for the next start. */
  stopKeyring(): Promise<void>;
  /** Locks the login keyring through the Secret Service, as a screen lock or a timeout would. */
  lockKeyring(): void;
  /**
   * What the keyring daemon is doing now and what it wrote, for an assertion's message: a keychain that cannot be
   * reached in a test is the product's fault only while this says the daemon is running.
   */
  keyringState(): string;
}

export async function privateBus(): Promise<PrivateBus> {
  const dir = tempDir();
  const config = join(dir, 'bus.conf');
  writeFileSync(
    config,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=${dir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>
</busconfig>
`,
  );
  const bus = spawn('dbus-daemon', ['--config-file', config, '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  after(() => stop(bus));
  const address = await firstLine(bus);
  // Its own data and cache folders too: the keyring keeps its control socket under the cache folder, which the
  // run's shared keyring uses as well.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DBUS_SESSION_BUS_ADDRESS: address,
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CACHE_HOME: join(dir, 'cache'),
  };
  delete env.GNOME_KEYRING_CONTROL;
  mkdirSync(env.XDG_DATA_HOME!);
  mkdirSync(env.XDG_CACHE_HOME!);
  const dbusSend = (...args: string[]) =>
    execFileSync('dbus-send', ['--session', '--print-reply', ...args], {
      env,
      encoding: 'utf8',
      timeout: DEADLINE_MS,
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  let keyring: ChildProcess | null = null;
  const log = join(dir, 'keyring.log');
  const daemonLog = () => {
    try {
      return readFileSync(log, 'utf8').trim().split('\n').slice(-10).join('\n');
    } catch {
      return '';
    }
  };
  const keyringState = () => {
    const state = !keyring
      ? 'not started'
      : keyring.exitCode !== null || keyring.signalCode !== null
        ? `pid ${keyring.pid} exited (code ${keyring.exitCode}, signal ${keyring.signalCode})`
        : `pid ${keyring.pid} running`;
    const written = daemonLog();
    return written ? `daemon ${state}; it wrote:\n${written}` : `daemon ${state}; it wrote nothing`;
  };
  const collectionLocked = () =>
    dbusSend(
      '--dest=org.freedesktop.secrets',
      '/org/freedesktop/secrets/collection/login',
      'org.freedesktop.DBus.Properties.Get',
      'string:org.freedesktop.Secret.Collection',
      'string:Locked',
    );
  return {
    env,
    password: KEYRING_PASSWORD,
    async startKeyring() {
      const stderr = openSync(log, 'w'); // this daemon's lines only
      keyring = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
        env,
        // Its stderr mostly says that no unlock prompt can be shown on this bus (the point of these tests); it is
        // kept for keyringState, which names it when the daemon went away on its own.
        stdio: ['pipe', 'ignore', stderr],
      });
      closeSync(stderr); // the daemon has its own copy
      const started = keyring;
      after(() => stop(started));
      keyring.stdin!.end(KEYRING_PASSWORD);
      // Wait, with a deadline, until the daemon owns its name on the bus and its login keyring answers unlocked:
      // only then has it finished starting (it takes the name before the collections are ready to answer).
      const deadline = Date.now() + DEADLINE_MS;
      const answersUnlocked = () => {
        try {
          return /boolean false/.test(collectionLocked());
        } catch {
          return false; // no owner yet, or the collection is not there yet
        }
      };
      while (!answersUnlocked()) {
        if (Date.now() > deadline || keyring.exitCode !== null || keyring.signalCode !== null)
          throw new Error(`gnome-keyring-daemon did not come up on the private bus (${keyringState()})`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stopKeyring() {
      if (keyring) await stop(keyring);
      keyring = null;
    },
    lockKeyring() {
      dbusSend(
        '--dest=org.freedesktop.secrets',
        '/org/freedesktop/secrets',
        'org.freedesktop.Secret.Service.Lock',
        'array:objpath:/org/freedesktop/secrets/collection/login',
      );
    },
    keyringState,
  };
}

async function firstLine(child: ChildProcess): Promise<string> {
  let text = '';
  const timer = setTimeout(() => child.kill(), DEADLINE_MS);
  try {
    for await (const chunk of child.stdout!) {
      text += String(chunk);
      if (text.includes('\n')) return text.slice(0, text.indexOf('\n')).trim();
    }
  } finally {
    clearTimeout(timer);
  }
  throw new Error('dbus-daemon printed no address');
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill();
  await exited;
}
