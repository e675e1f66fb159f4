/** The Staff screen's methods (directors only, by the contract), this desk's seat list, and choosing one's own password. */
import { seatList, setSeatList } from '../../core/security/seats.ts';
import { addPerson, chooseOwnPassword, listAccounts, resetPassword, setActive, updatePerson } from '../../core/security/staff-admin.ts';
import { actorOf } from './auth.ts';
import { me, type Handler, type HandlerContext } from './types.ts';

const actor = (ctx: HandlerContext) => {
  const person = me(ctx);
  return { ...actorOf(person), id: person.id, role: person.role };
};

// Each core function audits its own change in the change's transaction (some hash a password first, which
// is asynchronous, so the dispatcher's synchronous audit step cannot hold them).
export const staffHandlers = {
  'staff.list': { run: (_input, ctx) => listAccounts(ctx.store.db) } satisfies Handler<'staff.list'>,

  'staff.add': {
    run: ({ username, displayName, role, grants }, ctx) => addPerson(ctx.store.db, actor(ctx), { username, displayName, role, grants }),
  } satisfies Handler<'staff.add'>,

  'staff.update': {
    run: ({ id, version, displayName, role, grants }, ctx) => ({
      version: updatePerson(ctx.store.db, actor(ctx), id, version, { displayName, role, grants }),
    }),
  } satisfies Handler<'staff.update'>,

  'staff.setActive': {
    run: ({ id, version, active }, ctx) => ({ version: setActive(ctx.store.db, actor(ctx), id, version, active) }),
  } satisfies Handler<'staff.setActive'>,

  'staff.resetPassword': {
    run: ({ id, version }, ctx) => resetPassword(ctx.store.db, actor(ctx), id, version),
  } satisfies Handler<'staff.resetPassword'>,

  'desk.seats': {
    run: (_input, ctx) => ({
      staffIds: seatList(ctx.store.db),
      people: listAccounts(ctx.store.db)
        .filter((a) => a.active)
        .map(({ id, displayName, username, role }) => ({ id, displayName, username, role })),
    }),
  } satisfies Handler<'desk.seats'>,

  'desk.setSeats': {
    run: ({ staffIds }, ctx) => {
      setSeatList(ctx.store.db, actor(ctx), staffIds);
      return { ok: true as const };
    },
  } satisfies Handler<'desk.setSeats'>,

  'auth.changePassword': {
    async run({ current, next }, ctx) {
      const person = await chooseOwnPassword(ctx.store.db, actor(ctx), current, next);
      ctx.session!.person = person;
      return person;
    },
  } satisfies Handler<'auth.changePassword'>,
};
