/**
 * The property that keeps desks from missing rows: a reader paging "seq > cursor" never meets a row that
 * commits later with a seq below a cursor it already passed. Writers take one lock (server/db/write-lock.ts)
 * so seq order is commit order. First the hazard is shown, step by step, without the lock and with it; then
 * many website posts and desk pushes race a reader on the real HTTP paths, and the reader must end up with
 * every row at its final seq (with the lock made a no-op, that race missed rows in 4 runs out of 4).
 * Only PostgreSQL runs writers side by side; PGlite has one connection.
 */
import { testSigner } from '../support/signer.ts';
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import pg from 'pg';
import { newId } from '../../common/ids.ts';
import { SCOPES } from '../../common/roles.ts';
import { takeWriteLock } from '../../server/db/write-lock.ts';
import { pullPage } from '../../server/sync/pull.ts';
import { complaint, passDatabase, startTestHub, type TestHub } from '../support/hub.ts';
import { waitFor } from '../support/wait.ts';

const ON_PGLITE = 'PGlite serves one connection, so no two writers ever overlap: this is checked in the PostgreSQL pass';

/** The readers pull as a desk of their own would (no seat list of theirs is in the feed; everyone in the directory sits there). */
const READER = newId();

/** Reads the whole feed from `cursor` on, keeping the seq it saw for each comment. */
async function readFeed(hub: TestHub, from: number, seen: Map<string, number>): Promise<number> {
  let cursor = from;
  for (;;) {
    const page = await pullPage(hub.db, READER, { cursor, limit: 100, count: false, held: [...SCOPES] });
    for (const c of page.changes) if (c.entity === 'comment') seen.set(String(c.row.id), c.seq);
    cursor = page.cursor;
    if (!page.more) return cursor;
  }
}

async function writers(hub: TestHub) {
  const customer = newId();
  await hub.db.query(`INSERT INTO customers (id, website_ref, full_name, seq) VALUES ($1, $1, 'Khách', 0)`, [customer]);
  // The reader's desk seats everyone in the directory: a director, who may see every comment.
  await hub.db.query(
    `INSERT INTO staff (id, username, display_name, role, password_hash, seq) VALUES ($1, 'giamdoc', 'Giám đốc', 'director', '$argon2id$x', 0)`,
    [newId()],
  );
  const open = async () => {
    const c = new pg.Client({ connectionString: hub.storage.databaseUrl });
    await c.connect();
    const pid = (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    return {
      client: c,
      pid,
      /** BEGIN, the lock if asked, one comment; returns its id and seq, uncommitted. */
      async insert(lock: boolean) {
        await c.query('BEGIN');
        if (lock)
          await takeWriteLock({ query: async (sql, params) => ({ rows: (await c.query(sql, params)).rows }), exec: async () => {} });
        const id = newId();
        const r = await c.query<{ seq: string }>(
          `INSERT INTO comments (id, website_ref, customer_id, page_url, body, posted_at, seq) VALUES ($1, $1, $2, 'https://shop.vn/p', 'b', now(), 0) RETURNING seq`,
          [id, customer],
        );
        return { id, seq: Number(r.rows[0]!.seq) };
      },
      commit: () => c.query('COMMIT'),
    };
  };
  const a = await open();
  const b = await open();
  return { a, b, close: () => Promise.all([a.client.end(), b.client.end()]) };
}

test('step by step: without the lock a late commit lands below the reader’s cursor and is missed; with it, nothing is missed', async (t: TestContext) => {
  if (passDatabase() !== 'postgres') return t.skip(ON_PGLITE);
  const hub = await startTestHub();
  const { a, b, close } = await writers(hub);
  try {
    const seen = new Map<string, number>();
    let cursor = await readFeed(hub, 0, seen);

    // Without the lock: A takes a seq first, B takes a later one and commits first.
    const early = await a.insert(false);
    const late = await b.insert(false);
    await b.commit();
    assert.ok(late.seq > early.seq);
    cursor = await readFeed(hub, cursor, seen);
    assert.ok(cursor >= late.seq, 'the reader passed B’s seq');
    await a.commit();
    cursor = await readFeed(hub, cursor, seen);
    assert.ok(
      !seen.has(early.id),
      'A’s row committed below the cursor and the reader never sees it: the hazard is real, and this check sees it',
    );

    // With the lock: B waits for A's whole transaction, so its seq comes after A's commit.
    const first = await a.insert(true);
    const second = b.insert(true);
    await waitFor('B to wait on the write lock', async () => {
      const r = await hub.db.query<{ w: string | null }>('SELECT wait_event AS w FROM pg_stat_activity WHERE pid = $1', [b.pid]);
      return r.rows[0]?.w === 'advisory';
    });
    cursor = await readFeed(hub, cursor, seen);
    assert.ok(cursor < first.seq, 'nothing of A or B is visible yet');
    await a.commit();
    const after = await second;
    await b.commit();
    assert.ok(after.seq > first.seq);
    await readFeed(hub, cursor, seen);
    assert.equal(seen.get(first.id), first.seq);
    assert.equal(seen.get(after.id), after.seq);
  } finally {
    await close();
  }
});

test('many website posts and desk pushes at once, a reader paging all along: it ends with every row at its final seq', async (t: TestContext) => {
  if (passDatabase() !== 'postgres') return t.skip(ON_PGLITE);
  const hub = await startTestHub();
  const enroll = async (code: string) => {
    const res = await fetch(`${hub.url}/enroll`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code, deviceName: 'Máy' }),
    });
    return ((await res.json()) as { token: string }).token;
  };
  const tokens = await Promise.all(Array.from({ length: 4 }, async () => enroll(await hub.enrollmentCode())));
  const call = async (path: string, token: string, body?: unknown) => {
    const res = await fetch(hub.url + path, {
      method: body ? 'POST' : 'GET',
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    assert.equal(res.status, 200, `${path}: ${res.status}`);
    return res.json() as Promise<any>;
  };
  // Each pusher works on a submission of its own, so its status changes carry the right version.
  const own = await Promise.all(
    tokens.map(async (_, i) => (await hub.post('/intake/v1/submissions', complaint(`own-${i}`))).body.id as string),
  );

  // The person the pushes name: the hub takes changes only from someone in its directory who holds the inbox.
  // In the directory before the readers start, so their scope (complaints, through her) is the same all along:
  // a reader that claims to hold it while its scope grows would be owed a backfill it never asks for.
  const lan = newId();
  await hub.db.query(
    `INSERT INTO staff (id, username, display_name, role, grants, password_hash, seq) VALUES ($1, 'lan', 'Lan', 'operator', '["complaint"]', '$argon2id$x', 0)`,
    [lan],
  );
  const lanKey = testSigner();
  await lanKey.register(hub.db, lan);

  // Three readers, each on a connection of its own (the hub's pool is busy with the writers) and with its
  // own cursor, page all along through the pull's own query: the more often a page is read, the more likely
  // one lands between two commits that came out of seq order, if they ever did.
  let writing = true;
  let pagesWhileWriting = 0;
  const read = async () => {
    const client = new pg.Client({ connectionString: hub.storage.databaseUrl });
    await client.connect();
    const feed = {
      query: async (sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows }),
      exec: async () => {},
    };
    const seen = new Map<string, number>();
    let cursor = 0;
    const page = async () => {
      const p = await pullPage(feed, READER, { cursor, limit: 7, count: false, held: [...SCOPES] });
      for (const c of p.changes) seen.set(`${c.entity}:${String(c.row.id)}`, c.seq);
      assert.ok(p.cursor >= cursor, 'the cursor never goes back');
      cursor = p.cursor;
      return p.more;
    };
    try {
      const deadline = Date.now() + 120_000;
      while (writing) {
        assert.ok(Date.now() < deadline, 'the writers finished within 120 s');
        await page();
        pagesWhileWriting++;
      }
      while (await page());
      return seen;
    } finally {
      await client.end();
    }
  };
  const readers = Promise.all([read(), read(), read()]);
  readers.catch(() => undefined); // awaited below; a reader's failure must not count as unhandled meanwhile

  const poster = async (w: number) => {
    for (let i = 0; i < 20; i++) {
      const r = await hub.post('/intake/v1/submissions', complaint(`race-${w}-${i % 4}`, { subject: `Khiếu nại ${w}.${i}` }));
      assert.equal(r.status, 201);
    }
  };
  const pusher = async (token: string, submission: string) => {
    let version = 1;
    for (let i = 0; i < 15; i++) {
      const base = { entityId: submission, entityType: 'submission', actorId: lan, actorName: 'Lan', createdAt: Date.now() };
      const { results } = await call('/sync/push', token, {
        mutations: [
          lanKey.sign({
            ...base,
            id: newId(),
            mutation: 'submission.note',
            baseVersion: null,
            payload: { eventId: newId(), body: `Ghi chú ${i}` },
          }),
          lanKey.sign({
            ...base,
            id: newId(),
            mutation: 'submission.status',
            baseVersion: version,
            payload: { eventId: newId(), to: i % 2 ? 'open' : 'waiting' },
          }),
        ],
      });
      assert.deepEqual(
        results.map((r: { outcome: string }) => r.outcome),
        ['applied', 'applied'],
      );
      version++;
    }
  };
  try {
    await Promise.all([...Array.from({ length: 10 }, (_, w) => poster(w)), ...own.map((s, i) => pusher(tokens[i]!, s))]);
  } finally {
    writing = false;
  }
  const seenByReader = await readers;

  const truth = new Map<string, number>();
  for (const [entity, table] of Object.entries({ customer: 'customers', submission: 'submissions', event: 'submission_events' }))
    for (const r of (await hub.db.query<{ id: string; seq: string }>(`SELECT id, seq FROM ${table}`)).rows)
      truth.set(`${entity}:${r.id}`, Number(r.seq));
  t.diagnostic(`${truth.size} rows; the readers read ${pagesWhileWriting} pages while the writers ran`);
  assert.ok(pagesWhileWriting >= 100, `the readers paged while the writers ran (${pagesWhileWriting} pages)`);
  const count = (entity: string) => [...truth.keys()].filter((k) => k.startsWith(`${entity}:`)).length;
  // 4 own and 200 raced submissions; each has its 'created' event, and each push added a note and a status change.
  assert.deepEqual([count('submission'), count('event')], [204, 204 + 4 * 15 * 2]);
  seenByReader.forEach((seen, i) => {
    const missed = [...truth].filter(([key, seq]) => seen.get(key) !== seq);
    assert.deepEqual(missed, [], `reader ${i + 1} has every row at its final seq`);
  });
});
