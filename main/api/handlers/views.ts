/** A person's saved views (domain/saved-views.ts): theirs only, whoever else signs in on the desk. */
import { deleteView, listViews, saveView } from '../../core/domain/saved-views.ts';
import { me, type Handler } from './types.ts';

export const viewHandlers = {
  'views.list': { run: (_input, ctx) => listViews(ctx.store.db, me(ctx)) } satisfies Handler<'views.list'>,
  'views.save': { run: (view, ctx) => ({ id: saveView(ctx.store.db, me(ctx), view) }) } satisfies Handler<'views.save'>,
  'views.delete': {
    run: ({ id }, ctx) => {
      deleteView(ctx.store.db, me(ctx), id);
      return {};
    },
  } satisfies Handler<'views.delete'>,
};
