/** Errors the hub answers with: a status, a code, a message, and the field at fault where there is one. */
import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { loggableError } from '../common/errors/loggable.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly issues?: { field: string; message: string }[],
    /** What an error names, for the desk to word it itself (a username clash's two people). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const zodIssues = (e: z.ZodError) => e.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((e: FastifyError | HttpError, _req, reply) => {
    if (e instanceof HttpError) {
      return reply.code(e.status).send({
        error: { code: e.code, message: e.message, ...(e.field && { field: e.field }), ...(e.issues && { issues: e.issues }), ...e.extra },
      });
    }
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.code(413).send({ error: { code: 'too_large', message: 'the body is larger than this endpoint accepts' } });
    if (e.statusCode && e.statusCode < 500) return reply.code(e.statusCode).send({ error: { code: 'bad_request', message: e.message } });
    // Postgres check violations that reach here are the store's own guards (immutable fields).
    if ((e as { code?: string }).code === '23514')
      return reply.code(422).send({ error: { code: 'rejected_by_store', message: e.message } });
    // The class, code and stack only: a database error's message quotes the values it refused.
    reply.log.error(loggableError(e));
    return reply.code(500).send({ error: { code: 'internal', message: 'internal error' } });
  });
}
