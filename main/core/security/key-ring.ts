/**
 * The signing keys of the people signed in to a store, unwrapped at sign-in and held in this process's memory
 * only: one per session, dropped when the session ends or locks and when the store closes. What a person does
 * is signed with the key their session holds (the outbox and the audit log ask the ring by person), so a desk
 * where nobody has typed a password can sign nothing, and so can push nothing the hub will accept.
 */
import type { UnwrappedKey } from '../../../common/node/signing-keys.ts';
import type { Db } from '../store/open.ts';

export class KeyRing {
  private readonly bySession = new Map<string, { personId: string; key: UnwrappedKey }>();

  hold(sessionId: string, personId: string, key: UnwrappedKey): void {
    this.bySession.set(sessionId, { personId, key });
  }

  drop(sessionId: string): void {
    this.bySession.delete(sessionId);
  }

  dropAll(): void {
    this.bySession.clear();
  }

  /** A key this person's open session holds here, if any (two windows of one person hold the same key). */
  keyOf(personId: string): UnwrappedKey | undefined {
    for (const held of this.bySession.values()) if (held.personId === personId) return held.key;
    return undefined;
  }
}

const rings = new WeakMap<Db, KeyRing>();

/** The ring of the people signed in to this store (the store's connection is the one every change goes through). */
export function keyRingOf(db: Db): KeyRing {
  let ring = rings.get(db);
  if (!ring) rings.set(db, (ring = new KeyRing()));
  return ring;
}
