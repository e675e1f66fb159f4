/**
 * The audit log's head, anchored outside the database file. The hash chain shows a changed row, but not a
 * log cut short or one whose hashes were all recomputed by someone holding the database key. So each append
 * also stores an HMAC over the new head (seq, hash), keyed by a secret that lives only in the OS keychain:
 * without that secret nobody can make the anchor agree with a log they shortened or rewrote.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { GENESIS_HASH } from '../../../common/audit/hash.ts';
import { KEYCHAIN_SERVICE, type Keychain } from '../security/keychain.ts';
import type { Db } from '../store/open.ts';
import { getSetting, setSetting } from '../store/settings.ts';
import { stmt } from '../store/statements.ts';

export interface Head {
  seq: number;
  hash: string;
}

/** The head of an empty log. */
export const GENESIS_HEAD: Head = { seq: 0, hash: GENESIS_HASH };

/**
 * Kept in `settings`. since: when this anchor began; rows removed before then are caught only by the hub's
 * copy. renewed: it began because its secret was missing from the keychain while the store had an anchor.
 */
interface Anchor {
  seq: number;
  mac: string;
  since: string;
  renewed: boolean;
}

const SETTING = 'audit.anchor';
export const anchorAccount = (profileId: string): string => `audit-anchor:${profileId}`;

/** The secret of each open connection, loaded when the store opens so appends can update the anchor synchronously. */
const secrets = new WeakMap<Db, Buffer>();

/**
 * Loads the anchor secret from the keychain, or makes one (a store from before anchors, or whose secret is
 * gone) and anchors the current head. The anchor is written before the secret is kept, so a crash between the
 * two leaves a "renewed" anchor on the next open, never a false alarm.
 */
export async function loadAuditAnchor(db: Db, keychain: Keychain, profileId: string): Promise<void> {
  const account = anchorAccount(profileId);
  const kept = await keychain.get(KEYCHAIN_SERVICE, account);
  if (kept !== null) {
    if (!/^[0-9a-f]{64}$/.test(kept)) throw new Error(`The keychain entry ${account} is not a 32-byte hex secret.`);
    secrets.set(db, Buffer.from(kept, 'hex'));
    return;
  }
  const secret = randomBytes(32);
  db.transaction(() => {
    const renewed = getSetting(db, SETTING) !== null;
    writeAnchor(db, secret, head(db), { since: new Date().toISOString(), renewed });
  })();
  await keychain.set(KEYCHAIN_SERVICE, account, secret.toString('hex'));
  if ((await keychain.get(KEYCHAIN_SERVICE, account)) !== secret.toString('hex')) {
    throw new Error(`The OS keychain did not keep the new audit anchor secret for ${account}.`);
  }
  secrets.set(db, secret);
}

/**
 * Moves the anchor from `before` to `after`; appendAudit calls it inside the transaction of the row it adds.
 * An anchor that no longer matches `before` is left as it is: extending it would vouch for a log that was
 * tampered with, and leaving it keeps the break visible to doctor however many rows are added after.
 */
export function advanceAuditAnchor(db: Db, before: Head, after: Head): void {
  const secret = secretOf(db);
  const anchor = readAnchor(db);
  if (anchor && vouches(secret, anchor, before)) writeAnchor(db, secret, after, anchor);
}

export type AnchorVerdict =
  | { state: 'matches'; seq: number; since: string; renewed: boolean }
  | { state: 'missing' }
  | { state: 'differs'; seq: number; since: string; reason: string };

/** Checks the log's last row against the anchor, in one read so a concurrent append cannot split them. */
export function checkAuditAnchor(db: Db): AnchorVerdict {
  return db.transaction((): AnchorVerdict => {
    const secret = secretOf(db);
    const anchor = readAnchor(db);
    if (!anchor) return { state: 'missing' };
    const last = head(db);
    const { seq, since } = anchor;
    if (last.seq === seq && vouches(secret, anchor, last)) return { state: 'matches', seq, since, renewed: anchor.renewed };
    const differs = (reason: string): AnchorVerdict => ({ state: 'differs', seq, since, reason });
    if (last.seq < seq)
      return differs(`the log ends at row ${last.seq} but the anchor vouches for row ${seq}: rows were removed from its end`);
    const anchored = seq === 0 ? GENESIS_HEAD : (stmt(db, 'SELECT seq, hash FROM audit_log WHERE seq = ?').get(seq) as Head | undefined);
    if (anchored && vouches(secret, anchor, anchored)) {
      return differs(`rows after ${seq} were added without moving the anchor, so not by Backdesk`);
    }
    return differs(`row ${seq} is not the row the anchor vouches for: the log was rewritten and its hashes recomputed`);
  })();
}

function head(db: Db): Head {
  return (stmt(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as Head | undefined) ?? GENESIS_HEAD;
}

function secretOf(db: Db): Buffer {
  const secret = secrets.get(db);
  if (!secret)
    throw new Error('This connection has no audit anchor secret: audit rows are written only through a store opened by openStore.');
  return secret;
}

function readAnchor(db: Db): Anchor | null {
  const text = getSetting(db, SETTING);
  return text === null ? null : (JSON.parse(text) as Anchor);
}

function writeAnchor(db: Db, secret: Buffer, at: Head, { since, renewed }: Pick<Anchor, 'since' | 'renewed'>): void {
  const anchor: Anchor = { seq: at.seq, mac: mac(secret, at, since, renewed), since, renewed };
  setSetting(db, SETTING, JSON.stringify(anchor));
}

/** since and renewed are covered too, so a "renewed" anchor cannot be passed off as an old one. */
function mac(secret: Buffer, at: Head, since: string, renewed: boolean): string {
  return createHmac('sha256', secret)
    .update(JSON.stringify([at.seq, at.hash, since, renewed]))
    .digest('hex');
}

function vouches(secret: Buffer, anchor: Anchor, at: Head): boolean {
  const expected = Buffer.from(mac(secret, at, anchor.since, anchor.renewed), 'hex');
  const stored = Buffer.from(anchor.mac, 'hex');
  return stored.length === expected.length && timingSafeEqual(stored, expected);
}
