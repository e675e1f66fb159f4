import { auditHandlers } from './audit.ts';
import { authHandlers } from './auth.ts';
import { cannedTagHandlers } from './canned-tags.ts';
import { commentHandlers } from './comments.ts';
import { inboxHandlersFor } from './inbox.ts';
import { requestHandlers } from './requests.ts';
import { customerHandlers } from './customers.ts';
import { staffHandlers } from './staff.ts';
import { warrantyDeskHandlers } from './warranty-desk.ts';
import { serviceHandlers } from './service.ts';
import { syncHandlers } from './sync.ts';
import { viewHandlers } from './views.ts';
import { workHandlers } from './work.ts';
import type { Handlers } from './types.ts';

export const handlers: Handlers = {
  ...authHandlers,
  ...inboxHandlersFor,
  ...workHandlers,
  ...warrantyDeskHandlers,
  ...serviceHandlers,
  ...cannedTagHandlers,
  ...viewHandlers,
  ...auditHandlers,
  ...syncHandlers,
  ...commentHandlers,
  ...staffHandlers,
  ...requestHandlers,
  ...customerHandlers,
};
