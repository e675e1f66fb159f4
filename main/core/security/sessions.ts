/**
 * Signed-in sessions, one per connection (an Electron window, or a browser-host cookie).
 * A session idle for longer than the configured time locks itself: every call but unlock and sign-out is
 * refused until the person types their password again.
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
    private readonly now: () => number = Date.now,
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
