import { pendingCount } from '../../core/domain/outbox.ts';
import { auditHandlers } from './audit.ts';
import { authHandlers } from './auth.ts';
import { inboxHandlersFor } from './inbox.ts';
import type { Handler, Handlers } from './types.ts';

export const handlers: Handlers = {
  ...authHandlers,
  ...inboxHandlersFor,
  ...auditHandlers,
  'desk.status': {
    run: (_input, ctx) => ({ outboxPending: pendingCount(ctx.store.db), hub: ctx.hubState() }),
  } satisfies Handler<'desk.status'>,
};
