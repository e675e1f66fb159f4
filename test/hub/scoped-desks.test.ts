/**
 * Two desks and a hub, people working through the desks' API: when what a desk's people may see shrinks (a
 * director removes a grant on another desk, IT narrows the seat list), the desk purges it at its next pull
 * (the submissions, their timelines, their words in the search index, and customers nothing it still holds
 * names); when it grows again, the rows before its cursor are backfilled. A change made on a row that then
 * left the desk's scope is still pushed and judged by the hub, and a refusal is still its author's conflict.
 * Runs on PGlite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Desk } from '../../main/api/desk.ts';
import { listSubmissions } from '../../main/core/domain/submissions.ts';
import { seat, seatedDesk, type EnrolledDesk } from '../support/enrolled-desk.ts';
import { PASSWORD } from '../support/fixtures.ts';
import { complaint, startTestHub, websiteComment } from '../support/hub.ts';

const hub = await startTestHub();

async function post(path: string, body: unknown): Promise<string> {
  const r = await hub.post(path, body);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id as string;
}

/** A person's calls on a desk, on a connection of their own, signed in first. */
async function signedIn(d: EnrolledDesk, username: string) {
  const connection = `${username}-${Math.random()}`;
  const call = (method: string, input: unknown = {}) => d.desk.dispatcher.call(connection, method, input);
  const signIn = await call('auth.signIn', { username, password: PASSWORD });
  assert.ok(signIn.ok, JSON.stringify(signIn));
  return call;
}

/** What the person asks: a call that must succeed, its result. */
async function ok<T>(answer: Promise<{ ok: boolean; result?: unknown }>): Promise<T> {
  const a = await answer;
  assert.ok(a.ok, JSON.stringify(a));
  return a.result as T;
}

/** A director on desk `a` sets a person's grants (the Staff screen's change, pushed with a's next sync). */
async function setGrants(a: EnrolledDesk, director: string, username: string, grants: string[]) {
  await a.desk.sync.syncNow(); // the person as the directory holds them now
  const call = await signedIn(a, director);
  const person = (
    await ok<{ id: string; username: string; displayName: string; role: string; version: number }[]>(call('staff.list'))
  ).find((p) => p.username === username)!;
  await ok(call('staff.update', { id: person.id, version: person.version, displayName: person.displayName, role: person.role, grants }));
  await a.desk.sync.syncNow();
  assert.equal(a.desk.sync.current().hub, 'online', a.desk.sync.current().lastError ?? '');
}

const count = (desk: Desk, sql: string, ...params: unknown[]) => (desk.store.db.prepare(sql).get(...params) as { n: number }).n;
const has = (desk: Desk, table: string, id: string) => count(desk, `SELECT count(*) AS n FROM ${table} WHERE id = ?`, id) === 1;
const customerOf = async (submissionOrCommentId: string) =>
  (
    await hub.db.query<{ id: string }>(
      'SELECT customer_id AS id FROM submissions WHERE id = $1 UNION SELECT customer_id FROM comments WHERE id = $1',
      [submissionOrCommentId],
    )
  ).rows[0]!.id;

/** Whether the desk's search index still holds a word anywhere in its pages, deleted entries included. */
const indexHolds = (desk: Desk, word: string) =>
  (desk.store.db.prepare('SELECT block FROM submissions_fts_data').all() as { block: Buffer | null }[]).some((r) =>
    r.block?.includes(word),
  );

test('a grant removed by a director on desk A purges that inbox from desk B at B’s next pull; given back, it is backfilled', async () => {
  const a = await seatedDesk(hub, 'A1', [['giamdoc_a1', 'director', []]]);
  const b = await seatedDesk(hub, 'B1', [['lan_b1', 'operator', ['complaint', 'comment']]]);
  const zebrano = await post('/intake/v1/submissions', complaint('g-only', { subject: 'Máy giặt Zebrano kêu rất to' }));
  const both = await post('/intake/v1/submissions', complaint('g-both', { subject: 'Giao hàng trễ' }));
  const bothComment = await post('/intake/v1/comments', websiteComment('cm-g-1', 'g-both'));
  const onlyComment = await post('/intake/v1/comments', websiteComment('cm-g-2', 'g-commenter'));
  await b.desk.sync.syncNow();
  const lan = await signedIn(b, 'lan_b1');
  await ok(lan('complaints.addNote', { id: zebrano, body: 'Đã gọi lại cho khách, hẹn kỹ thuật viên.' }));
  await b.desk.sync.syncNow();
  const search = { text: 'máy giặt zebrano', sort: 'newest', limit: 10 };
  const found = await ok<{ rows: { id: string }[] }>(lan('complaints.list', search));
  assert.deepEqual(
    found.rows.map((r) => r.id),
    [zebrano],
    'the folded search finds it before',
  );
  assert.ok(indexHolds(b.desk, 'zebrano'));

  await setGrants(a, 'giamdoc_a1', 'lan_b1', ['comment']);
  const late = await post('/intake/v1/submissions', complaint('g-late', { subject: 'Khiếu nại gửi khi máy B không giữ khiếu nại' }));
  await b.desk.sync.syncNow();

  for (const id of [zebrano, both, late]) assert.ok(!has(b.desk, 'submissions', id), `complaint ${id} is gone from B`);
  assert.equal(
    count(b.desk, 'SELECT count(*) AS n FROM submission_events WHERE submission_id IN (?, ?)', zebrano, both),
    0,
    'their timelines',
  );
  assert.equal(listSubmissions(b.desk.store.db, 'complaint', { ...search, sort: 'newest' }).total?.n, 0);
  assert.equal(count(b.desk, 'SELECT count(*) AS n FROM submissions_fts'), 0);
  assert.ok(!indexHolds(b.desk, 'zebrano'), 'the words are gone from the search index, not only marked deleted');
  assert.equal(count(b.desk, `SELECT count(*) AS n FROM search_terms WHERE term = 'zebrano'`), 0, 'and from the list of its words');
  const refused = await lan('complaints.list', search);
  assert.equal(!refused.ok && refused.error.code, 'forbidden', 'lan no longer holds complaints on B');
  assert.ok(!has(b.desk, 'customers', await customerOf(zebrano)), 'a customer only that complaint named is gone');
  assert.ok(has(b.desk, 'customers', await customerOf(both)), 'a customer a comment still names stays');
  assert.ok(has(b.desk, 'comments', bothComment) && has(b.desk, 'comments', onlyComment), 'the comments stay');
  assert.equal(count(b.desk, `SELECT count(*) AS n FROM outbox WHERE mutation = 'submission.note'`), 1, 'the outbox keeps lan’s note');

  await setGrants(a, 'giamdoc_a1', 'lan_b1', ['complaint', 'comment']);
  await b.desk.sync.syncNow();
  for (const id of [zebrano, both, late]) assert.ok(has(b.desk, 'submissions', id), `complaint ${id} is back on B`);
  assert.deepEqual(
    (
      b.desk.store.db.prepare('SELECT type FROM submission_events WHERE submission_id = ? ORDER BY created_at').all(zebrano) as {
        type: string;
      }[]
    ).map((e) => e.type),
    ['created', 'note'],
    'with its timeline',
  );
  for (const id of [zebrano, late]) assert.ok(has(b.desk, 'customers', await customerOf(id)));
  const again = await ok<{ rows: { id: string }[] }>(lan('complaints.list', search));
  assert.deepEqual(
    again.rows.map((r) => r.id),
    [zebrano],
    'and found by the folded search again',
  );
});

test('IT narrows desk B’s seat list: what only the person taken off could see is purged; widened again, it comes back', async () => {
  const b = await seatedDesk(hub, 'B2', [
    ['lan_b2', 'operator', ['complaint']],
    ['minh_b2', 'operator', ['comment']],
  ]);
  const onlyComplaint = await post('/intake/v1/submissions', complaint('s-only'));
  const both = await post('/intake/v1/submissions', complaint('s-both'));
  const bothComment = await post('/intake/v1/comments', websiteComment('cm-s-1', 's-both'));
  await b.desk.sync.syncNow();
  assert.ok(has(b.desk, 'submissions', onlyComplaint) && has(b.desk, 'submissions', both));

  await seat(b, ['minh_b2']);
  assert.equal(count(b.desk, 'SELECT count(*) AS n FROM submissions'), 0);
  assert.equal(count(b.desk, 'SELECT count(*) AS n FROM submission_events'), 0);
  assert.ok(!has(b.desk, 'customers', await customerOf(onlyComplaint)));
  assert.ok(has(b.desk, 'customers', await customerOf(both)) && has(b.desk, 'comments', bothComment));

  await seat(b, ['lan_b2', 'minh_b2']);
  assert.ok(has(b.desk, 'submissions', onlyComplaint) && has(b.desk, 'submissions', both));
  assert.ok(has(b.desk, 'customers', await customerOf(onlyComplaint)));
});

test('changes made on rows that then left desk B’s scope are still pushed and judged; a refusal stays its author’s conflict, also when pushed again', async () => {
  const a = await seatedDesk(hub, 'A3', [['giamdoc_a3', 'director', []]]);
  const b = await seatedDesk(hub, 'B3', [
    ['lan_b3', 'operator', ['complaint', 'comment']],
    ['minh_b3', 'operator', ['complaint']],
  ]);
  const x = await post('/intake/v1/submissions', complaint('o-x'));
  const y = await post('/intake/v1/submissions', complaint('o-y'));
  await b.desk.sync.syncNow();

  // A director takes complaints from lan on A; B has not heard of it and works on without syncing: lan notes
  // X (after she lost the grant), minh notes Y; then B's IT takes minh off its seat list.
  await setGrants(a, 'giamdoc_a3', 'lan_b3', ['comment']);
  const lan = await signedIn(b, 'lan_b3');
  await ok(lan('complaints.addNote', { id: x, body: 'Ghi chú của Lan' }));
  const minh = await signedIn(b, 'minh_b3');
  await ok(minh('complaints.addNote', { id: y, body: 'Ghi chú của Minh' }));
  const it = await signedIn(b, b.itAdmin);
  await ok(it('desk.setSeats', { staffIds: [b.staff.lan_b3!.id] }));
  await b.desk.sync.syncNow();
  assert.equal(b.desk.sync.current().hub, 'online', b.desk.sync.current().lastError ?? '');

  const notes = async () =>
    (
      await hub.db.query<{ body: string }>(`SELECT body FROM submission_events WHERE type = 'note' AND submission_id IN ($1, $2)`, [x, y])
    ).rows.map((r) => r.body);
  assert.deepEqual(await notes(), ['Ghi chú của Minh'], 'minh held complaints when he made it; lan had lost them');
  assert.equal(count(b.desk, 'SELECT count(*) AS n FROM submissions'), 0, 'nobody seated on B holds complaints now');
  const outcomes = () =>
    b.desk.store.db
      .prepare(`SELECT entity_id AS id, state, reason FROM outbox WHERE mutation = 'submission.note' ORDER BY created_at`)
      .all();
  const judged = [
    { id: x, state: 'rejected', reason: 'Nhân viên lan_b3 did not hold the complaint inbox when this change was made' },
    { id: y, state: 'applied', reason: null },
  ];
  assert.deepEqual(outcomes(), judged);
  const lanAgain = await signedIn(b, 'lan_b3');
  const conflicts = async () => ok<{ entityId: string; reason: string }[]>(lanAgain('sync.conflicts'));
  assert.deepEqual(
    (await conflicts()).map((c) => [c.entityId, c.reason]),
    [[x, judged[0]!.reason]],
    'lan sees her refused note though its complaint is no longer on B',
  );

  // As if B had crashed before recording the hub's answers: both go again, with their rows gone from B.
  b.desk.store.db.prepare(`UPDATE outbox SET state = 'pending', reason = NULL WHERE mutation = 'submission.note'`).run();
  await b.desk.sync.syncNow();
  assert.deepEqual(outcomes(), judged, 'the hub answers what it decided the first time');
  assert.deepEqual(await notes(), ['Ghi chú của Minh'], 'nothing applied twice');
  assert.equal((await conflicts()).length, 1);
});
