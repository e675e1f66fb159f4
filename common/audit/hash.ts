/**
 * The audit chain's hash, one definition for the desk that writes the log and the hub that checks its copy.
 * Each row's hash covers the previous row's hash and the row's own fields, so changing, removing or
 * reordering any row breaks every hash after it. SHA-256 from @noble/hashes because it is synchronous
 * (rows are hashed inside the transaction of the change they record) and runs in every process.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export const GENESIS_HASH = '0'.repeat(64);

/** One audit row as the desk stores it and the hub keeps its copy. */
export interface AuditRow {
  seq: number;
  id: string;
  at: number;
  actor_id: string | null;
  actor_name: string;
  actor_role: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

export type HashedFields = Omit<AuditRow, 'seq' | 'prev_hash' | 'hash'>;

export function rowHash(prevHash: string, r: HashedFields): string {
  const canonical = JSON.stringify([r.id, r.at, r.actor_id, r.actor_name, r.actor_role, r.action, r.target_type, r.target_id, r.detail]);
  return bytesToHex(sha256(utf8ToBytes(`${prevHash}\n${canonical}`)));
}
