/** Customers' requests about their data: directors list them with their clocks, log, acknowledge, extend and decide them; each step audited. */
import {
  acknowledgeRequest,
  customersByContact,
  decideRequest,
  extendRequest,
  listRequests,
  logRequest,
  requestCounts,
  requestDetail,
  revealChange,
  requestTypeOf,
  sendVerificationCode,
  verifyRequest,
} from '../../core/domain/data-requests.ts';
import { me, type Handler, type HandlerContext } from './types.ts';

const actor = (ctx: HandlerContext) => {
  const person = me(ctx);
  return { id: person.id, name: person.displayName };
};
const target = (id: string) => ({ targetType: 'account_request', targetId: id });

export const requestHandlers = {
  'requests.list': { run: ({ filter }, ctx) => listRequests(ctx.store.db, filter) } satisfies Handler<'requests.list'>,
  'requests.counts': { run: (_q, ctx) => requestCounts(ctx.store.db) } satisfies Handler<'requests.counts'>,
  'requests.get': {
    run: ({ id }, ctx) => requestDetail(ctx.store.db, id),
    audit: ({ id }) => ({ action: 'request.view', ...target(id) }),
  } satisfies Handler<'requests.get'>,
  'requests.reveal': {
    run: ({ id, field }, ctx) => revealChange(ctx.store.db, id, field),
    // Which field of whose request was seen in full, never the values.
    audit: ({ id, field }) => ({ action: 'request.reveal', ...target(id), detail: { field } }),
  } satisfies Handler<'requests.reveal'>,
  'requests.findCustomer': {
    run: ({ text }, ctx) => customersByContact(ctx.store.db, text),
    // A lookup by someone's contact is a use of their data; the audit keeps that one happened and what it found, not what was typed.
    audit: (_q, found) => ({
      action: 'customer.find',
      targetType: 'customer',
      targetId: null,
      detail: { customerIds: found.map((c) => c.id) },
    }),
  } satisfies Handler<'requests.findCustomer'>,
  'requests.log': {
    run: (r, ctx) => logRequest(ctx.store.db, actor(ctx), r),
    audit: (r, out) => ({ action: 'request.log', ...target(out.id), detail: { type: r.type, channel: r.channel, customer: r.customerId } }),
  } satisfies Handler<'requests.log'>,
  'requests.acknowledge': {
    run: ({ id, email }, ctx) => acknowledgeRequest(ctx.store.db, actor(ctx), id, email),
    audit: ({ id, email }, out) => ({ action: 'request.acknowledge', ...target(id), detail: { ...out, email } }),
  } satisfies Handler<'requests.acknowledge'>,
  'requests.extend': {
    run: ({ id, extension }, ctx) => {
      extendRequest(ctx.store.db, actor(ctx), id, extension);
      return { ok: true as const };
    },
    audit: ({ id, extension }) => ({ action: 'request.extend', ...target(id), detail: { days: extension.days } }),
  } satisfies Handler<'requests.extend'>,
  'requests.sendCode': {
    run: ({ id }, ctx) => {
      sendVerificationCode(ctx.store.db, actor(ctx), id);
      return { ok: true as const };
    },
    audit: ({ id }) => ({ action: 'request.sendCode', ...target(id) }),
  } satisfies Handler<'requests.sendCode'>,
  'requests.verify': {
    run: ({ id, verification }, ctx) => {
      verifyRequest(ctx.store.db, actor(ctx), id, verification);
      return { ok: true as const };
    },
    // How the requester proved who they are may describe their documents: the audit keeps that it was done.
    audit: ({ id, verification }) => ({ action: 'request.verify', ...target(id), detail: { method: verification.method } }),
  } satisfies Handler<'requests.verify'>,
  'requests.decide': {
    run: ({ id, decision }, ctx) => {
      decideRequest(ctx.store.db, actor(ctx), id, decision);
      return { ok: true as const };
    },
    // What the decision was for: carrying out a request of this type (a copy of someone's data leaves the company).
    audit: ({ id, decision }, _out, ctx) => ({
      action: 'request.decide',
      ...target(id),
      detail: { outcome: decision.outcome, purpose: requestTypeOf(ctx.store.db, id) },
    }),
  } satisfies Handler<'requests.decide'>,
};
