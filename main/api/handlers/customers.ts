/** The Customers screen and the consent ledger: find a customer, open their page, reveal a field, withdraw a consent, the promotion list and its export. */
import { submissionKindsOf, mayUseInbox } from '../../../common/roles.ts';
import { exportPromotionList, promotionList, withdrawConsent } from '../../core/domain/consents.ts';
import { assertVisible, customerPage, searchCustomers } from '../../core/domain/customer-directory.ts';
import { customerTimeline } from '../../core/domain/customer-timeline.ts';
import { duplicateGroups, mergeCustomers, mergePreview, unmergeCustomer } from '../../core/domain/customer-merges.ts';
import { revealField } from '../../core/domain/customers.ts';
import { me, type Handler } from './types.ts';

const target = (id: string) => ({ targetType: 'customer', targetId: id });

export const customerHandlers = {
  'customers.search': {
    run: ({ text }, ctx) => searchCustomers(ctx.store.db, me(ctx), text),
    // Who looked for whom: the customers found, never what was typed.
    audit: (_q, found) => ({
      action: 'customer.find',
      targetType: 'customer',
      targetId: null,
      detail: { customerIds: found.map((c) => c.id) },
    }),
  } satisfies Handler<'customers.search'>,
  'customers.get': {
    run: ({ id }, ctx) => customerPage(ctx.store.db, me(ctx), id),
    audit: ({ id }) => ({ action: 'customer.view', ...target(id) }),
  } satisfies Handler<'customers.get'>,
  'customers.timeline': {
    run: ({ id, before, limit }, ctx) => {
      const person = me(ctx);
      assertVisible(ctx.store.db, person, id);
      return customerTimeline(
        ctx.store.db,
        id,
        { kinds: submissionKindsOf(person), comments: mayUseInbox(person, 'comment') },
        { before, limit },
      );
    },
  } satisfies Handler<'customers.timeline'>,
  'customers.reveal': {
    run: ({ id, field }, ctx) => {
      assertVisible(ctx.store.db, me(ctx), id);
      return { value: revealField(ctx.store.db, id, field) };
    },
    audit: ({ id, field }) => ({ action: 'customer.reveal', ...target(id), detail: { field } }),
  } satisfies Handler<'customers.reveal'>,
  'consents.withdraw': {
    run: (w, ctx) => {
      const person = me(ctx);
      assertVisible(ctx.store.db, person, w.customerId);
      return withdrawConsent(ctx.store.db, { id: person.id, name: person.displayName }, w);
    },
    audit: (w, out) => ({
      action: 'consent.withdraw',
      ...target(w.customerId),
      detail: { channel: w.channel, source: w.source, record: out.id },
    }),
  } satisfies Handler<'consents.withdraw'>,
  'customers.duplicates': { run: (_q, ctx) => duplicateGroups(ctx.store.db) } satisfies Handler<'customers.duplicates'>,
  'customers.mergePreview': {
    run: ({ sourceId, targetId, choose }, ctx) => mergePreview(ctx.store.db, sourceId, targetId, choose),
  } satisfies Handler<'customers.mergePreview'>,
  'customers.merge': {
    run: (m, ctx) => mergeCustomers(ctx.store.db, me(ctx).id, m),
    // Which two were merged, and which side's value each field took; never the values.
    audit: (m, out) => ({
      action: 'customer.merge',
      ...target(m.targetId),
      detail: { source: m.sourceId, choose: m.choose, merge: out.id },
    }),
  } satisfies Handler<'customers.merge'>,
  'customers.unmerge': {
    run: ({ sourceId }, ctx) => {
      unmergeCustomer(ctx.store.db, me(ctx).id, sourceId);
      return { ok: true as const };
    },
    audit: ({ sourceId }) => ({ action: 'customer.unmerge', ...target(sourceId) }),
  } satisfies Handler<'customers.unmerge'>,
  'promotions.list': { run: ({ channel }, ctx) => promotionList(ctx.store.db, channel) } satisfies Handler<'promotions.list'>,
  'promotions.export': {
    run: ({ channel }, ctx) => exportPromotionList(ctx.store.db, channel),
    // Names and contacts leave the desk: who took how many, for which channel.
    audit: ({ channel }, out) => ({
      action: 'promotion.export',
      targetType: 'promotion',
      targetId: null,
      detail: { channel, count: out.count },
    }),
  } satisfies Handler<'promotions.export'>,
};
