/**
 * Asks the Secret Service (Linux) over D-Bus whether an entry is locked. keytar cannot tell: libsecret
 * answers "no secret" both for an entry that does not exist and for one in a locked collection it could
 * not unlock (no unlock prompt could be shown, or the person dismissed it). dbus-send comes with D-Bus
 * itself (Debian's dbus-bin), so this needs no other package.
 */
import { execFile } from 'node:child_process';

/**
 * locked: the entry is in a locked collection, or no entry is visible and the default collection (where
 * new entries go) is locked, so whether it exists cannot be known until it is unlocked.
 * unknown: the Secret Service could not be asked (no dbus-send, no default collection, an odd attribute).
 */
export type LockState = 'locked' | 'unlocked' | 'unknown';

const ROOT = '/org/freedesktop/secrets';

export async function secretServiceLockState(attributes: Record<string, string>): Promise<LockState> {
  const pairs = Object.entries(attributes).flat();
  // dbus-send's dict syntax separates keys and values with commas.
  if (pairs.some((s) => s.includes(','))) return 'unknown';
  try {
    // SearchItems answers two arrays of item paths: the unlocked ones, then the locked ones.
    const [, unlocked = '', locked = ''] = (
      await dbusSend(ROOT, 'org.freedesktop.Secret.Service.SearchItems', `dict:string:string:${pairs.join(',')}`)
    ).split(/^\s*array \[/m);
    if (locked.includes('object path')) return 'locked';
    if (unlocked.includes('object path')) return 'unlocked';
    const alias = /object path "([^"]+)"/.exec(await dbusSend(ROOT, 'org.freedesktop.Secret.Service.ReadAlias', 'string:default'))?.[1];
    if (!alias || alias === '/') return 'unknown';
    const prop = await dbusSend(alias, 'org.freedesktop.DBus.Properties.Get', 'string:org.freedesktop.Secret.Collection', 'string:Locked');
    return /boolean true/.test(prop) ? 'locked' : 'unlocked';
  } catch {
    return 'unknown';
  }
}

function dbusSend(path: string, method: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(
      'dbus-send',
      ['--session', '--print-reply', '--reply-timeout=5000', '--dest=org.freedesktop.secrets', path, method, ...args],
      { timeout: 6000, encoding: 'utf8' },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    ),
  );
}
