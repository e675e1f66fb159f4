/**
 * Desks copy their audit rows to the hub. The hub checks each row's hash and its link to the row before,
 * keeps it append-only, and refuses a row that differs from the copy it already holds for that position.
 * Each row's signature is checked as it arrives and the verdict kept with the copy and sent back to the desk.
 */
import type { FastifyInstance } from 'fastify';
import { GENESIS_HASH, rowHash } from '../../common/audit/hash.ts';
import { AuditHashesQuery, AuditPushRequest } from '../../common/protocol/sync.ts';
import type { HubDb } from '../db/connect.ts';
import { deviceOf } from '../devices/enrollment.ts';
import { auditVerdicts } from '../directory/signatures.ts';
import type { SignatureVerdict } from '../../common/protocol/signing.ts';
import { HttpError, zodIssues } from '../http-errors.ts';

export function registerAuditSync(app: FastifyInstance, db: HubDb): void {
  app.post('/sync/audit', { bodyLimit: 8 * 1024 * 1024 }, async (req) => {
    const deviceId = await deviceOf(db, req);
    const body = AuditPushRequest.safeParse(req.body);
    if (!body.success) throw new HttpError(400, 'invalid_input', 'bad audit body', undefined, zodIssues(body.error));
    return db.transaction(async (tx) => {
      const last = (
        await tx.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_copies WHERE device_id = $1 ORDER BY seq DESC LIMIT 1', [
          deviceId,
        ])
      ).rows[0];
      let prevSeq = last ? Number(last.seq) : 0;
      let prevHash = last?.hash ?? GENESIS_HASH;
      let stored = 0;
      const verdictOf = auditVerdicts(tx);
      const verdicts: { seq: number; signature: SignatureVerdict }[] = [];
      for (const r of [...body.data.rows].sort((a, b) => a.seq - b.seq)) {
        if (r.seq <= prevSeq) {
          const held = (
            await tx.query<{ hash: string; signature: SignatureVerdict }>(
              'SELECT hash, signature FROM audit_copies WHERE device_id = $1 AND seq = $2',
              [deviceId, r.seq],
            )
          ).rows[0];
          if (held && held.hash !== r.hash)
            throw new HttpError(409, 'audit_mismatch', `audit row ${r.seq} differs from the hub's copy`, 'rows');
          if (held) verdicts.push({ seq: r.seq, signature: held.signature });
          continue; // already held, identical: a replay
        }
        if (r.prev_hash !== prevHash || rowHash(prevHash, r) !== r.hash) {
          throw new HttpError(409, 'audit_mismatch', `audit row ${r.seq} does not continue the chain the hub holds`, 'rows');
        }
        // The row as JSON text (migration 0006): an old row's NUL stays the escape \u0000, which jsonb refuses.
        const signature = await verdictOf(r);
        await tx.query(
          'INSERT INTO audit_copies (device_id, seq, id, prev_hash, hash, row, signature) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [deviceId, r.seq, r.id, r.prev_hash, r.hash, JSON.stringify(r), signature],
        );
        verdicts.push({ seq: r.seq, signature });
        prevSeq = r.seq;
        prevHash = r.hash;
        stored++;
      }
      return { stored, headSeq: prevSeq, verdicts };
    });
  });

  /** The hashes the hub holds for this device, and its signature verdicts, for `backdesk doctor` to compare with the desk's own. */
  app.get('/sync/audit/hashes', async (req) => {
    const deviceId = await deviceOf(db, req);
    const parsed = AuditHashesQuery.safeParse(req.query);
    if (!parsed.success) throw new HttpError(400, 'invalid_input', 'bad audit hashes query', undefined, zodIssues(parsed.error));
    const q = parsed.data;
    const rows = (
      await db.query<{ seq: string; hash: string; signature: SignatureVerdict }>(
        'SELECT seq, hash, signature FROM audit_copies WHERE device_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
        [deviceId, q.after, q.limit],
      )
    ).rows;
    return { hashes: rows.map((r) => ({ seq: Number(r.seq), hash: r.hash, signature: r.signature })) };
  });
}
