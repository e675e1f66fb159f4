/**
 * The one path every call takes, whichever transport brought it:
 * session → permission → validate → handler → audit.
 * A compromised renderer can therefore do no more than the signed-in person may.
 */
import type { z } from 'zod';
import { appendAudit } from '../core/audit/chain.ts';
import { mayUseInbox } from '../../common/roles.ts';
import type { Session } from '../core/security/sessions.ts';
import { contract, type Access, type Envelope, type MethodDef, type MethodName } from './contract.ts';
import { loggableError } from '../../common/errors/loggable.ts';
import { ApiError, toWireError } from './errors.ts';
import { actorOf } from './handlers/auth.ts';
import { handlers } from './handlers/index.ts';
import type { Deps, Handler, HandlerContext } from './handlers/types.ts';

export class Dispatcher {
  constructor(private readonly deps: Deps) {}

  /** Runs one call for one connection and answers with an envelope; it never throws. */
  async call(connectionId: string, method: string, rawInput: unknown): Promise<Envelope> {
    try {
      if (!Object.hasOwn(contract, method)) throw new ApiError('unknown_method', `no method named ${method}`);
      const name = method as MethodName;
      const def: MethodDef = contract[name];
      const session = this.deps.sessions.peek(connectionId);
      this.checkAccess(name, def.access, session);
      const parsed = def.input.safeParse(rawInput ?? {});
      if (!parsed.success) throw invalidInput(parsed.error);
      if (session && !def.passive) this.deps.sessions.touch(session);
      const ctx: HandlerContext = { ...this.deps, connectionId, session };
      const result = await this.run(handlers[name] as unknown as Handler<MethodName>, parsed.data as never, ctx);
      return { ok: true, result: def.output.parse(result) };
    } catch (e) {
      const error = toWireError(e);
      // The method is a contract name here (an unknown one is not 'internal'); the error is logged without its message.
      if (error.code === 'internal') console.error(`backdesk: ${method} failed: ${loggableError(e)}`);
      return { ok: false, error };
    }
  }

  /** A connection went away (a window closed): its session ends with it. */
  disconnect(connectionId: string): void {
    this.deps.sessions.end(connectionId);
  }

  private async run(handler: Handler<MethodName>, input: never, ctx: HandlerContext): Promise<unknown> {
    const { audit } = handler;
    const prepared = handler.prepare ? await handler.prepare(input, ctx) : undefined;
    if (!audit) return handler.run(input, ctx, prepared);
    const { db } = ctx.store;
    // The change and its audit row land together or not at all.
    return db.transaction(() => {
      const out = handler.run(input, ctx, prepared);
      if (out instanceof Promise) throw new Error('an audited handler must be synchronous');
      appendAudit(db, actorOf(ctx.session!.person), audit(input, out as never, ctx));
      return out;
    })();
  }

  private checkAccess(method: MethodName, access: Access, session: Session | null): void {
    if (access.kind === 'public') return;
    if (!session) throw new ApiError('unauthenticated', 'sign in first');
    if (access.kind === 'unlocked') return;
    if (session.locked) throw new ApiError('session_locked', 'the session locked itself after being idle; type your password to go on');
    const person = session.person;
    // A one-time password opens nothing but the form to replace it.
    if (person.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(method)) {
      throw new ApiError('forbidden', 'choose your own password first (auth.changePassword)');
    }
    const allowed =
      access.kind === 'signedIn' ||
      (access.kind === 'inbox' && mayUseInbox(person, access.inbox)) ||
      (access.kind === 'roles' && access.roles.includes(person.role));
    if (!allowed) {
      // Refusals are recorded: an attempt to reach what one is not granted is worth a director's look.
      appendAudit(this.deps.store.db, actorOf(person), { action: 'access.denied', detail: { method } });
      throw new ApiError('forbidden', `${person.displayName} may not call ${method}`);
    }
  }
}

const WHILE_PASSWORD_MUST_CHANGE = new Set<MethodName>(['auth.changePassword', 'desk.status']);

function invalidInput(error: z.ZodError): ApiError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return new ApiError('invalid_input', summary, { issues });
}
