import { appendAudit, type AuditActor } from '../../core/audit/chain.ts';
import { maySitHere } from '../../core/security/seats.ts';
import { openPersonalKey } from '../../core/security/personal-key.ts';
import { firstDirector } from '../../core/security/staff-admin.ts';
import { AuthError, authenticate, confirmPassword, countStaff } from '../../core/security/staff.ts';
import type { Person } from '../../../common/roles.ts';
import { neutralise } from '../../../common/text/rules.ts';
import { me, type Handler, type HandlerContext } from './types.ts';

export const actorOf = (p: Person): AuditActor => ({ id: p.id, name: p.displayName, role: p.role });

/**
 * Sign-in failures are audited too, then rethrown: a run of wrong passwords is worth seeing. auth.failed is
 * a password that was checked and wrong; auth.refused_locked a try refused, unchecked, while locked.
 */
function auditFailure(ctx: HandlerContext, actor: AuditActor, e: unknown): never {
  if (e instanceof AuthError) {
    appendAudit(ctx.store.db, actor, { action: e.wrongPassword ? 'auth.failed' : 'auth.refused_locked' });
  }
  throw e;
}

export const authHandlers = {
  'auth.state': {
    run: (_input, ctx) => ({
      needsFirstDirector: countStaff(ctx.store.db) === 0,
      person: ctx.session?.person ?? null,
      locked: ctx.session?.locked ?? false,
    }),
  } satisfies Handler<'auth.state'>,

  'auth.createFirstDirector': {
    async run(input, ctx) {
      // Only the very first account can be made without signing in; after that only directors add staff.
      const { person, key } = await firstDirector(ctx.store.db, input);
      ctx.sessions.start(ctx.connectionId, person, key);
      appendAudit(ctx.store.db, actorOf(person), { action: 'staff.first_director', targetType: 'staff', targetId: person.id });
      return person;
    },
  } satisfies Handler<'auth.createFirstDirector'>,

  'auth.signIn': {
    async run(input, ctx) {
      try {
        const person = await authenticate(ctx.store.db, input.username, input.password);
        if (!maySitHere(ctx.store.db, person)) {
          throw new AuthError('not_seated', `${person.displayName} is not on this workstation's seat list`, undefined, false);
        }
        ctx.sessions.start(ctx.connectionId, person, await openPersonalKey(ctx.store.db, person.id, input.password));
        appendAudit(ctx.store.db, actorOf(person), { action: 'auth.sign_in' });
        return person;
      } catch (e) {
        // The typed username is whatever a signed-out caller sent: its control and bidi characters are
        // neutralised before it is recorded, so it cannot ring, truncate or reverse the audit view.
        return auditFailure(ctx, { id: null, name: neutralise(input.username), role: null }, e);
      }
    },
  } satisfies Handler<'auth.signIn'>,

  'auth.unlock': {
    async run(input, ctx) {
      const person = me(ctx);
      let key;
      try {
        await confirmPassword(ctx.store.db, person.id, input.password);
        key = await openPersonalKey(ctx.store.db, person.id, input.password);
      } catch (e) {
        // A locked-out account also loses the idle session: it must sign in again after the lockout.
        if (e instanceof AuthError && e.code === 'account_locked') ctx.sessions.end(ctx.connectionId);
        return auditFailure(ctx, actorOf(person), e);
      }
      ctx.sessions.unlock(ctx.connectionId, ctx.session!, key);
      appendAudit(ctx.store.db, actorOf(person), { action: 'auth.unlock' });
      return person;
    },
  } satisfies Handler<'auth.unlock'>,

  'auth.signOut': {
    run(_input, ctx) {
      appendAudit(ctx.store.db, actorOf(me(ctx)), { action: 'auth.sign_out' });
      ctx.sessions.end(ctx.connectionId);
      return { ok: true as const };
    },
  } satisfies Handler<'auth.signOut'>,
};
