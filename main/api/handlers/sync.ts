/** The desk's link with the hub: status, sync now, enrollment, and the person's refused changes. */
import { DomainError } from '../../core/domain/errors.ts';
import { conflictCount, dismissConflict, listConflicts, pendingCount } from '../../core/domain/outbox.ts';
import { enroll } from '../../core/sync/enrollment.ts';
import { HubHttpError } from '../../core/sync/hub-link.ts';
import { ApiError } from '../errors.ts';
import { actorOf } from './auth.ts';
import { me, type Handler } from './types.ts';

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
        // enroll audits the attempt, success or failure, under the signed-in IT admin's name.
        const deviceId = await enroll(ctx.store, ctx.keychain, input.hubUrl, input.code, input.deviceName, actorOf(me(ctx)));
        void ctx.sync.syncNow();
        return { deviceId };
      } catch (e) {
        // A username someone else holds in the directory: the two people, for the screen to name in its language.
        if (e instanceof HubHttpError && e.clash) throw new ApiError('username_taken', e.message, { clash: e.clash });
        throw new ApiError('invalid_input', e instanceof Error ? e.message : String(e));
      }
    },
  } satisfies Handler<'sync.enroll'>,

  'sync.conflicts': {
    run: (_input, ctx) => listConflicts(ctx.store.db, me(ctx).id),
  } satisfies Handler<'sync.conflicts'>,

  'sync.dismissConflict': {
    run: ({ id }, ctx) => {
      if (!dismissConflict(ctx.store.db, me(ctx).id, id)) throw new DomainError('not_found', 'no rejected change of yours with that id');
      return { ok: true as const };
    },
    audit: ({ id }) => ({ action: 'sync.dismiss_conflict', targetType: 'outbox', targetId: id }),
  } satisfies Handler<'sync.dismissConflict'>,
};
