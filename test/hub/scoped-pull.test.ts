/**
 * Each desk holds only what the people who may sign in there may see: the inboxes their grants name (every one
 * for a director, none for an IT admin), account requests only where a director is seated, and customers only
 * through a row of those (a customer who only commented is nothing to a warranty desk). The hub cuts every page
 * to the desk's scope as the directory and the seat list stand at that pull, whatever the desk says it holds;
 * the staff directory and the desk's own seat list reach every desk. Runs on PGlite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId } from '../../common/ids.ts';
import type { Desk } from '../../main/api/desk.ts';
import { KEYCHAIN_SERVICE } from '../../main/core/security/keychain.ts';
import { tokenAccount } from '../../main/core/sync/hub-link.ts';
import { seat, seatedDesk, type EnrolledDesk } from '../support/enrolled-desk.ts';
import { keychain } from '../support/fixtures.ts';
import { complaint, consent, deletionRequest, startTestHub, warranty, websiteComment } from '../support/hub.ts';

const hub = await startTestHub();

async function post(path: string, body: unknown): Promise<string> {
  const r = await hub.post(path, body);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id as string;
}

/**
 * The website refs of the customers a desk holds (matched to the hub's by id) that start with `prefix`: each
 * test posts customers of its own, and the hub is the file's.
 */
async function customersOn(desk: Desk, prefix: string): Promise<string[]> {
  const ids = (desk.store.db.prepare('SELECT id FROM customers').all() as { id: string }[]).map((r) => r.id);
  const refs = await hub.db.query<{ website_ref: string }>('SELECT website_ref FROM customers WHERE id = ANY($1) ORDER BY website_ref', [
    ids,
  ]);
  return refs.rows.map((r) => r.website_ref).filter((ref) => ref.startsWith(prefix));
}

/** What a desk holds of the website's rows. */
function holds(desk: Desk) {
  const all = (sql: string) => desk.store.db.prepare(sql).all() as Record<string, unknown>[];
  const n = (table: string) => (desk.store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    submissions: all('SELECT id, kind FROM submissions ORDER BY kind, id'),
    events: n('submission_events'),
    comments: all('SELECT id FROM comments ORDER BY id').map((r) => r.id),
    consents: n('consents'),
    accountRequests: n('account_requests'),
  };
}

/** The desk's own pull, asked by hand: what the hub would send it for this query. */
async function pullAs(d: EnrolledDesk, query: string) {
  const token = await keychain.get(KEYCHAIN_SERVICE, tokenAccount(d.desk.store));
  const res = await fetch(`${hub.url}/sync/pull?${query}`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200);
  return (await res.json()) as {
    changes: { entity: string; row: Record<string, unknown> }[];
    cursor: number;
    more: boolean;
    remaining?: number;
    scope: string[];
    purge: string[];
  };
}

test('a complaint desk holds complaints and their customers; a comment desk the comments and their authors, a warranty desk not those who only commented; an IT-only desk no customer data', async () => {
  const complaints = await seatedDesk(hub, 'C', [['lan_c', 'operator', ['complaint']]]);
  const comments = await seatedDesk(hub, 'M', [['minh_m', 'operator', ['comment']]]);
  const warranties = await seatedDesk(hub, 'W', [['hoa_w', 'operator', ['warranty']]]);
  const itOnly = await seatedDesk(hub, 'I', []);
  const director = await seatedDesk(hub, 'D', [['giamdoc_d', 'director', []]]);

  const complaintId = await post('/intake/v1/submissions', complaint('a-complainer'));
  const warrantyId = await post('/intake/v1/submissions', warranty('a-both'));
  const onlyComment = await post('/intake/v1/comments', websiteComment('cm-a-1', 'a-commenter'));
  const bothComment = await post('/intake/v1/comments', websiteComment('cm-a-2', 'a-both'));
  await post('/intake/v1/consents', consent('a-consenter'));
  await post('/intake/v1/account-requests', deletionRequest('a-requester'));
  for (const d of [complaints, comments, warranties, itOnly, director]) await d.desk.sync.syncNow();

  assert.deepEqual(holds(complaints.desk), {
    submissions: [{ id: complaintId, kind: 'complaint' }],
    events: 1,
    comments: [],
    consents: 0,
    accountRequests: 0,
  });
  assert.deepEqual(await customersOn(complaints.desk, 'a-'), ['a-complainer'], 'not those only warranty rows or comments name');

  assert.deepEqual(holds(comments.desk), {
    submissions: [],
    events: 0,
    comments: [onlyComment, bothComment].sort(),
    consents: 0,
    accountRequests: 0,
  });
  assert.deepEqual(await customersOn(comments.desk, 'a-'), ['a-both', 'a-commenter']);

  assert.deepEqual(holds(warranties.desk), {
    submissions: [{ id: warrantyId, kind: 'warranty' }],
    events: 2, // created, and the email telling the claimant it was received

    comments: [],
    consents: 0,
    accountRequests: 0,
  });
  assert.deepEqual(await customersOn(warranties.desk, 'a-'), ['a-both'], 'a customer who only commented is not on a warranty desk');

  assert.deepEqual(holds(itOnly.desk), { submissions: [], events: 0, comments: [], consents: 0, accountRequests: 0 });
  assert.deepEqual(await customersOn(itOnly.desk, ''), [], 'no customer at all');
  const fromStart = await pullAs(itOnly, 'cursor=0&limit=2000');
  assert.deepEqual(fromStart.scope, []);
  assert.deepEqual(
    [...new Set(fromStart.changes.map((c) => c.entity))].sort(),
    ['seats', 'staff'],
    'asked from the start, the hub sends an IT-only desk the directory and its seat list, nothing else',
  );
  assert.ok(
    fromStart.changes.some((c) => c.entity === 'staff' && c.row.username === 'giamdoc_d'),
    'the whole directory',
  );

  const all = holds(director.desk);
  assert.deepEqual([all.consents >= 1, all.accountRequests >= 1, all.comments.length >= 2], [true, true, true]);
  for (const ref of ['a-both', 'a-commenter', 'a-complainer', 'a-consenter', 'a-requester'])
    assert.ok((await customersOn(director.desk, 'a-')).includes(ref), `${ref} is on the director's desk`);
});

test('whatever a desk says it holds, the hub sends only its scope, tells it to purge the rest, and counts only its scope', async () => {
  const d = await seatedDesk(hub, 'L', [['lan_l', 'operator', ['complaint']]]);
  const complaintId = await post('/intake/v1/submissions', complaint('l-complainer'));
  await post('/intake/v1/submissions', warranty('l-warranty'));
  await post('/intake/v1/comments', websiteComment('cm-l-1', 'l-commenter'));

  // Claiming every scope, from the start of the feed; then a backfill of every scope up to the end of it.
  const claimed = await pullAs(d, 'cursor=0&limit=2000');
  assert.deepEqual(claimed.scope, ['complaint']);
  const lastSeq = await hub.db.query<{ seq: number }>(
    `SELECT max(seq)::float8 AS seq FROM (SELECT seq FROM submissions UNION ALL SELECT seq FROM comments UNION ALL SELECT seq FROM customers) r`,
  );
  assert.equal(
    claimed.cursor,
    lastSeq.rows[0]!.seq,
    'the cursor passes the rows out of scope at the end of the feed: they are not read again',
  );
  assert.deepEqual(claimed.purge, ['question', 'trade_contact', 'warranty', 'feedback', 'comment', 'promotion', 'account_request']);
  const backfill = await pullAs(
    d,
    `cursor=${claimed.cursor}&limit=2000&scope=&backfill=complaint,warranty,comment,promotion,account_request&backfillCursor=0`,
  );
  for (const page of [claimed, backfill]) {
    const entities = new Set(page.changes.map((c) => c.entity));
    assert.ok(!entities.has('comment') && !entities.has('consent') && !entities.has('account_request'), [...entities].join());
    assert.deepEqual(
      page.changes.filter((c) => c.entity === 'submission').map((c) => c.row.kind),
      page.changes.filter((c) => c.entity === 'submission').map(() => 'complaint'),
    );
    assert.ok(page.changes.some((c) => c.entity === 'submission' && c.row.id === complaintId));
  }
  assert.ok(!backfill.changes.some((c) => c.entity === 'staff' || c.entity === 'seats'), 'a backfill carries no directory');

  // count=true counts the scoped feed: the directory, the desk's seat list, the complaints, their events and customers.
  const expected = (
    await hub.db.query<{ n: number }>(
      `SELECT ((SELECT count(*) FROM staff) + (SELECT count(*) FROM device_seats WHERE id = $1)
        + (SELECT count(*) FROM submissions WHERE kind = 'complaint')
        + (SELECT count(*) FROM submission_events e JOIN submissions s ON s.id = e.submission_id WHERE s.kind = 'complaint')
        + (SELECT count(DISTINCT customer_id) FROM submissions WHERE kind = 'complaint'))::int AS n`,
      [d.deviceId],
    )
  ).rows[0]!.n;
  const first = await pullAs(d, 'cursor=0&limit=1&count=true&scope=complaint');
  assert.equal(first.remaining! + 1, expected);
  assert.deepEqual(first.purge, [], 'nothing to purge from a desk that holds its scope');
});

test('account requests and consents only where a director is seated: one seated backfills them, then taken off the seat list or disabled, they are purged', async () => {
  const d = await seatedDesk(
    hub,
    'R',
    [
      ['op_r', 'operator', ['complaint']],
      ['giamdoc_r', 'director', []],
    ],
    ['op_r'],
  );
  await post('/intake/v1/account-requests', deletionRequest('r-requester'));
  await post('/intake/v1/consents', consent('r-consenter'));
  await post('/intake/v1/submissions', complaint('r-complainer'));
  await d.desk.sync.syncNow();
  assert.deepEqual([holds(d.desk).accountRequests, holds(d.desk).consents], [0, 0]);
  assert.deepEqual(await customersOn(d.desk, 'r-'), ['r-complainer']);

  await seat(d, ['op_r', 'giamdoc_r']);
  assert.ok(holds(d.desk).accountRequests >= 1 && holds(d.desk).consents >= 1, 'backfilled: they lie before the desk’s cursor');
  assert.ok((await customersOn(d.desk, 'r-')).includes('r-requester'));
  assert.ok((await customersOn(d.desk, 'r-')).includes('r-consenter'));

  await seat(d, ['op_r']);
  assert.deepEqual([holds(d.desk).accountRequests, holds(d.desk).consents, holds(d.desk).comments.length], [0, 0, 0]);
  assert.equal(
    holds(d.desk).submissions.every((s) => s.kind === 'complaint'),
    true,
  );
  assert.ok(!(await customersOn(d.desk, 'r-')).includes('r-requester'), 'customers nothing the desk holds names are purged');

  await seat(d, ['op_r', 'giamdoc_r']);
  assert.ok(holds(d.desk).accountRequests >= 1);
  // The director's account is disabled in the directory: at the desk's next pull, nobody seated there is a director.
  await hub.db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7002)');
    await tx.query(`UPDATE staff SET active = false, version = version + 1 WHERE username = 'giamdoc_r'`);
  });
  await d.desk.sync.syncNow();
  assert.deepEqual([holds(d.desk).accountRequests, holds(d.desk).consents], [0, 0]);
  assert.deepEqual(await customersOn(d.desk, 'r-'), ['r-complainer']);
});

test('a customer the desk’s cursor passed while out of its scope comes with the first row of its scope that names them', async () => {
  const d = await seatedDesk(hub, 'K', [['hoa_k', 'operator', ['warranty']]]);
  await post('/intake/v1/comments', websiteComment('cm-k-1', 'k-commenter'));
  await d.desk.sync.syncNow();
  assert.ok(!(await customersOn(d.desk, 'k-')).includes('k-commenter'));
  // A warranty request naming them, written without touching the customer's row (whose seq the desk has passed).
  const id = newId();
  await hub.db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7002)');
    await tx.query(
      `INSERT INTO submissions (id, website_ref, kind, customer_id, subject, body, created_at, seq)
       SELECT $1, $1, 'warranty', id, 'Bảo hành', 'Máy hỏng', now(), 0 FROM customers WHERE website_ref = 'k-commenter'`,
      [id],
    );
  });
  await d.desk.sync.syncNow();
  assert.equal(d.desk.sync.current().hub, 'online', d.desk.sync.current().lastError ?? '');
  assert.deepEqual(d.desk.store.db.prepare('SELECT kind FROM submissions WHERE id = ?').get(id), { kind: 'warranty' });
  assert.ok((await customersOn(d.desk, 'k-')).includes('k-commenter'));
});
