/** Handlers of one submission inbox; the contract's inboxMethods() names the same methods. */
import { customerCard, revealField } from '../../core/domain/customers.ts';
import { customerTimeline } from '../../core/domain/customer-timeline.ts';
import { addNote, advanceClaim, assign, queueReply, setDetails, setStatus, setTags } from '../../core/domain/submission-work.ts';
import { changeEach } from '../../core/domain/bulk.ts';
import { fillCannedReply, namesCustomer } from '../../core/domain/canned-replies.ts';
import { customerOf, getSubmission, listSubmissions, load, type SubmissionKind } from '../../core/domain/submissions.ts';
import { mayUseInbox, submissionKindsOf } from '../../../common/roles.ts';
import type { Session } from '../../core/security/sessions.ts';
import { listStaff } from '../../core/security/staff.ts';
import { prefixed } from '../contract.ts';
import { ApiError } from '../errors.ts';
import { me, type Handler, type HandlerContext } from './types.ts';

/** The submissions each session has opened (and so has a view row for): what `reload` may read again unaudited. */
const openedBy = new WeakMap<Session, Set<string>>();
function opened(ctx: HandlerContext): Set<string> {
  const session = ctx.session!;
  let ids = openedBy.get(session);
  if (!ids) openedBy.set(session, (ids = new Set()));
  return ids;
}

function inboxHandlers(kind: SubmissionKind) {
  const target = (id: string) => ({ targetType: 'submission', targetId: id });
  return {
    list: { run: (q, ctx) => listSubmissions(ctx.store.db, kind, q) } satisfies Handler<'complaints.list'>,
    relist: { run: (q, ctx) => listSubmissions(ctx.store.db, kind, q) } satisfies Handler<'complaints.relist'>,
    get: {
      run: ({ id }, ctx) => {
        const detail = getSubmission(ctx.store.db, kind, id);
        opened(ctx).add(id);
        return detail;
      },
      audit: ({ id }) => ({ action: 'submission.view', ...target(id) }),
    } satisfies Handler<'complaints.get'>,
    reload: {
      run: ({ id }, ctx) => {
        if (!opened(ctx).has(id))
          throw new ApiError('forbidden', 'open the submission first: reload only re-reads what this session opened');
        return getSubmission(ctx.store.db, kind, id);
      },
    } satisfies Handler<'complaints.reload'>,
    addNote: {
      run: ({ id, body }, ctx) => ({ eventId: addNote(ctx.store.db, kind, id, me(ctx).id, body) }),
      audit: ({ id }, out) => ({ action: 'submission.note', ...target(id), detail: { eventId: out.eventId } }),
    } satisfies Handler<'complaints.addNote'>,
    queueReply: {
      run: ({ id, body }, ctx) => ({ eventId: queueReply(ctx.store.db, kind, id, me(ctx).id, body) }),
      audit: ({ id }, out) => ({ action: 'submission.reply_queued', ...target(id), detail: { eventId: out.eventId } }),
    } satisfies Handler<'complaints.queueReply'>,
    setStatus: {
      run: ({ id, version, status }, ctx) => ({ version: setStatus(ctx.store.db, kind, id, me(ctx).id, version, status) }),
      audit: ({ id, status }) => ({ action: 'submission.status', ...target(id), detail: { status } }),
    } satisfies Handler<'complaints.setStatus'>,
    assign: {
      run: ({ id, version, assigneeId }, ctx) => ({ version: assign(ctx.store.db, kind, id, me(ctx).id, version, assigneeId) }),
      audit: ({ id, assigneeId }) => ({ action: 'submission.assign', ...target(id), detail: { assigneeId } }),
    } satisfies Handler<'complaints.assign'>,
    setDetails: {
      run: ({ id, version, changes }, ctx) => ({ version: setDetails(ctx.store.db, kind, id, me(ctx).id, version, changes) }),
      // Which fields were corrected; the values are on the timeline, where only those who hold the inbox read them.
      audit: ({ id, changes }) => ({ action: 'submission.details', ...target(id), detail: { fields: Object.keys(changes) } }),
    } satisfies Handler<'complaints.setDetails'>,
    assignees: {
      run: (_input, ctx) =>
        listStaff(ctx.store.db)
          .filter((p) => mayUseInbox(p, kind))
          .map((p) => ({ id: p.id, displayName: p.displayName })),
    } satisfies Handler<'complaints.assignees'>,
    customerCard: {
      run: ({ submissionId }, ctx) => customerCard(ctx.store.db, customerOf(ctx.store.db, kind, submissionId), submissionKindsOf(me(ctx))),
      audit: (_input, out) => ({ action: 'customer.view_card', targetType: 'customer', targetId: out.id }),
    } satisfies Handler<'complaints.customerCard'>,
    customerTimeline: {
      run: ({ submissionId, before, limit }, ctx) => {
        const person = me(ctx);
        const see = { kinds: submissionKindsOf(person), comments: mayUseInbox(person, 'comment') };
        return customerTimeline(ctx.store.db, customerOf(ctx.store.db, kind, submissionId), see, { before, limit });
      },
      audit: ({ submissionId }, _out, ctx) => ({
        action: 'customer.view_timeline',
        targetType: 'customer',
        targetId: customerOf(ctx.store.db, kind, submissionId),
        detail: { submissionId },
      }),
    } satisfies Handler<'complaints.customerTimeline'>,
    revealField: {
      run: ({ submissionId, field }, ctx) => ({ value: revealField(ctx.store.db, customerOf(ctx.store.db, kind, submissionId), field) }),
      // Who revealed which field of whom, and when; never the value itself.
      audit: ({ submissionId, field }, _out, ctx) => ({
        action: 'customer.reveal',
        targetType: 'customer',
        targetId: customerOf(ctx.store.db, kind, submissionId),
        detail: { field, submissionId },
      }),
    } satisfies Handler<'complaints.revealField'>,
    cannedReply: {
      run: ({ id, cannedId }, ctx) => fillCannedReply(ctx.store.db, kind, id, cannedId, me(ctx).displayName),
      // Which reply was filled for which submission; `reveals` when the customer's name (masked on the card) went in.
      audit: ({ id, cannedId }, _out, ctx) => ({
        action: 'canned_reply.fill',
        ...target(id),
        detail: { cannedId, reveals: namesCustomer(ctx.store.db, cannedId) ? ['fullName'] : [] },
      }),
    } satisfies Handler<'complaints.cannedReply'>,
    bulk: {
      run: ({ items, action }, ctx) => ({ results: changeEach(ctx.store.db, kind, me(ctx).id, items, action) }),
      // One row for the selection: what was asked, which submissions it changed and which it did not, and why.
      audit: ({ action }, { results }) => ({
        action: 'submission.bulk',
        detail: {
          kind,
          change: action,
          changed: results.filter((r) => r.ok).map((r) => r.id),
          refused: results.flatMap((r) => (r.ok ? [] : [{ id: r.id, code: r.code }])),
        },
      }),
    } satisfies Handler<'complaints.bulk'>,
    presence: {
      run: async ({ id, state }, ctx) => {
        load(ctx.store.db, kind, id);
        const answer = await ctx.sync.presence({ personId: me(ctx).id, submissionId: id, state });
        const others = (answer?.others ?? []).map(({ name, state, since }) => ({ name, state, since: Date.parse(since) }));
        return { known: answer !== null, others };
      },
    } satisfies Handler<'complaints.presence'>,
    setTags: {
      run: ({ id, add, remove }, ctx) => ({ tags: setTags(ctx.store.db, kind, id, me(ctx).id, { add, remove }) }),
      audit: ({ id, add, remove }) => ({ action: 'submission.tags', ...target(id), detail: { add, remove } }),
    } satisfies Handler<'complaints.setTags'>,
  };
}

/** A warranty claim's steps, beside the inbox methods every kind has. */
const claimHandlers = {
  'warrantyClaims.advance': {
    run: ({ id, version, step }, ctx) => ({ version: advanceClaim(ctx.store.db, id, me(ctx).id, version, step) }),
    audit: ({ id, step }) => ({ action: 'warranty.step', targetType: 'submission', targetId: id, detail: { to: step.to } }),
  } satisfies Handler<'warrantyClaims.advance'>,
};

export const inboxHandlersFor = {
  ...claimHandlers,
  ...prefixed('complaints', inboxHandlers('complaint')),
  ...prefixed('questions', inboxHandlers('question')),
  ...prefixed('tradeContacts', inboxHandlers('trade_contact')),
  ...prefixed('warrantyClaims', inboxHandlers('warranty')),
  ...prefixed('feedback', inboxHandlers('feedback')),
};
