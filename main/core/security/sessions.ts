/**
 * Signed-in sessions, one per connection (an Electron window, or a browser-host cookie).
 * A session idle for longer than the configured time locks itself: every call but unlock and sign-out is
 * refused until the person types their password again. Each call sees the person as the store holds them
 * now: a role or grant changed in the directory applies at once, and a disabled account's sessions end.
 * A session holds its person's signing key in the key ring while it is open and unlocked, and no longer.
 */
import type { UnwrappedKey } from '../../../common/node/signing-keys.ts';
import type { Person } from '../../../common/roles.ts';
import type { KeyRing } from './key-ring.ts';

export const DEFAULT_IDLE_LOCK_MS = 10 * 60 * 1000;

export interface Session {
  person: Person;
  startedAt: number;
  lastActiveAt: number;
  locked: boolean;
}

export class Sessions {
  private readonly byConnection = new Map<string, Session>();

  constructor(
    private readonly idleLockMs: () => number,
    private readonly now: () => number,
    /** The person as they are now, or null once their account is disabled or gone. */
    private readonly currentPerson: (id: string) => Person | null,
    private readonly keys: KeyRing,
  ) {}

  start(connectionId: string, person: Person, key: UnwrappedKey): Session {
    const t = this.now();
    const s: Session = { person, startedAt: t, lastActiveAt: t, locked: false };
    this.byConnection.set(connectionId, s);
    this.keys.hold(connectionId, person.id, key);
    return s;
  }

  end(connectionId: string): void {
    this.byConnection.delete(connectionId);
    this.keys.drop(connectionId);
  }

  /** Every session and key ends (the desk is closing). */
  endAll(): void {
    for (const id of [...this.byConnection.keys()]) this.end(id);
  }

  /** Locks the sessions idle for too long now, rather than at their next call, so their keys leave memory on time. */
  sweep(): void {
    for (const id of [...this.byConnection.keys()]) this.peek(id);
  }

  /** The connection's session, locked first if it has been idle too long; does not count as activity. */
  peek(connectionId: string): Session | null {
    const s = this.byConnection.get(connectionId);
    if (!s) return null;
    const person = this.currentPerson(s.person.id);
    if (!person) {
      this.end(connectionId);
      return null;
    }
    s.person = person;
    if (!s.locked && this.now() - s.lastActiveAt > this.idleLockMs()) {
      s.locked = true;
      this.keys.drop(connectionId);
    }
    return s;
  }

  touch(s: Session): void {
    s.lastActiveAt = this.now();
  }

  /** The password typed to unlock opened the key again. */
  unlock(connectionId: string, s: Session, key: UnwrappedKey): void {
    s.locked = false;
    s.lastActiveAt = this.now();
    this.keys.hold(connectionId, s.person.id, key);
  }
}
