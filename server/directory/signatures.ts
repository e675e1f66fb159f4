/**
 * The hub believes a change because its author signed it. A mutation is checked against the keys the directory
 * holds for the person it names (every key they have had: a reset makes a new one, and the old one still
 * verifies what it signed); an audit row copied from a desk is checked the same way and its verdict kept.
 */
import { verifyText } from '../../common/node/signing-keys.ts';
import type { Mutation } from '../../common/protocol/sync.ts';
import { auditSigningText, mutationSigningText, type SignatureVerdict } from '../../common/protocol/signing.ts';
import type { Queryable } from '../db/connect.ts';
import { DirectoryRefusal } from './staff.ts';

/** The public half of the person's key with this id, if the directory holds it as theirs. */
async function publicKeyOf(tx: Queryable, personId: string, keyId: string): Promise<string | null> {
  const row = (
    await tx.query<{ public_key: string }>('SELECT public_key FROM staff_keys WHERE id = $1 AND staff_id = $2', [keyId, personId])
  ).rows[0];
  return row?.public_key ?? null;
}

/**
 * The key a change brings for its own author, when it may be checked against it: only for someone who has no
 * key in the directory yet (an account from before keys registering its first, or the organisation's first
 * director made on a desk while the directory is empty). Anyone with a key must sign with one of theirs.
 */
async function broughtKey(tx: Queryable, m: Mutation): Promise<string | null> {
  const key =
    m.mutation === 'staff.key'
      ? m.payload.key
      : m.mutation === 'staff.upsert' && m.entityId === m.actorId && (await tx.query('SELECT 1 FROM staff LIMIT 1')).rows.length === 0
        ? m.payload.key
        : null;
  if (!key || key.keyId !== m.keyId) return null;
  const hasKey = (await tx.query('SELECT 1 FROM staff_keys WHERE staff_id = $1', [m.actorId])).rows.length > 0;
  return hasKey ? null : key.publicKey;
}

/** Refuses a mutation whose signature is not its author's over exactly these fields. */
export async function checkSignature(tx: Queryable, m: Mutation): Promise<void> {
  const publicKey = (await publicKeyOf(tx, m.actorId, m.keyId)) ?? (await broughtKey(tx, m));
  if (!publicKey) {
    const known = (await tx.query('SELECT 1 FROM staff WHERE id = $1', [m.actorId])).rows.length > 0;
    throw new DirectoryRefusal(
      known
        ? 'this change is signed with a key that is not its author’s in the staff directory'
        : 'the person who made this change is not in the organisation’s staff directory',
    );
  }
  if (!verifyText(publicKey, mutationSigningText(m), m.signature)) {
    throw new DirectoryRefusal(
      'this change’s signature does not match it: it was altered after its author signed it, or signed by someone else',
    );
  }
}

type AuditSigned = { actor_id: string | null; key_id: string | null; signature: string | null; hash: string };

/**
 * Judges the signatures of a batch of copied audit rows: whether each is its actor's over its hash (a row no
 * signed-in person made is unsigned). A batch holds hundreds of rows by a handful of people, so each
 * person's key is looked up once.
 */
export function auditVerdicts(tx: Queryable): (r: AuditSigned) => Promise<SignatureVerdict> {
  const keys = new Map<string, Promise<string | null>>();
  return async (r) => {
    if (!r.signature && !r.key_id) return 'unsigned';
    if (!r.actor_id || !r.key_id || !r.signature) return 'invalid';
    const id = `${r.actor_id}/${r.key_id}`;
    if (!keys.has(id)) keys.set(id, publicKeyOf(tx, r.actor_id, r.key_id));
    const publicKey = await keys.get(id)!;
    return publicKey && verifyText(publicKey, auditSigningText(r.hash), r.signature) ? 'verified' : 'invalid';
  };
}
