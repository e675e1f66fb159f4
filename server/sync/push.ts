/**
 * Push: desks send the mutations from their outboxes. Each mutation id is applied at most once: a replay
 * gets the recorded outcome back. Rules: the change must carry its author's signature (signatures.ts); the
 * person named must be in the staff directory and, when they made the change, active and holding its inbox; notes and replies only append; a moderation decision is
 * first-wins; status, assignment and corrections of a submission's fields carry the version they were made on and are refused when stale;
 * tags go on and come off a submission without a version (server/tags/tags.ts says why).
 */
import { newId } from '../../common/ids.ts';
import type { Mutation, MutationName, PushOutcome } from '../../common/protocol/sync.ts';
import type { HubDb, Queryable } from '../db/connect.ts';
import { takeWriteLock } from '../db/write-lock.ts';
import type { SubmissionKind } from '../../common/vocabulary/submissions.ts';
import { detailsEdit } from '../../common/protocol/submission-details.ts';
import { statusRefusal, takeStep } from '../../common/warranty/stages.ts';
import { noticeOf } from '../../common/warranty/notices.ts';
import { checkSignature } from '../directory/signatures.ts';
import {
  changeOwnPassword,
  checkPerson,
  DirectoryRefusal,
  knownPerson,
  worksInbox,
  registerFirstKey,
  setSeats,
  upsertAccount,
} from '../directory/staff.ts';
import { queueReplyMail } from '../mail/queue.ts';
import { queueNotice, saveTemplate } from '../mail/notices.ts';
import { upsertProduct } from '../catalogue/products.ts';
import { saveServiceSettings } from '../sla/service-settings.ts';
import { saveCannedReply } from '../replies/canned.ts';
import { resendingViewsOfNewSeats, saveView } from '../views/saved-views.ts';
import { saveTag, tagSubmission } from '../tags/tags.ts';
import { decideComment } from '../moderation/decisions.ts';
import { saveWord } from '../moderation/word-lists.ts';
import { submissionFromComment } from '../moderation/comment-submissions.ts';
import { heldRow } from '../moderation/held-rows.ts';
import { addAuthorNote, setStanding } from '../moderation/authors.ts';
import {
  acknowledgeRequest,
  decideRequest,
  extendRequest,
  logRequest,
  sendVerificationCode,
  verifyRequest,
} from '../requests/data-requests.ts';
import { withdrawConsent } from '../requests/consents.ts';
import { mergeCustomers, unmergeCustomers } from '../customers/merges.ts';

class Rejected extends Error {
  constructor(
    message: string,
    readonly current?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The submission a change is about, once the directory says its person may work that submission's inbox. */
async function submission(tx: Queryable, m: Mutation) {
  const row = (
    await tx.query<{
      id: string;
      kind: SubmissionKind;
      status: string;
      assignee: string | null;
      assignee_id: string | null;
      details: Record<string, unknown>;
      version: number;
      erased: boolean;
    }>(
      `SELECT s.id, s.kind, s.status, s.assignee, s.assignee_id, s.details, s.version, c.erased_at IS NOT NULL AS erased
       FROM submissions s JOIN customers c ON c.id = s.customer_id WHERE s.id = $1 FOR UPDATE OF s`,
      [m.entityId],
    )
  ).rows[0];
  if (!row) throw new Rejected('no such submission on the hub');
  // Nothing is added to what was erased: a note or reply written offline before the erasure reached this desk.
  if (row.erased) throw new Rejected('the customer’s data was erased at their request');
  await checkPerson(tx, m.actorId, new Date(m.createdAt), row.kind);
  return row;
}

const at = (ms: number) => new Date(ms).toISOString();
// Staff read the time of the winning decision on their wall clock (Vietnam, unless the hub is told otherwise).
const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: process.env.HUB_TIME_ZONE ?? 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const clock = (d: Date) => wallClock.format(d);

type Of<N extends MutationName> = Extract<Mutation, { mutation: N }>;

const appliers: { [N in MutationName]: (tx: Queryable, m: Of<N>, deviceId: string) => Promise<void> } = {
  async 'submission.note'(tx, m) {
    await submission(tx, m);
    await tx.query(
      `INSERT INTO submission_events (id, submission_id, type, actor_id, actor_name, body, created_at, seq) VALUES ($1, $2, 'note', $3, $4, $5, $6, 0) ON CONFLICT (id) DO NOTHING`,
      [m.payload.eventId, m.entityId, m.actorId, m.actorName, m.payload.body, at(m.createdAt)],
    );
  },
  async 'submission.reply'(tx, m) {
    await submission(tx, m);
    const { eventId, body } = m.payload;
    const inserted = await tx.query(
      `INSERT INTO submission_events (id, submission_id, type, actor_id, actor_name, body, data, created_at, seq) VALUES ($1, $2, 'reply', $3, $4, $5, '{"delivery":"queued"}', $6, 0) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [eventId, m.entityId, m.actorId, m.actorName, body, at(m.createdAt)],
    );
    if (inserted.rows.length) await queueReplyMail(tx, eventId, m.entityId, body);
  },
  'submission.status': (tx, m) => editField(tx, m, 'status'),
  async 'submission.details'(tx, m) {
    const s = await currentSubmission(tx, m);
    const changes = detailsEdit(s.kind).safeParse(m.payload.changes);
    if (!changes.success) throw new Rejected(`not a correction a ${s.kind} allows: ${changes.error.issues[0]?.message ?? ''}`);
    const fields = Object.fromEntries(Object.entries(changes.data).map(([k, to]) => [k, { from: s.details[k] ?? null, to }]));
    await tx.query(`UPDATE submissions SET details = details || $2::jsonb, version = version + 1, updated_at = now() WHERE id = $1`, [
      m.entityId,
      JSON.stringify(changes.data),
    ]);
    await tx.query(
      `INSERT INTO submission_events (id, submission_id, type, actor_id, actor_name, data, created_at, seq) VALUES ($1, $2, 'details_change', $3, $4, $5, $6, 0)`,
      [m.payload.eventId, m.entityId, m.actorId, m.actorName, JSON.stringify({ fields }), at(m.createdAt)],
    );
  },
  'submission.assign': (tx, m) => editField(tx, m, 'assignee'),
  async 'submission.tags'(tx, m) {
    await submission(tx, m);
    await tagSubmission(tx, m);
    // Recorded as the desk asked, like a note: the desk wrote this event when the person made the change.
    await tx.query(
      `INSERT INTO submission_events (id, submission_id, type, actor_id, actor_name, data, created_at, seq) VALUES ($1, $2, 'tags_change', $3, $4, $5, $6, 0)
       ON CONFLICT (id) DO NOTHING`,
      [
        m.payload.eventId,
        m.entityId,
        m.actorId,
        m.actorName,
        JSON.stringify({ add: m.payload.add, remove: m.payload.remove }),
        at(m.createdAt),
      ],
    );
  },
  async 'warranty.step'(tx, m) {
    const s = await currentSubmission(tx, m);
    if (s.kind !== 'warranty') throw new Rejected('only a warranty claim takes warranty steps');
    const taken = takeStep(s.details, m.payload.step);
    if ('refused' in taken) throw new Rejected(taken.refused);
    await tx.query(
      `UPDATE submissions SET details = details || $2::jsonb, status = $3, version = version + 1, updated_at = now() WHERE id = $1`,
      [m.entityId, JSON.stringify(taken.patch), taken.status],
    );
    await tx.query(
      `INSERT INTO submission_events (id, submission_id, type, actor_id, actor_name, data, created_at, seq) VALUES ($1, $2, 'warranty_step', $3, $4, $5, $6, 0)`,
      [m.payload.eventId, m.entityId, m.actorId, m.actorName, JSON.stringify({ from: taken.from, ...m.payload.step }), at(m.createdAt)],
    );
    const notice = noticeOf(taken.from, m.payload.step);
    if (notice) await queueNotice(tx, m.entityId, notice, { actorId: m.actorId, actorName: m.actorName, at: at(m.createdAt) });
  },
  'staff.upsert': (tx, m) => upsertAccount(tx, m),
  'product.upsert': (tx, m) => upsertProduct(tx, m),
  'notice.template': (tx, m) => saveTemplate(tx, m),
  'service.settings': (tx, m) => saveServiceSettings(tx, m),
  'canned.save': (tx, m) => saveCannedReply(tx, m),
  'tag.save': (tx, m) => saveTag(tx, m),
  'staff.password': (tx, m) => changeOwnPassword(tx, m.actorId, m.entityId, m.payload.passwordHash, m.payload.key),
  'staff.key': (tx, m) => registerFirstKey(tx, m.actorId, m.entityId, m.payload.key),
  'device.seats': (tx, m, deviceId) => resendingViewsOfNewSeats(tx, deviceId, m.payload.staffIds, () => setSeats(tx, deviceId, m)),
  'view.save': (tx, m) => saveView(tx, m),
  async 'comment.moderate'(tx, m) {
    const { decision } = m.payload;
    await checkPerson(tx, m.actorId, new Date(m.createdAt), 'comment');
    const c = (
      await tx.query<{
        status: string;
        version: number;
        decided_by: string | null;
        decided_by_id: string | null;
        decided_at: Date | null;
        ref: string;
      }>('SELECT status, version, decided_by, decided_by_id, decided_at, website_ref AS ref FROM comments WHERE id = $1 FOR UPDATE', [
        m.entityId,
      ])
    ).rows[0];
    if (!c) throw new Rejected('no such comment on the hub');
    // First wins: a decision counts on the version it was made on (a desk from before versions: on a waiting
    // comment). An undo counts only on the person's own decision standing: made on a version another's decision
    // reached first (theirs refused, or the same as theirs), it would undo the other's. The same decision as the
    // one standing is accepted and changes nothing.
    const undo = decision === 'pending';
    const current =
      m.baseVersion === null
        ? c.status === 'pending'
        : m.baseVersion === c.version && (!undo || (c.status !== 'pending' && c.decided_by_id === m.actorId));
    if (!current) {
      if (c.status === decision) return;
      throw new Rejected(
        !c.decided_at
          ? 'this comment was decided on a version the hub does not have: decide it again'
          : c.status === 'pending'
            ? `the decision was undone by ${c.decided_by ?? 'its moderator'} at ${clock(c.decided_at)}`
            : `already ${c.status} by ${c.decided_by} at ${clock(c.decided_at)}`,
        { status: c.status, decidedBy: c.decided_by, decidedAt: c.decided_at, version: c.version },
      );
    }
    // An undo leaves who undid it and when, so a decision refused for it can say so.
    await decideComment(
      tx,
      { id: m.entityId, ref: c.ref },
      decision,
      { actorId: m.actorId, actorName: m.actorName, at: at(m.createdAt) },
      m.payload.reason,
    );
  },
  'submission.fromComment': (tx, m) => submissionFromComment(tx, m),
  'word.save': (tx, m) => saveWord(tx, m),
  'author.standing': (tx, m) => setStanding(tx, m),
  'author.note': (tx, m) => addAuthorNote(tx, m),
  'request.log': (tx, m) => logRequest(tx, m),
  'request.acknowledge': (tx, m) => acknowledgeRequest(tx, m),
  'request.extend': (tx, m) => extendRequest(tx, m),
  'request.decide': (tx, m) => decideRequest(tx, m),
  'request.verify': (tx, m) => verifyRequest(tx, m),
  'request.sendCode': (tx, m) => sendVerificationCode(tx, m),
  'consent.withdraw': (tx, m) => withdrawConsent(tx, m),
  'customer.merge': (tx, m) => mergeCustomers(tx, m),
  'customer.unmerge': (tx, m) => unmergeCustomers(tx, m),
};

/** The submission a versioned change is about, refused when someone else changed it since the change was made. */
async function currentSubmission(
  tx: Queryable,
  m: Of<'submission.status'> | Of<'submission.assign'> | Of<'submission.details'> | Of<'warranty.step'>,
) {
  const s = await submission(tx, m);
  if (m.baseVersion !== s.version) {
    throw new Rejected(`changed by someone else since (version ${m.baseVersion ?? '?'} → ${s.version})`, {
      version: s.version,
      status: s.status,
      assignee: s.assignee,
    });
  }
  return s;
}

async function editField(tx: Queryable, m: Of<'submission.status'> | Of<'submission.assign'>, field: 'status' | 'assignee') {
  const s = await currentSubmission(tx, m);
  let data: Record<string, unknown>;
  if (m.mutation === 'submission.status') {
    const refused = s.kind === 'warranty' ? statusRefusal(s.details, m.payload.to) : null;
    if (refused) throw new Rejected(refused);
    data = { from: s.status, to: m.payload.to };
    await tx.query(`UPDATE submissions SET status = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
      m.entityId,
      m.payload.to,
    ]);
  } else {
    // The assignee by id when the directory knows them, and by the name the desk showed, for the timeline:
    // the event's data has the shape the desk gave its own copy, so every desk shows it the same.
    const toId = await knownPerson(tx, m.payload.to);
    if (toId && !(await worksInbox(tx, toId, s.kind))) throw new Rejected(`${m.payload.toName ?? toId} does not work the ${s.kind} inbox`);
    const toName = m.payload.to === null ? null : (m.payload.toName ?? m.payload.to);
    data = { from: s.assignee_id, to: m.payload.to, ...(toName && { toName }) };
    await tx.query(`UPDATE submissions SET assignee = $2, assignee_id = $3, version = version + 1, updated_at = now() WHERE id = $1`, [
      m.entityId,
      toName,
      toId,
    ]);
  }
  await tx.query(
    `INSERT INTO submission_events (id, submission_id, type, actor_id, actor_name, data, created_at, seq) VALUES ($1, $2, $3, $4, $5, $6, $7, 0)`,
    [
      m.payload.eventId ?? newId(),
      m.entityId,
      field === 'status' ? 'status_change' : 'assignment',
      m.actorId,
      m.actorName,
      JSON.stringify(data),
      at(m.createdAt),
    ],
  );
}

/** Applies one mutation in its own transaction; a failure of one never undoes another. */
export async function applyMutation(db: HubDb, deviceId: string, m: Mutation): Promise<PushOutcome> {
  return db.transaction(async (tx) => {
    await takeWriteLock(tx);
    const seen = (
      await tx.query<{ outcome: 'applied' | 'rejected'; reason: string | null; current: Record<string, unknown> | null }>(
        'SELECT outcome, reason, current FROM applied_mutations WHERE id = $1',
        [m.id],
      )
    ).rows[0];
    if (seen)
      return seen.outcome === 'applied'
        ? { id: m.id, outcome: 'applied' }
        : { id: m.id, outcome: 'rejected', reason: seen.reason!, ...(seen.current && { current: seen.current }) };
    let outcome: PushOutcome;
    try {
      await tx.query('SAVEPOINT mutation');
      await checkSignature(tx, m);
      await (appliers[m.mutation] as (tx: Queryable, m: Mutation, deviceId: string) => Promise<void>)(tx, m, deviceId);
      outcome = { id: m.id, outcome: 'applied' };
    } catch (e) {
      if (!(e instanceof Rejected || e instanceof DirectoryRefusal)) throw e;
      await tx.query('ROLLBACK TO SAVEPOINT mutation').catch(() => undefined);
      const current = { ...e.current, ...(await heldRow(tx, m)) };
      outcome = { id: m.id, outcome: 'rejected', reason: e.message, ...(Object.keys(current).length && { current }) };
    }
    await tx.query('INSERT INTO applied_mutations (id, device_id, outcome, reason, current) VALUES ($1, $2, $3, $4, $5)', [
      m.id,
      deviceId,
      outcome.outcome,
      outcome.outcome === 'rejected' ? outcome.reason : null,
      outcome.outcome === 'rejected' && outcome.current ? JSON.stringify(outcome.current) : null,
    ]);
    return outcome;
  });
}
