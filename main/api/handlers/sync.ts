import { listComments, moderateComment } from '../../core/domain/comments.ts';
import { DomainError } from '../../core/domain/errors.ts';
import { pendingCount } from '../../core/domain/outbox.ts';
import type { Db } from '../../core/store/open.ts';
import { enroll } from '../../core/sync/client.ts';
import { stmt } from '../../core/store/statements.ts';
import { ApiError } from '../errors.ts';
import { me, type Handler } from './types.ts';

const conflictCount = (db: Db, personId: string) =>
  (stmt(db, `SELECT count(*) AS n FROM outbox WHERE state = 'rejected' AND dismissed = 0 AND actor_id = ?`).get(personId) as { n: number })
    .n;

export const syncHandlers = {
  'desk.status': {
    run: (_input, ctx) => ({
      outboxPending: pendingCount(ctx.store.db),
      conflicts: conflictCount(ctx.store.db, me(ctx).id),
      ...ctx.sync.current(),
    }),
  } satisfies Handler<'desk.status'>,

  'sync.now': {
    async run(_input, ctx) {
      await ctx.sync.syncNow();
      return { ok: true as const };
    },
  } satisfies Handler<'sync.now'>,

  'sync.enroll': {
    async run(input, ctx) {
      try {
        const deviceId = await enroll(ctx.store, ctx.keychain, input.hubUrl, input.code, input.deviceName);
        void ctx.sync.syncNow();
        return { deviceId };
      } catch (e) {
        throw new ApiError('invalid_input', e instanceof Error ? e.message : String(e));
      }
    },
  } satisfies Handler<'sync.enroll'>,

  'sync.conflicts': {
    run: (_input, ctx) =>
      (
        stmt(
          ctx.store.db,
          `SELECT id, mutation, entity_type AS entityType, entity_id AS entityId, reason, current, created_at AS createdAt
           FROM outbox WHERE state = 'rejected' AND dismissed = 0 AND actor_id = ? ORDER BY created_at DESC`,
        ).all(me(ctx).id) as {
          id: string;
          mutation: string;
          entityType: string;
          entityId: string;
          reason: string;
          current: string | null;
          createdAt: number;
        }[]
      ).map((r) => ({ ...r, current: r.current ? (JSON.parse(r.current) as Record<string, unknown>) : null })),
  } satisfies Handler<'sync.conflicts'>,

  'sync.dismissConflict': {
    run: ({ id }, ctx) => {
      const r = stmt(ctx.store.db, `UPDATE outbox SET dismissed = 1 WHERE id = ? AND state = 'rejected' AND actor_id = ?`).run(
        id,
        me(ctx).id,
      );
      if (r.changes === 0) throw new DomainError('not_found', 'no rejected change of yours with that id');
      return { ok: true as const };
    },
    audit: ({ id }) => ({ action: 'sync.dismiss_conflict', targetType: 'outbox', targetId: id }),
  } satisfies Handler<'sync.dismissConflict'>,

  'comments.list': { run: (q, ctx) => listComments(ctx.store.db, q) } satisfies Handler<'comments.list'>,

  'comments.moderate': {
    run: ({ id, decision }, ctx) => {
      const person = me(ctx);
      moderateComment(ctx.store.db, id, { id: person.id, name: person.displayName }, decision);
      return { ok: true as const };
    },
    audit: ({ id, decision }) => ({ action: 'comment.moderate', targetType: 'comment', targetId: id, detail: { decision } }),
  } satisfies Handler<'comments.moderate'>,
};
