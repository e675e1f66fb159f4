/** My work: a person's open assignments across the inboxes they hold (domain/submission-list.ts listMyWork). */
import { listMyWork } from '../../core/domain/submission-list.ts';
import { submissionKindsOf } from '../../../common/roles.ts';
import { me, type Handler, type HandlerContext } from './types.ts';

function mine(q: { after?: string; limit: number }, ctx: HandlerContext) {
  const person = me(ctx);
  // Only the inboxes this person holds now: an assignment kept from a grant since taken away is not shown.
  return listMyWork(ctx.store.db, submissionKindsOf(person), person.id, q);
}

export const workHandlers = {
  'work.mine': { run: mine } satisfies Handler<'work.mine'>,
  'work.remine': { run: mine } satisfies Handler<'work.remine'>,
};
