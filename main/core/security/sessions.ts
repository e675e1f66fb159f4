/**
 * Signed-in sessions, one per connection (an Electron window, or a browser-host cookie).
 * A session idle for longer than the configured time locks itself: every call but unlock and sign-out is
 * refused until the person types their password again. Each call sees the person as the store holds them
 * now: a role or grant changed in the directory applies at once, and a disabled account's sessions end.
 */
import type { Person } from '../../../common/roles.ts';

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
  ) {}

  start(connectionId: string, person: Person): Session {
    const t = this.now();
    const s: Session = { person, startedAt: t, lastActiveAt: t, locked: false };
    this.byConnection.set(connectionId, s);
    return s;
  }

  end(connectionId: string): void {
    this.byConnection.delete(connectionId);
  }

  /** The connection's session, locked first if it has been idle too long; does not count as activity. */
  peek(connectionId: string): Session | null {
    const s = this.byConnection.get(connectionId);
    if (!s) return null;
    const person = this.currentPerson(s.person.id);
    if (!person) {
      this.byConnection.delete(connectionId);
      return null;
    }
    s.person = person;
    if (!s.locked && this.now() - s.lastActiveAt > this.idleLockMs()) s.locked = true;
    return s;
  }

  touch(s: Session): void {
    s.lastActiveAt = this.now();
  }

  unlock(s: Session): void {
    s.locked = false;
    s.lastActiveAt = this.now();
  }
}
