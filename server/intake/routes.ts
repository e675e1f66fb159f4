/**
 * The website's intake API. Each post: authenticated by a website key, validated against its schema,
 * written in one transaction together with its idempotency record, so a retried post gets the first
 * answer back and never writes twice, and a refused post writes nothing.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { queueNotice } from '../mail/notices.ts';
import { newId } from '../../common/ids.ts';
import type { HubDb, Queryable } from '../db/connect.ts';
import { takeWriteLock } from '../db/write-lock.ts';
import { HttpError, zodIssues } from '../http-errors.ts';
import { markersFor, repeatHash } from '../moderation/markers.ts';
import { recordReport } from '../moderation/reports.ts';
import { websiteKeyOf } from '../website/keys.ts';
import {
  AccountRequest,
  Comment,
  CommentReport,
  Consent,
  CustomerMessage,
  Submission,
  type CustomerIn,
} from '../../common/protocol/website-intake.ts';
import { statusRefusal } from '../../common/warranty/stages.ts';

export const INTAKE_BODY_LIMIT = 64 * 1024;

function idempotencyKeyOf(req: FastifyRequest): string {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !/^[A-Za-z0-9._:-]{8,100}$/.test(key)) {
    throw new HttpError(
      400,
      'invalid_input',
      'the Idempotency-Key header is required: 8 to 100 letters, digits, dot, dash, colon or underscore',
      'Idempotency-Key',
    );
  }
  return key;
}

/** Finds the customer by the website's reference, creating it; refuses any change of username or gender. */
async function upsertCustomer(tx: Queryable, c: CustomerIn): Promise<string> {
  const existing = (
    await tx.query<{ id: string; username: string | null; gender: string | null }>(
      'SELECT id, username, gender FROM customers WHERE website_ref = $1',
      [c.ref],
    )
  ).rows[0];
  if (c.username) {
    const owner = (await tx.query<{ website_ref: string }>('SELECT website_ref FROM customers WHERE username = $1', [c.username])).rows[0];
    if (owner && owner.website_ref !== c.ref)
      throw new HttpError(409, 'conflict', 'this username belongs to another customer', 'customer.username');
  }
  if (!existing) {
    const id = newId();
    await tx.query(
      'INSERT INTO customers (id, website_ref, username, gender, full_name, email, phone, address, seq) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0)',
      [id, c.ref, c.username ?? null, c.gender ?? null, c.fullName, c.email ?? null, c.phone ?? null, c.address ?? null],
    );
    return id;
  }
  for (const field of ['username', 'gender'] as const) {
    if (c[field] && existing[field] && c[field] !== existing[field]) {
      throw new HttpError(422, 'immutable_field', `a customer's ${field} can never change once set`, `customer.${field}`);
    }
  }
  if ((c.username && !existing.username) || (c.gender && !existing.gender)) {
    await tx.query(
      'UPDATE customers SET username = COALESCE(username, $2), gender = COALESCE(gender, $3), updated_at = now() WHERE id = $1',
      [existing.id, c.username ?? null, c.gender ?? null],
    );
  }
  return existing.id;
}

type Writer<S extends z.ZodType> = (tx: Queryable, body: z.output<S>, key: string) => Promise<{ id: string }>;

/** `markComments: false` posts comments without markers: only for the benchmark that measures what marking costs. */
export function registerIntake(app: FastifyInstance, db: HubDb, opts: { markComments?: boolean } = {}): void {
  const marking = opts.markComments ?? true;
  const route = <S extends z.ZodType>(path: string, schema: S, write: Writer<S>) =>
    app.post(path, { bodyLimit: INTAKE_BODY_LIMIT }, async (req: FastifyRequest, reply: FastifyReply) => {
      const websiteKeyId = await websiteKeyOf(db, req);
      const key = idempotencyKeyOf(req);
      const parsed = schema.safeParse(req.body);
      if (!parsed.success)
        throw new HttpError(400, 'invalid_input', 'the body does not match the schema', undefined, zodIssues(parsed.error));
      const answer = await db.transaction(async (tx) => {
        await takeWriteLock(tx);
        const seen = (
          await tx.query<{ status: number; response: unknown }>('SELECT status, response FROM idempotency_keys WHERE key = $1', [key])
        ).rows[0];
        if (seen) return { ...seen, replayed: true };
        const response = { ...(await write(tx, parsed.data, key)), status: 'received' };
        await tx.query('INSERT INTO idempotency_keys (key, website_key_id, status, response) VALUES ($1, $2, 201, $3)', [
          key,
          websiteKeyId,
          JSON.stringify(response),
        ]);
        return { status: 201, response, replayed: false };
      });
      if (answer.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.code(answer.status).send(answer.response);
    });

  route('/intake/v1/submissions', Submission, async (tx, s, key) => {
    const customerId = await upsertCustomer(tx, s.customer);
    const { kind, customer: _c, subject, body, submittedAt, ...details } = s;
    const id = newId();
    await tx.query(
      `INSERT INTO submissions (id, website_ref, kind, customer_id, subject, body, details, created_at, seq) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0)`,
      [id, key, kind, customerId, subject, body, JSON.stringify(details), submittedAt],
    );
    await tx.query(`INSERT INTO submission_events (id, submission_id, type, created_at, seq) VALUES ($1, $2, 'created', $3, 0)`, [
      newId(),
      id,
      submittedAt,
    ]);
    // A warranty claimant is told at once that the claim arrived (the first of the claim's notices).
    if (kind === 'warranty') await queueNotice(tx, id, 'warranty_received', { actorId: null, actorName: null, at: submittedAt });
    return { id };
  });

  /**
   * The customer writes again about their submission: the message goes on its timeline, and a submission
   * waiting on the customer, or closed, is open again (its service clock runs on), but for a finished
   * warranty claim, which stays closed (its steps are done). Another customer's submission is not found.
   */
  route('/intake/v1/messages', CustomerMessage, async (tx, m) => {
    const s = (
      await tx.query<{ kind: string; status: string; details: Record<string, unknown> }>(
        `SELECT s.kind, s.status, s.details FROM submissions s JOIN customers c ON c.id = s.customer_id
         WHERE s.id = $1 AND c.website_ref = $2 FOR UPDATE OF s`,
        [m.submissionId, m.customerRef],
      )
    ).rows[0];
    if (!s) throw new HttpError(404, 'not_found', 'no submission of this customer has that id', 'submissionId');
    const id = newId();
    await tx.query(
      `INSERT INTO submission_events (id, submission_id, type, body, created_at, seq) VALUES ($1, $2, 'customer_message', $3, $4, 0)`,
      [id, m.submissionId, m.body, m.sentAt],
    );
    // A finished warranty claim stays closed: its steps are done (common/warranty/stages.ts).
    const reopen = (s.status === 'waiting' || s.status === 'closed') && !(s.kind === 'warranty' && statusRefusal(s.details, 'open'));
    if (reopen) {
      await tx.query(`UPDATE submissions SET status = 'open', version = version + 1, updated_at = now() WHERE id = $1`, [m.submissionId]);
      // Reopened when the message reaches the hub (after whatever staff did meanwhile), never before it was sent.
      await tx.query(
        `INSERT INTO submission_events (id, submission_id, type, data, created_at, seq)
         VALUES ($1, $2, 'status_change', $3, GREATEST(now(), $4::timestamptz), 0)`,
        [newId(), m.submissionId, JSON.stringify({ from: s.status, to: 'open', byCustomer: true }), m.sentAt],
      );
    } else {
      await tx.query(`UPDATE submissions SET updated_at = now() WHERE id = $1`, [m.submissionId]);
    }
    return { id };
  });

  /** A comment, marked with the reasons it needs a look (server/moderation/markers.ts) against what came before it. */
  route('/intake/v1/comments', Comment, async (tx, c) => {
    const customerId = await upsertCustomer(tx, c.customer);
    const replyTo = c.inReplyTo
      ? (await tx.query<{ id: string }>('SELECT id FROM comments WHERE website_ref = $1', [c.inReplyTo])).rows[0]?.id
      : null;
    if (replyTo === undefined) throw new HttpError(422, 'unknown_comment', 'no comment with this ref was received before', 'inReplyTo');
    const markers = marking ? await markersFor(tx, { customerId, body: c.body, postedAt: c.postedAt }) : [];
    const id = newId();
    const inserted = await tx.query(
      `INSERT INTO comments (id, website_ref, customer_id, page_url, page_title, reply_to, body, posted_at, markers, repeat_key, seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0) ON CONFLICT (website_ref) DO NOTHING RETURNING id`,
      [id, c.ref, customerId, c.pageUrl, c.pageTitle ?? null, replyTo, c.body, c.postedAt, JSON.stringify(markers), repeatHash(c.body)],
    );
    if (!inserted.rows.length) throw new HttpError(409, 'conflict', 'a comment with this ref was already received', 'ref');
    return { id };
  });

  /**
   * A reader reports a comment: the report is kept, the comment's `reports` marker counts it by reason, and a
   * published comment comes back to the moderators' queue for another look (server/moderation/reports.ts).
   */
  route('/intake/v1/comment-reports', CommentReport, (tx, r) => recordReport(tx, r));

  route('/intake/v1/consents', Consent, async (tx, c) => {
    const customerId = await upsertCustomer(tx, c.customer);
    const id = newId();
    await tx.query(
      'INSERT INTO consents (id, customer_id, opted_in, channel, wording, recorded_at, page_url, seq) VALUES ($1, $2, $3, $4, $5, $6, $7, 0)',
      [id, customerId, c.optedIn, c.channel, c.wording, c.recordedAt, c.pageUrl ?? null],
    );
    return { id };
  });

  route('/intake/v1/account-requests', AccountRequest, async (tx, r) => {
    const customerId = await upsertCustomer(tx, r.customer);
    const id = newId();
    const changes = r.type === 'profile_change' ? r.changes : { reason: r.reason ?? null };
    await tx.query('INSERT INTO account_requests (id, customer_id, type, changes, requested_at, seq) VALUES ($1, $2, $3, $4, $5, 0)', [
      id,
      customerId,
      r.type,
      JSON.stringify(changes),
      r.requestedAt,
    ]);
    return { id };
  });
}
