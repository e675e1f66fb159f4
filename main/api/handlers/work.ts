/** My work: a person's open assignments across the inboxes they hold (domain/submission-list.ts listMyWork). */
import { appendAudit } from '../../core/audit/chain.ts';
import { findCustomers, findSubmissions } from '../../core/domain/find.ts';
import { listMyWork } from '../../core/domain/submission-list.ts';
import { actorOf } from './auth.ts';
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
  'work.find': {
    run: ({ text }, ctx) => {
      const person = me(ctx);
      const kinds = submissionKindsOf(person);
      const { db } = ctx.store;
      return db.transaction(() => {
        const customers = findCustomers(db, text, kinds);
        // Finding who owns an email or a number is a look at customer data: recorded, with whom it found
        // (never what was typed). A reference, or nothing found, is not.
        if (customers.length)
          appendAudit(db, actorOf(person), { action: 'customer.find', detail: { customerIds: customers.map((c) => c.id) } });
        return { submissions: findSubmissions(db, text, kinds), customers };
      })();
    },
  } satisfies Handler<'work.find'>,
};
