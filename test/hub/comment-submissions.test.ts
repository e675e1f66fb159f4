/**
 * A comment turned into a submission, across a hub and desks: made on one desk (the comment names it at once), made
 * by the hub at the next sync, then in the question inbox of every desk that holds it (one without comments too),
 * its timeline saying it came from a comment and from which page; the comment still waits for its decision. Two
 * desks turning one comment offline: the first to reach the hub makes it, the other is refused and shown the hub's.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { submissionFromComment } from '../../main/core/domain/comment-submissions.ts';
import { errorCode, result, signedIn } from '../support/api-calls.ts';
import { enrolledDesk } from '../support/enrolled-desk.ts';
import { startTestHub, websiteComment } from '../support/hub.ts';

const hub = await startTestHub();

async function post(ref: string, body: string): Promise<string> {
  const r = await hub.post('/intake/v1/comments', websiteComment(ref, `${ref}-author`, { body, pageTitle: 'Máy lọc nước RO 9 lõi' }));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}

async function person(deskName: string, username: string, grants: ('comment' | 'question' | 'complaint')[]) {
  const d = await enrolledDesk(hub, deskName, [[username, 'operator', grants]]);
  const raw = await signedIn(d.desk, username);
  const call = async (method: string, input: unknown = {}) => result<any>(await raw(method, input));
  const card = async (id: string) =>
    ((await call('comments.list', { status: 'pending', limit: 200 })).rows as { id: string; status: string; submission: unknown }[]).find(
      (r) => r.id === id,
    );
  return { d, raw, call, card, sync: () => d.desk.sync.syncNow() };
}

test('a comment turned into a question reaches the question inbox of every desk holding it, linked both ways; the comment still waits', async () => {
  const mod = await person('Turn A', 'ts_mod', ['comment', 'question']);
  const answers = await person('Turn B', 'ts_questions', ['question']);
  const id = await post('ts-1', 'Máy này còn bảo hành chính hãng không shop?\nMình ở Đà Nẵng.');
  await mod.sync();

  const { id: submissionId } = await mod.call('comments.toSubmission', { id, kind: 'question' });
  assert.deepEqual(
    (await mod.card(id))?.submission,
    { id: submissionId, kind: 'question', sent: false, here: false },
    'named at once, made by the hub later',
  );
  assert.equal(errorCode(await mod.raw('comments.toSubmission', { id, kind: 'question' })), 'stale', 'once per comment');
  await mod.sync();

  const onHub = (
    await hub.db.query<{ kind: string; subject: string; body: string; comment_id: string; linked: string }>(
      `SELECT s.kind, s.subject, s.body, s.comment_id, c.submission_id AS linked FROM submissions s JOIN comments c ON c.id = s.comment_id WHERE s.id = $1`,
      [submissionId],
    )
  ).rows[0];
  assert.deepEqual(onHub, {
    kind: 'question',
    subject: 'Máy này còn bảo hành chính hãng không shop? Mình ở Đà Nẵng.',
    body: 'Máy này còn bảo hành chính hãng không shop?\nMình ở Đà Nẵng.',
    comment_id: id,
    linked: submissionId,
  });

  await mod.sync();
  const card = await mod.card(id);
  assert.equal(card?.status, 'pending', 'the comment still waits for its own decision');
  assert.deepEqual(card?.submission, { id: submissionId, kind: 'question', sent: true, here: true });

  // A desk without comments gets the question and says where it came from.
  await answers.sync();
  const question = await answers.call('questions.get', { id: submissionId });
  assert.equal(question.status, 'new');
  const created = question.timeline.find((e: { type: string }) => e.type === 'created');
  assert.equal(created.actorName, mod.d.staff.ts_mod!.displayName);
  assert.deepEqual(created.data, { fromComment: { id, pageUrl: 'https://shop.example.vn/p/1', pageTitle: 'Máy lọc nước RO 9 lõi' } });
});

test('two desks turning one comment offline: the first to reach the hub makes it; the other is refused and shown the hub’s', async () => {
  const a = await person('Turn C', 'ts_a', ['comment', 'question', 'complaint']);
  const b = await person('Turn D', 'ts_b', ['comment', 'question', 'complaint']);
  const id = await post('ts-2', 'Giao hàng trễ 2 tuần rồi, ai chịu trách nhiệm?');
  await a.sync();
  await b.sync();
  const first = await a.call('comments.toSubmission', { id, kind: 'complaint' });
  await b.call('comments.toSubmission', { id, kind: 'question' });
  await a.sync();
  await b.sync();
  const refused = b.d.desk.store.db.prepare(`SELECT state, reason FROM outbox WHERE mutation = 'submission.fromComment'`).get() as {
    state: string;
    reason: string;
  };
  assert.deepEqual(refused, { state: 'rejected', reason: 'this comment was already turned into a complaint' });
  assert.deepEqual((await b.card(id))?.submission, { id: first.id, kind: 'complaint', sent: true, here: true });
  assert.equal((await hub.db.query('SELECT 1 FROM submissions WHERE comment_id = $1', [id])).rows.length, 1);

  // Turning needs the inbox it turns into, on the desk and at the hub.
  const noQuestions = await person('Turn E', 'ts_c', ['comment']);
  const other = await post('ts-3', 'Có giao hàng ra đảo không?');
  await noQuestions.sync();
  assert.equal(errorCode(await noQuestions.raw('comments.toSubmission', { id: other, kind: 'question' })), 'forbidden');
  // Made on the desk all the same (as by a desk whose person lost the grant since): the hub refuses it, and the
  // comment no longer names a submission that will never come.
  submissionFromComment(noQuestions.d.desk.store.db, other, noQuestions.d.staff.ts_c!.id, 'question');
  await noQuestions.sync();
  const refusal = noQuestions.d.desk.store.db
    .prepare(`SELECT state, reason FROM outbox WHERE mutation = 'submission.fromComment'`)
    .get() as { state: string; reason: string };
  assert.equal(refusal.state, 'rejected');
  assert.match(refusal.reason, /did not hold the question inbox/);
  assert.equal((await noQuestions.card(other))?.submission, null);
  assert.equal((await hub.db.query('SELECT 1 FROM submissions WHERE comment_id = $1', [other])).rows.length, 0);
});
