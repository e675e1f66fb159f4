/**
 * The website feed (GET /website/v1/changes): moderators' decisions made on two desks reach it once each, in the
 * order the hub committed them, as publish or hide; a decision the hub refuses or that changes nothing adds
 * nothing; pages read again are the same; it needs the website key and names no personal data.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WebsiteChange, WebsiteChangesPage } from '../../common/protocol/website-feed.ts';
import { signedIn } from '../support/api-calls.ts';
import { enrolledDesk } from '../support/enrolled-desk.ts';
import { commentChanges, customer, startTestHub, websiteComment, type TestHub } from '../support/hub.ts';

const hub = await startTestHub();

async function feed(h: TestHub, query: string, key: string | null = h.websiteKey) {
  const res = await fetch(`${h.url}/website/v1/changes${query}`, { headers: key ? { Authorization: `Bearer ${key}` } : {} });
  return {
    status: res.status,
    body: (await res.json()) as WebsiteChangesPage & { error?: { issues?: { field: string; message: string }[] } },
  };
}

/** Every change after `cursor`, page by page, `limit` at a time; each page's `more` and `cursor` checked on the way. */
async function readAll(h: TestHub, cursor: number, limit: number): Promise<{ changes: WebsiteChange[]; cursor: number; pages: number }> {
  const changes: WebsiteChange[] = [];
  for (let pages = 1; ; pages++) {
    const { status, body } = await feed(h, `?cursor=${cursor}&limit=${limit}`);
    assert.equal(status, 200, JSON.stringify(body));
    assert.ok(body.changes.length <= limit);
    changes.push(...body.changes);
    assert.equal(body.cursor, body.changes.at(-1)?.seq ?? cursor, 'the next cursor is the last change of the page');
    cursor = body.cursor;
    if (!body.more) return { changes, cursor, pages };
    assert.equal(body.changes.length, limit, 'only a full page says more are waiting');
  }
}

async function moderator(name: string) {
  const d = await enrolledDesk(hub, name, [[`mod_${name.toLowerCase()}`, 'operator', ['comment']]]);
  const call = await signedIn(d.desk, `mod_${name.toLowerCase()}`);
  return {
    decide: async (id: string, decision: 'approved' | 'rejected' | 'spam') =>
      assert.ok((await call('comments.moderate', { id, decision })).ok),
    sync: () => d.desk.sync.syncNow(),
  };
}

test('decisions from two desks reach the feed once each, in commit order; refused and repeated decisions add nothing; pages read again are the same', async () => {
  const start = (await feed(hub, '?cursor=0&limit=1000')).body.cursor;
  const ids: string[] = [];
  for (let i = 0; i < 7; i++) {
    const posted = await hub.post('/intake/v1/comments', websiteComment(`feed-${i}`, `feed-author-${i % 3}`));
    assert.equal(posted.status, 201);
    ids.push(posted.body.id);
  }
  assert.deepEqual(
    (await feed(hub, `?cursor=${start}`)).body,
    { changes: [], cursor: start, more: false },
    'intake alone publishes nothing',
  );

  const a = await moderator('A');
  const b = await moderator('B');
  await a.sync();
  await b.sync();
  // B's decisions reach the hub first, then A's; A and B both decide comment 2 (B first wins) and comment 3 alike.
  await b.decide(ids[2]!, 'rejected');
  await b.decide(ids[3]!, 'approved');
  await b.decide(ids[4]!, 'spam');
  await a.decide(ids[0]!, 'approved');
  await a.decide(ids[1]!, 'rejected');
  await a.decide(ids[2]!, 'approved');
  await a.decide(ids[3]!, 'approved');
  await b.sync();
  await a.sync();

  const all = await readAll(hub, start, 2);
  assert.equal(all.pages, 3);
  assert.deepEqual(
    commentChanges(all).map((c) => [c.type, c.comment.ref, 'reason' in c ? c.reason : null]),
    [
      ['comment.hide', 'feed-2', 'rejected'],
      ['comment.publish', 'feed-3', null],
      ['comment.hide', 'feed-4', 'spam'],
      ['comment.publish', 'feed-0', null],
      ['comment.hide', 'feed-1', 'rejected'],
    ],
  );
  assert.equal(new Set(all.changes.map((c) => c.id)).size, 5);
  for (const c of all.changes) assert.ok(Date.parse(c.at) > Date.now() - 60_000, `${c.at} is when the hub committed it`);

  // Read again from the start in other page sizes: the same changes; from the end: nothing, and the cursor stays.
  assert.deepEqual((await readAll(hub, start, 1000)).changes, all.changes);
  assert.deepEqual((await readAll(hub, start, 1)).changes, all.changes);
  assert.deepEqual((await feed(hub, `?cursor=${all.cursor}`)).body, { changes: [], cursor: all.cursor, more: false });

  // A later decision comes after them, and a cursor in the middle gives only what followed it.
  await a.decide(ids[5]!, 'spam');
  await a.sync();
  const later = await readAll(hub, all.changes[2]!.seq, 100);
  assert.deepEqual(
    commentChanges(later).map((c) => c.comment.ref),
    ['feed-0', 'feed-1', 'feed-5'],
  );
});

test('the feed names the website’s references only: no customer’s name, contact or text', async () => {
  const posted = await hub.post(
    '/intake/v1/comments',
    websiteComment('feed-private', 'feed-private-author', {
      customer: customer('feed-private-author', { fullName: 'Đặng Thị Riêng', email: 'rieng.tu@gmail.com', phone: '0912345678' }),
      body: 'Nội dung bình luận riêng tư',
    }),
  );
  const m = await moderator('C');
  await m.sync();
  await m.decide(posted.body.id, 'approved');
  await m.sync();
  const text = JSON.stringify((await readAll(hub, 0, 1000)).changes);
  assert.match(text, /"ref":"feed-private"/);
  for (const secret of ['Riêng', 'rieng.tu', '0912345678', 'riêng tư', 'feed-private-author', 'mod_c', posted.body.id])
    assert.ok(!text.includes(secret), `the feed does not carry ${secret}`);
});

test('the feed needs a live website key and refuses a malformed query, naming the field', async () => {
  assert.equal((await feed(hub, '', null)).status, 401);
  assert.equal((await feed(hub, '', 'not-a-key')).status, 401);
  const deviceToken = await hub.enrollmentCode(); // any other secret of the hub is not a website key either
  assert.equal((await feed(hub, '', deviceToken)).status, 401);
  await hub.db.query('UPDATE website_keys SET revoked_at = now()');
  try {
    assert.equal((await feed(hub, '')).status, 401, 'a revoked key reads nothing');
  } finally {
    await hub.db.query('UPDATE website_keys SET revoked_at = NULL');
  }
  for (const [query, field] of [
    ['?cursor=-1', 'cursor'],
    ['?cursor=1e3', 'cursor'],
    ['?limit=0', 'limit'],
    ['?limit=1001', 'limit'],
    ['?since=3', 'since'],
  ] as const) {
    const { status, body } = await feed(hub, query);
    assert.equal(status, 400, query);
    // A field at fault is named as the issue's field; an unknown one in its message.
    assert.ok(
      body.error?.issues?.some((i) => i.field === field || i.message.includes(`"${field}"`)),
      `${query}: ${JSON.stringify(body)}`,
    );
  }
});
