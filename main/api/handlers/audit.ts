import { listAudit, verifyAuditLog } from '../../core/audit/chain.ts';
import type { Handler } from './types.ts';

export const auditHandlers = {
  'audit.list': {
    run: (input, ctx) =>
      listAudit(ctx.store.db, input).map((r) => ({
        seq: r.seq,
        at: r.at,
        actorName: r.actor_name,
        actorRole: r.actor_role,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        detail: JSON.parse(r.detail) as Record<string, unknown>,
        hash: r.hash,
        hubSignature: r.hub_signature,
      })),
  } satisfies Handler<'audit.list'>,
  'audit.verify': {
    run: (_input, ctx) => verifyAuditLog(ctx.store.db),
    audit: (_input, out) => ({ action: 'audit.verify', detail: { intact: out.intact, rows: out.rows } }),
  } satisfies Handler<'audit.verify'>,
};
