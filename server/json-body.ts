/**
 * JSON bodies decoded strictly. Fastify's own parser decodes bytes that are not UTF-8 as U+FFFD, so two
 * posts whose customer refs differ only in such bytes would be stored as the same ref and merge two
 * customers. Here those bodies are refused with a 400 instead; parsing itself stays Fastify's.
 */
import type { FastifyInstance } from 'fastify';
import { HttpError } from './http-errors.ts';

export function installStrictJson(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body: Buffer, done) => {
    let decoded: string;
    try {
      decoded = utf8.decode(body);
    } catch {
      return done(new HttpError(400, 'invalid_input', 'the body is not valid UTF-8', '(body)'), undefined);
    }
    parse(req, decoded, done);
  });
}
