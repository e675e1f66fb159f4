import type { z } from 'zod';
import type { AuditEvent } from '../../core/audit/chain.ts';
import type { Session, Sessions } from '../../core/security/sessions.ts';
import type { Person } from '../../../common/roles.ts';
import type { Keychain } from '../../core/security/keychain.ts';
import type { Store } from '../../core/store/open.ts';
import type { SyncClient } from '../../core/sync/client.ts';
import type { Contract, MethodName, Output } from '../contract.ts';

/** What the dispatcher's owner (a transport's host) provides once. */
export interface Deps {
  store: Store;
  sessions: Sessions;
  keychain: Keychain;
  sync: SyncClient;
}

export interface HandlerContext extends Deps {
  connectionId: string;
  session: Session | null;
}

export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;

/**
 * run: the handler. audit: the audit row of a successful call; methods that have one must run
 * synchronously, because the dispatcher writes the change and its audit row in one transaction.
 * prepare: slow reading an audited method needs first (a file to parse), done before that transaction;
 * run gets what it returned.
 */
export interface Handler<M extends MethodName> {
  prepare?: (input: ParsedInput<M>, ctx: HandlerContext) => Promise<unknown>;
  run(input: ParsedInput<M>, ctx: HandlerContext, prepared?: unknown): Output<M> | Promise<Output<M>>;
  audit?: (input: ParsedInput<M>, output: Output<M>, ctx: HandlerContext) => AuditEvent;
}

export type Handlers = { [M in MethodName]: Handler<M> };

/** The signed-in person; the dispatcher's access check guarantees there is one for non-public methods. */
export function me(ctx: HandlerContext): Person {
  if (!ctx.session) throw new Error('handler reached without a session');
  return ctx.session.person;
}
