/**
 * The append-only, hash-chained audit log (privacy policy art. 2: everyone with access is accountable).
 * Each row's hash covers the previous row's hash and the row's own fields, so changing, removing or
 * reordering any row breaks every hash after it. The triggers in the schema reject UPDATE and DELETE; the
 * anchor (anchor.ts) catches what the chain cannot: a log cut short, or rewritten with every hash recomputed.
 * Details never carry personal data values, only which field or record was touched.
 */
import { GENESIS_HASH, rowHash, type AuditRow } from '../../../common/audit/hash.ts';
import { newId } from '../../../common/ids.ts';
import { signText } from '../../../common/node/signing-keys.ts';
import { auditSigningText, type SignatureVerdict } from '../../../common/protocol/signing.ts';
import { keyRingOf } from '../security/key-ring.ts';
import { advanceAuditAnchor, checkAuditAnchor, GENESIS_HEAD, type Head } from './anchor.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';

export interface AuditActor {
  id: string | null;
  name: string;
  role: string | null;
}

export interface AuditEvent {
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Appends one row and moves the head's anchor (audit/anchor.ts) with it, in one transaction; call it inside
 * the transaction of the change it records so all of them land or none does.
 */
export function appendAudit(db: Db, actor: AuditActor, event: AuditEvent, at = Date.now()): AuditRow {
  return db.transaction(() => {
    const before = (stmt(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as Head | undefined) ?? GENESIS_HEAD;
    const row = {
      id: newId(),
      at,
      actor_id: actor.id,
      actor_name: actor.name,
      actor_role: actor.role,
      action: event.action,
      target_type: event.targetType ?? null,
      target_id: event.targetId ?? null,
      detail: JSON.stringify(event.detail ?? {}),
    };
    const hash = rowHash(before.hash, row);
    // Signed by its actor when they are signed in here; a failed sign-in or the sync client signs nothing.
    const key = actor.id ? keyRingOf(db).keyOf(actor.id) : undefined;
    const signed = { key_id: key?.keyId ?? null, signature: key ? signText(key.privateKey, auditSigningText(hash)) : null };
    const { lastInsertRowid } = stmt(
      db,
      `INSERT INTO audit_log (id, at, actor_id, actor_name, actor_role, action, target_type, target_id, detail, prev_hash, hash, key_id, signature)
       VALUES (@id, @at, @actor_id, @actor_name, @actor_role, @action, @target_type, @target_id, @detail, @prev_hash, @hash, @key_id, @signature)`,
    ).run({ ...row, prev_hash: before.hash, hash, ...signed });
    const seq = Number(lastInsertRowid);
    advanceAuditAnchor(db, before, { seq, hash });
    return { seq, ...row, prev_hash: before.hash, hash };
  })();
}

export type ChainVerdict =
  { intact: true; rows: number; headHash: string } | { intact: false; rows: number; brokenAtSeq: number; reason: string };

/** Recomputes the whole chain in order; streams rows so a long log does not sit in memory. */
export function verifyAudit(db: Db): ChainVerdict {
  let prev = GENESIS_HASH;
  let rows = 0;
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<AuditRow>) {
    rows++;
    if (r.prev_hash !== prev) return { intact: false, rows, brokenAtSeq: r.seq, reason: 'previous hash does not match' };
    if (rowHash(prev, r) !== r.hash) return { intact: false, rows, brokenAtSeq: r.seq, reason: 'row content does not match its hash' };
    prev = r.hash;
  }
  return { intact: true, rows, headHash: prev };
}

/** Rows newest first, each with the hub's verdict on its signature once it has been copied there. */
export function listAudit(db: Db, opts: { beforeSeq?: number; limit: number }): (AuditRow & { hub_signature: SignatureVerdict | null })[] {
  return stmt(
    db,
    `SELECT a.*, v.signature AS hub_signature FROM audit_log a LEFT JOIN audit_hub_verdicts v ON v.seq = a.seq
     WHERE a.seq < ? ORDER BY a.seq DESC LIMIT ?`,
  ).all(opts.beforeSeq ?? Number.MAX_SAFE_INTEGER, opts.limit) as (AuditRow & { hub_signature: SignatureVerdict | null })[];
}

/**
 * What a director's "verify" means: the chain recomputes, and its last row is the one the keychain-held
 * anchor vouches for, so a log cut short or rewritten with recomputed hashes is caught too.
 */
export function verifyAuditLog(db: Db): ChainVerdict {
  const chain = verifyAudit(db);
  if (!chain.intact) return chain;
  const anchor = checkAuditAnchor(db);
  if (anchor.state === 'matches') return chain;
  if (anchor.state === 'missing')
    return { intact: false, rows: chain.rows, brokenAtSeq: chain.rows, reason: 'the anchor of the audit log was removed' };
  return { intact: false, rows: chain.rows, brokenAtSeq: anchor.seq, reason: anchor.reason };
}
