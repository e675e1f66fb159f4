/**
 * A comment decided again when it must be, across a hub and desks: readers' reports counted on the comment and a
 * published one back in the desks' "reported" queue; "z" undoing a decision, withdrawn while it has not left
 * the desk, reversed at the hub afterwards unless someone decided since (then refused, and its author told why);
 * and the website feed following every decision that stands.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CommentMarker } from '../../common/moderation/markers.ts';
import { enqueue } from '../../main/core/domain/outbox.ts';
import { result, signedIn } from '../support/api-calls.ts';
import { enrolledDesk } from '../support/enrolled-desk.ts';
import { commentChanges, startTestHub, websiteComment } from '../support/hub.ts';

const hub = await startTestHub();
let n = 0;

async function comment(): Promise<{ id: string; ref: string }> {
  const ref = `rv-${n++}`;
  const r = await hub.post('/intake/v1/comments', websiteComment(ref, `rv-author-${n}`, { body: `Bình luận ${ref}` }));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return { id: r.body.id, ref };
}

const report = (commentRef: string, reason: string, opts: { idempotencyKey?: string } = {}) =>
  hub.post('/intake/v1/comment-reports', { commentRef, reason, reportedAt: new Date().toISOString() }, opts);

async function moderator(name: string) {
  const username = `mod_${name.toLowerCase()}`;
  const d = await enrolledDesk(hub, name, [[username, 'operator', ['comment']]]);
  const signedInCall = await signedIn(d.desk, username);
  const call = async (method: string, input: unknown = {}) => result<any>(await signedInCall(method, input));
  const local = (id: string) =>
    d.desk.store.db.prepare('SELECT status, version, review FROM comments WHERE id = ?').get(id) as {
      status: string;
      version: number;
      review: number;
    };
  return { d, call, local, sync: () => d.desk.sync.syncNow() };
}

const onHub = async (id: string) =>
  (
    await hub.db.query<{ status: string; version: number; review: boolean; markers: CommentMarker[] }>(
      'SELECT status, version, review, markers FROM comments WHERE id = $1',
      [id],
    )
  ).rows[0]!;

async function feedFor(ref: string): Promise<string[]> {
  const page = await hub.feed('?limit=1000');
  return commentChanges(page)
    .filter((c) => c.comment.ref === ref)
    .map((c) => (c.type === 'comment.hide' ? `hide:${c.reason}` : 'publish'));
}

test('reports are counted on the comment; a published one comes back to the reported queue; deciding it again hides it on the website', async () => {
  const a = await moderator('A');
  const c = await comment();
  assert.equal((await report(c.ref, 'offensive')).status, 201);
  const again = await report(c.ref, 'spam', { idempotencyKey: 'rv-report-once' });
  assert.equal(again.status, 201);
  assert.equal((await report(c.ref, 'spam', { idempotencyKey: 'rv-report-once' })).headers.get('idempotent-replayed'), 'true');
  let hubRow = await onHub(c.id);
  assert.deepEqual(hubRow.markers.at(-1), { reason: 'reports', count: 2, reasons: { offensive: 1, spam: 1 } });
  assert.equal(hubRow.review, false, 'a waiting comment is in the queue already');

  await a.sync();
  await a.call('comments.moderate', { id: c.id, decision: 'approved' });
  await a.sync();
  assert.deepEqual(await feedFor(c.ref), ['publish']);

  // Published, then reported: back in the queue of every desk holding comments, as "reported".
  assert.equal((await report(c.ref, 'offensive')).status, 201);
  hubRow = await onHub(c.id);
  assert.equal(hubRow.review, true);
  assert.deepEqual(hubRow.markers.at(-1), { reason: 'reports', count: 3, reasons: { offensive: 2, spam: 1 } });
  const b = await moderator('B');
  const reported = await b.call('comments.list', { status: 'reported' });
  assert.deepEqual(
    reported.rows.map((r: { id: string; status: string }) => [r.id, r.status]),
    [[c.id, 'approved']],
  );
  assert.deepEqual(reported.rows[0].markers.at(-1), { reason: 'reports', count: 3, reasons: { offensive: 2, spam: 1 } });
  await b.call('comments.moderate', { id: c.id, decision: 'rejected' });
  assert.equal((await b.call('comments.list', { status: 'reported' })).total, 0);
  await b.sync();
  hubRow = await onHub(c.id);
  assert.deepEqual([hubRow.status, hubRow.version, hubRow.review], ['rejected', 3, false]);
  assert.deepEqual(await feedFor(c.ref), ['publish', 'hide:rejected']);
  await a.sync();
  assert.deepEqual(a.local(c.id), { status: 'rejected', version: 3, review: 0 });

  const unknown = await report('no-such-comment', 'other');
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.error.field, 'commentRef');
});

test('undo before the decision leaves the desk withdraws it: the hub and the website never hear of it', async () => {
  const a = await moderator('C');
  const c = await comment();
  await a.sync();
  await a.call('comments.moderate', { id: c.id, decision: 'spam' });
  assert.deepEqual(a.local(c.id), { status: 'spam', version: 2, review: 0 });
  assert.deepEqual(await a.call('comments.undo', { id: c.id }), { outcome: 'withdrawn' });
  assert.deepEqual(a.local(c.id), { status: 'pending', version: 1, review: 0 });
  const queued = a.d.desk.store.db.prepare(`SELECT count(*) AS n FROM outbox WHERE entity_id = ?`).get(c.id) as { n: number };
  assert.equal(queued.n, 0);
  await a.sync();
  const hubRow = await onHub(c.id);
  assert.deepEqual([hubRow.status, hubRow.version], ['pending', 1]);
  assert.deepEqual(await feedFor(c.ref), []);
  // Nothing of theirs is left to undo.
  const none = await a.d.desk.dispatcher.call('mod-C', 'comments.undo', { id: c.id });
  assert.ok(!none.ok);
});

test('undo after the decision reached the hub reverses it there; undo of one sent without an answer is a reversal too', async () => {
  const a = await moderator('D');
  const c = await comment();
  await a.sync();
  await a.call('comments.moderate', { id: c.id, decision: 'approved' });
  await a.sync();
  assert.deepEqual(await a.call('comments.undo', { id: c.id }), { outcome: 'reversed' });
  assert.deepEqual(a.local(c.id), { status: 'pending', version: 3, review: 0 });
  await a.sync();
  const hubRow = await onHub(c.id);
  assert.deepEqual([hubRow.status, hubRow.version], ['pending', 3]);
  assert.deepEqual(await feedFor(c.ref), ['publish', 'hide:pending']);
  assert.equal((await a.call('comments.list', { status: 'pending' })).rows.filter((r: { id: string }) => r.id === c.id).length, 1);

  // A decision the sync client has sent once without hearing back (a reset, a crash) can no longer be withdrawn: the
  // hub may hold it. Here it does not (the answer was "lost" before it went), and the reversal after it still lands.
  const d = await comment();
  await a.sync();
  await a.call('comments.moderate', { id: d.id, decision: 'rejected' });
  a.d.desk.store.db.prepare(`UPDATE outbox SET attempts = 1 WHERE entity_id = ? AND state = 'pending'`).run(d.id);
  assert.deepEqual(await a.call('comments.undo', { id: d.id }), { outcome: 'reversed' });
  await a.sync();
  assert.deepEqual((await onHub(d.id)).status, 'pending');
  assert.deepEqual(await feedFor(d.ref), ['hide:rejected', 'hide:pending']);
});

test('an undo after someone else decided since is refused at the hub, and its author sees who decided', async () => {
  const a = await moderator('E');
  const b = await moderator('F');
  const c = await comment();
  await a.sync();
  await a.call('comments.moderate', { id: c.id, decision: 'approved' });
  await a.sync();
  await report(c.ref, 'offensive');
  await b.sync();
  await b.call('comments.moderate', { id: c.id, decision: 'spam' });
  await b.sync();
  // A has not synced since: their undo is made on the version their approval made, which B's decision replaced.
  assert.deepEqual(await a.call('comments.undo', { id: c.id }), { outcome: 'reversed' });
  await a.sync();
  const hubRow = await onHub(c.id);
  assert.deepEqual([hubRow.status, hubRow.version], ['spam', 3]);
  assert.deepEqual(a.local(c.id), { status: 'spam', version: 3, review: 0 });
  const [conflict] = await a.call('sync.conflicts');
  assert.match(conflict.reason, /^already spam by Nhân viên mod_f at \d\d:\d\d$/);
  assert.deepEqual(await feedFor(c.ref), ['publish', 'hide:spam']);
});

test('one decision on a selection decides each comment on its own; one decided since it was picked is refused with why', async () => {
  const a = await moderator('G');
  const [c1, c2, c3] = [await comment(), await comment(), await comment()];
  await a.sync();
  await a.call('comments.moderate', { id: c2.id, decision: 'approved' });
  const out = await a.call('comments.moderateMany', { ids: [c1.id, c2.id, c3.id], decision: 'spam' });
  assert.equal(out.done, 2);
  assert.deepEqual(
    out.refused.map((r: { id: string }) => r.id),
    [c2.id],
  );
  assert.match(out.refused[0].reason, /already approved by Nhân viên mod_g/);
  await a.sync();
  for (const [c, status] of [
    [c1, 'spam'],
    [c2, 'approved'],
    [c3, 'spam'],
  ] as const)
    assert.equal((await onHub(c.id)).status, status);
});

test('an undo of a decision that lost to another moderator’s, sent before the loss was known, does not undo the other’s', async () => {
  const a = await moderator('H');
  const b = await moderator('I');
  const c = await comment();
  await a.sync();
  await b.sync();
  await b.call('comments.moderate', { id: c.id, decision: 'approved' });
  await b.sync();
  // A rejects on the version before B's approval, and the reject goes out (no answer yet) as A presses z.
  await a.call('comments.moderate', { id: c.id, decision: 'rejected' });
  a.d.desk.store.db.prepare(`UPDATE outbox SET attempts = 1 WHERE entity_id = ? AND state = 'pending'`).run(c.id);
  assert.deepEqual(await a.call('comments.undo', { id: c.id }), { outcome: 'reversed' });
  await a.sync();
  const hubRow = await onHub(c.id);
  assert.deepEqual([hubRow.status, hubRow.version], ['approved', 2], 'B’s approval stands');
  assert.deepEqual(await feedFor(c.ref), ['publish']);
  const reasons = ((await a.call('sync.conflicts')) as { reason: string }[]).map((x) => x.reason);
  assert.equal(reasons.length, 2, 'the reject and its undo are both refused, and A is told');
  for (const r of reasons) assert.match(r, /^already approved by Nhân viên mod_i at \d\d:\d\d$/);
  assert.deepEqual(a.local(c.id), { status: 'approved', version: 2, review: 0 });
});

test('a decision from a desk before versions counts only on a waiting comment; an undo without a version cannot be sent', async () => {
  const a = await moderator('J');
  const b = await moderator('K');
  const [waiting, decided, undone] = [await comment(), await comment(), await comment()];
  await a.sync();
  await b.sync();
  await b.call('comments.moderate', { id: decided.id, decision: 'approved' });
  await b.sync();
  const me = a.d.staff['mod_j']!.id;
  // As an older desk queued them: no version.
  const legacy = (id: string, decision: string) =>
    enqueue(a.d.desk.store.db, {
      mutation: 'comment.moderate',
      entityType: 'comment',
      entityId: id,
      baseVersion: null,
      payload: { decision },
      actorId: me,
    });
  const approveWaiting = legacy(waiting.id, 'approved');
  const sameAsStanding = legacy(decided.id, 'approved');
  const otherThanStanding = legacy(decided.id, 'spam');
  const undoWithout = legacy(undone.id, 'pending');
  await a.sync();
  const state = (id: string) =>
    a.d.desk.store.db.prepare('SELECT state, reason FROM outbox WHERE id = ?').get(id) as { state: string; reason: string | null };
  assert.equal(state(approveWaiting).state, 'applied');
  assert.deepEqual([(await onHub(waiting.id)).status, (await onHub(waiting.id)).version], ['approved', 2]);
  assert.equal(state(sameAsStanding).state, 'applied', 'the same decision as the one standing changes nothing');
  assert.equal(state(otherThanStanding).state, 'rejected');
  assert.match(state(otherThanStanding).reason!, /^already approved by Nhân viên mod_k/);
  assert.equal(state(undoWithout).state, 'rejected');
  assert.match(state(undoWithout).reason!, /baseVersion/);
  assert.equal((await onHub(undone.id)).status, 'pending');
  assert.deepEqual(await feedFor(decided.ref), ['publish']);
});
