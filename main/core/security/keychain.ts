/**
 * The one narrow port to the OS keychain. keytar is archived upstream; keeping every use behind
 * this interface makes a maintained drop-in (for example @napi-rs/keyring) a one-file swap.
 */
import { createRequire } from 'node:module';

export interface Keychain {
  get(service: string, account: string): Promise<string | null>;
  set(service: string, account: string, secret: string): Promise<void>;
  delete(service: string, account: string): Promise<boolean>;
}

export const KEYCHAIN_SERVICE = 'backdesk';

/** The keychain could not be reached at all: the message says what to install or unlock. */
export class KeychainUnavailableError extends Error {
  readonly code = 'keychain_unavailable';
  constructor(cause: unknown) {
    super(
      `The OS keychain is not reachable (${describe(cause)}). Backdesk keeps its database key only there and never ` +
        'falls back to a plaintext key. ' +
        (process.platform === 'linux'
          ? 'On Linux, install a Secret Service provider and libsecret (Debian/Ubuntu: apt-get install gnome-keyring ' +
            'libsecret-1-0 dbus-user-session), sign in to a desktop session or start one with dbus-run-session, ' +
            'and unlock the keyring (gnome-keyring-daemon --unlock --components=secrets).'
          : process.platform === 'darwin'
            ? 'Unlock the login keychain in Keychain Access.'
            : 'Make sure Windows Credential Manager is available for this user.'),
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
  const guard = async <T>(op: () => Promise<T>): Promise<T> => {
    // libsecret fails fast when no D-Bus session bus exists; keytar reports that as a plain Error.
    if (process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS) {
      throw new KeychainUnavailableError(new Error('no D-Bus session bus: DBUS_SESSION_BUS_ADDRESS is not set'));
    }
    try {
      return await op();
    } catch (e) {
      throw new KeychainUnavailableError(e);
    }
  };
  return {
    get: (s, a) => guard(() => keytar.getPassword(s, a)),
    set: (s, a, p) => guard(() => keytar.setPassword(s, a, p)),
    delete: (s, a) => guard(() => keytar.deletePassword(s, a)),
  };
}

function unavailable(cause: unknown): Keychain {
  const fail = async (): Promise<never> => {
    throw new KeychainUnavailableError(cause);
  };
  return { get: fail, set: fail, delete: fail };
}
