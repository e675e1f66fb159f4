/**
 * The one narrow port to the OS keychain. keytar is archived upstream; keeping every use behind
 * this interface makes a maintained drop-in (for example @napi-rs/keyring) a one-file swap.
 * It tells apart the three ways a key can be out of reach, because each has a different fix: the keychain
 * is unreachable (install or start it), locked (unlock it), or has no such entry (restore it from a backup).
 */
import { createRequire } from 'node:module';
import { secretServiceLockState } from './secret-service-lock.ts';

export interface Keychain {
  /** The secret, or null when the keychain is reachable, unlocked and has no such entry. */
  get(service: string, account: string): Promise<string | null>;
  set(service: string, account: string, secret: string): Promise<void>;
  /** false when the keychain is reachable, unlocked and had no such entry. */
  delete(service: string, account: string): Promise<boolean>;
}

export const KEYCHAIN_SERVICE = 'backdesk';

const LINUX = process.platform === 'linux';

/** The keychain could not be reached at all: the message says what to install or start. */
export class KeychainUnavailableError extends Error {
  readonly code = 'keychain_unavailable';
  constructor(cause: unknown) {
    super(
      `The OS keychain cannot be reached (${describe(cause)}). Backdesk keeps its keys only there and never ` +
        'falls back to a plaintext key. Install or start the keychain: ' +
        (LINUX
          ? 'install a Secret Service provider and libsecret (Debian/Ubuntu: apt-get install gnome-keyring libsecret-1-0 ' +
            'dbus-user-session) and sign in to a desktop session; on a machine without a desktop, start a session bus ' +
            'with dbus-run-session and the keyring in it with gnome-keyring-daemon --unlock --components=secrets ' +
            '(it reads the keyring password from stdin).'
          : process.platform === 'darwin'
            ? 'sign in to macOS as this user, so the login keychain is available.'
            : 'make sure Windows Credential Manager is available for this user.'),
    );
  }
}

/** The keychain answers but is locked: nothing is lost, and unlocking it is the whole fix. */
export class KeychainLockedError extends Error {
  readonly code = 'keychain_locked';
  constructor() {
    super(
      'The OS keychain is locked, so Backdesk cannot read its keys. Nothing is lost: unlock the keychain and try again. ' +
        (LINUX
          ? 'On a desktop, sign out and in again, or unlock the "Login" keyring in Passwords and Keys (seahorse); on a ' +
            'machine without a desktop, restart the keyring with its password on stdin: ' +
            'gnome-keyring-daemon --replace --unlock --components=secrets.'
          : process.platform === 'darwin'
            ? 'Unlock the login keychain in Keychain Access.'
            : 'Sign in to Windows again as this user.'),
    );
  }
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

type Keytar = {
  getPassword(s: string, a: string): Promise<string | null>;
  setPassword(s: string, a: string, p: string): Promise<void>;
  deletePassword(s: string, a: string): Promise<boolean>;
};

/** The real keychain through keytar: Secret Service on Linux, Keychain on macOS, Credential Manager on Windows. */
export function systemKeychain(): Keychain {
  let keytar: Keytar;
  try {
    keytar = createRequire(import.meta.url)('keytar') as Keytar;
  } catch (e) {
    return unavailable(e);
  }
  const guard = async <T>(service: string, account: string, op: () => Promise<T>): Promise<T> => {
    // libsecret fails fast when no D-Bus session bus exists; keytar reports that as a plain Error.
    if (LINUX && !process.env.DBUS_SESSION_BUS_ADDRESS) {
      throw new KeychainUnavailableError(new Error('no D-Bus session bus: DBUS_SESSION_BUS_ADDRESS is not set'));
    }
    let result: T;
    try {
      result = await op();
    } catch (e) {
      // A locked collection refuses new items ("Cannot create an item in a locked collection" from GNOME Keyring).
      if (await isLocked(service, account)) throw new KeychainLockedError();
      throw new KeychainUnavailableError(e);
    }
    // keytar answers null (false for delete) for an entry it could not unlock, as for one that does not exist.
    if ((result === null || result === false) && (await isLocked(service, account))) throw new KeychainLockedError();
    return result;
  };
  return {
    get: (s, a) => guard(s, a, () => keytar.getPassword(s, a)),
    set: (s, a, p) => guard(s, a, () => keytar.setPassword(s, a, p)),
    delete: (s, a) => guard(s, a, () => keytar.deletePassword(s, a)),
  };
}

/** Only the Secret Service (Linux) can say why keytar found nothing; elsewhere a locked keychain prompts or fails. */
const isLocked = async (service: string, account: string): Promise<boolean> =>
  LINUX && (await secretServiceLockState({ service, account })) === 'locked';

function unavailable(cause: unknown): Keychain {
  const fail = async (): Promise<never> => {
    throw new KeychainUnavailableError(cause);
  };
  return { get: fail, set: fail, delete: fail };
}
