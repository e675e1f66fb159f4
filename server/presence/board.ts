/**
 * The hub's board of who has which submission open (common/protocol/presence.ts), in memory only: a report
 * lasts PRESENCE_TTL_MS unless renewed. A person on a desk has one submission open at a time, so a report
 * for another moves them there.
 */
import { PRESENCE_TTL_MS, type PresenceAnswer } from '../../common/protocol/presence.ts';

interface Seen {
  submissionId: string;
  personId: string;
  name: string;
  state: 'viewing' | 'composing';
  since: number;
  until: number;
}

export class PresenceBoard {
  /** By desk and person. */
  private readonly seen = new Map<string, Seen>();

  report(
    deviceId: string,
    r: { personId: string; name: string; submissionId: string; state: 'viewing' | 'composing' | 'left' },
    now = Date.now(),
  ): PresenceAnswer {
    this.forgetExpired(now);
    const key = `${deviceId}/${r.personId}`;
    const before = this.seen.get(key);
    if (r.state === 'left') {
      if (before?.submissionId === r.submissionId) this.seen.delete(key);
    } else {
      const since = before?.submissionId === r.submissionId ? before.since : now;
      this.seen.set(key, {
        submissionId: r.submissionId,
        personId: r.personId,
        name: r.name,
        state: r.state,
        since,
        until: now + PRESENCE_TTL_MS,
      });
    }
    // The same person on another desk is someone else at work on it too; on this desk, it is themself.
    const others = [...this.seen.entries()]
      .filter(([k, s]) => s.submissionId === r.submissionId && k !== key)
      .map(([, s]) => ({ personId: s.personId, name: s.name, state: s.state, since: new Date(s.since).toISOString() }));
    return { others: others.sort((a, b) => a.since.localeCompare(b.since)) };
  }

  private forgetExpired(now: number): void {
    for (const [key, s] of this.seen) if (s.until <= now) this.seen.delete(key);
  }
}
