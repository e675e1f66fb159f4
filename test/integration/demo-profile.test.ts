/**
 * The demo profile holds every kind the website sends, each with valid fields of its own, worked like real
 * inboxes (statuses, assignment to the operator who holds the inbox, notes); its two operators split the
 * inboxes so grants can be seen at work; and the paint benchmark can still ask for complaints only.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { WEBSITE_DETAILS } from '../../common/protocol/submission-details.ts';
import { SUBMISSION_KINDS } from '../../common/vocabulary/submissions.ts';
import type { Envelope } from '../../main/api/contract.ts';
import { COMPLAINTS_ONLY, demoCounts, fillDemo } from '../../main/core/demo/profile.ts';
import { DEMO_CANNED_REPLIES, DEMO_TAGS } from '../../main/core/demo/replies.ts';
import { DEMO_PRODUCTS } from '../../main/core/demo/warranty.ts';
import type { Db } from '../../main/core/store/open.ts';
import { tempDesk, tempStore } from '../support/fixtures.ts';

const TIMEOUT = { timeout: 120_000 };
const COMPLAINTS = 400;

const products = (db: Db) => db.prepare('SELECT count(*) FROM products').pluck().get() as number;
const queuedProducts = (db: Db) =>
  db.prepare(`SELECT actor_id AS actorId, key_id AS keyId FROM outbox WHERE mutation = 'product.upsert'`).all() as {
    actorId: string;
    keyId: string;
  }[];

const kindCounts = (db: Db) =>
  Object.fromEntries(
    (db.prepare('SELECT kind, count(*) AS n FROM submissions GROUP BY kind').all() as { kind: string; n: number }[]).map((r) => [
      r.kind,
      r.n,
    ]),
  );

test(
  'the demo holds every kind in proportion to its complaints, each with valid details, worked by the inbox’s operator',
  TIMEOUT,
  async () => {
    const desk = await tempDesk();
    const db = desk.store.db;
    const progress: [number, number][] = [];
    const accounts = await fillDemo(db, {
      complaints: COMPLAINTS,
      customers: 40,
      onProgress: (rows, total) => progress.push([rows, total]),
    });

    const expected = { complaint: 400, question: 160, trade_contact: 40, warranty: 100, feedback: 80 };
    assert.deepEqual(demoCounts(COMPLAINTS), expected);
    assert.deepEqual(kindCounts(db), expected);
    assert.deepEqual(progress.at(-1), [780, 780]);

    const rows = db.prepare('SELECT id, kind, subject, body, details, status, assignee_id FROM submissions').all() as {
      id: string;
      kind: (typeof SUBMISSION_KINDS)[number];
      subject: string;
      body: string;
      details: string;
      status: string;
      assignee_id: string | null;
    }[];
    const ratings = new Set<number>();
    for (const r of rows) {
      const details = JSON.parse(r.details) as Record<string, unknown>;
      const parsed = z.object(WEBSITE_DETAILS[r.kind]).strict().safeParse(details);
      assert.ok(parsed.success, `${r.kind} ${r.details}: ${parsed.error?.message}`);
      if (r.kind === 'warranty') assert.ok(r.body.includes(`số serial ${String(details.serial)}`), r.body);
      if (r.kind === 'trade_contact') assert.ok(r.body.includes(String(details.expectedVolume)), r.body);
      if (r.kind === 'feedback' && typeof details.rating === 'number') ratings.add(details.rating);
    }
    assert.deepEqual([...ratings].sort(), [1, 2, 3, 4, 5]);

    // Each inbox is worked by the operator who holds it: statuses of every sort, assignments, notes by them.
    const staff = db.prepare('SELECT id, username FROM staff').all() as { id: string; username: string }[];
    const idOf = (username: string) => staff.find((s) => s.username === username)!.id;
    const holder = { complaint: 'dieuhanh', question: 'dieuhanh', warranty: 'dieuhanh', trade_contact: 'kinhdoanh', feedback: 'kinhdoanh' };
    for (const kind of SUBMISSION_KINDS) {
      const mine = rows.filter((r) => r.kind === kind);
      assert.deepEqual(new Set(mine.map((r) => r.status)), new Set(['new', 'open', 'waiting', 'closed']), kind);
      const assigned = mine.filter((r) => r.assignee_id);
      assert.ok(assigned.length > 0, kind);
      assert.ok(
        assigned.every((r) => r.assignee_id === idOf(holder[kind])),
        kind,
      );
      const notes = db
        .prepare(
          `SELECT e.actor_id FROM submission_events e JOIN submissions s ON s.id = e.submission_id WHERE s.kind = ? AND e.type = 'note'`,
        )
        .all(kind) as { actor_id: string }[];
      assert.equal(notes.length, assigned.length, kind);
      assert.ok(
        notes.every((n) => n.actor_id === idOf(holder[kind])),
        kind,
      );
    }

    // Grants at work, through the dispatcher: each operator lists their own inboxes and is refused the others'.
    const grants = Object.fromEntries(
      staff.map((s) => [
        s.username,
        (db.prepare('SELECT inbox FROM staff_grants WHERE staff_id = ? ORDER BY inbox').all(s.id) as { inbox: string }[]).map(
          (g) => g.inbox,
        ),
      ]),
    );
    assert.deepEqual(grants, {
      giamdoc: [],
      dieuhanh: ['comment', 'complaint', 'question', 'warranty'],
      kinhdoanh: ['feedback', 'trade_contact'],
      quantri: [],
    });
    const LISTS = {
      complaint: 'complaints',
      question: 'questions',
      trade_contact: 'tradeContacts',
      warranty: 'warrantyClaims',
      feedback: 'feedback',
    };
    for (const username of ['giamdoc', 'dieuhanh', 'kinhdoanh']) {
      const { password } = accounts.find((a) => a.username === username)!;
      const call = (m: string, i: unknown = {}) => desk.dispatcher.call(`conn-${username}`, m, i) as Promise<Envelope>;
      assert.ok((await call('auth.signIn', { username, password })).ok, username);
      for (const kind of SUBMISSION_KINDS) {
        const page = await call(`${LISTS[kind]}.list`, {});
        const mayUse = username === 'giamdoc' || holder[kind] === username;
        assert.equal(page.ok ? 'ok' : page.error.code, mayUse ? 'ok' : 'forbidden', `${username} ${kind}`);
        if (page.ok) assert.ok((page.result as { rows: unknown[] }).rows.length > 0, `${username} ${kind}`);
      }
    }
  },
);

test('the demo keeps to complaints when asked (the paint benchmark), and takes any kind’s number as given', TIMEOUT, async () => {
  const only = await tempStore();
  await fillDemo(only.db, { complaints: 30, customers: 5, others: COMPLAINTS_ONLY });
  assert.deepEqual(kindCounts(only.db), { complaint: 30 });
  assert.equal(products(only.db), DEMO_PRODUCTS.length, 'the catalogue comes whatever the counts');

  const some = await tempStore();
  await fillDemo(some.db, { complaints: 30, customers: 5, others: { warranty: 7, feedback: 0 } });
  assert.deepEqual(kindCounts(some.db), { complaint: 30, question: 12, trade_contact: 3, warranty: 7 });
});

test(
  'npm start’s demo (no complaints, no customers) holds the catalogue, canned replies and tags, entered by its director and queued for the hub, once',
  TIMEOUT,
  async () => {
    const store = await tempStore();
    await fillDemo(store.db, { complaints: 0, customers: 0 });
    assert.deepEqual(kindCounts(store.db), {});
    assert.equal(products(store.db), DEMO_PRODUCTS.length);
    const director = store.db.prepare(`SELECT id, key_id FROM staff WHERE username = 'giamdoc'`).get() as { id: string; key_id: string };
    const queued = queuedProducts(store.db);
    assert.equal(queued.length, DEMO_PRODUCTS.length);
    assert.ok(
      queued.every((q) => q.actorId === director.id && q.keyId === director.key_id),
      'signed by the director',
    );
    // And the canned replies and tags the director keeps, likewise queued for the hub.
    const outbox = store.db
      .prepare(
        `SELECT mutation, count(*) AS n FROM outbox WHERE mutation IN ('canned.save', 'tag.save') GROUP BY mutation ORDER BY mutation`,
      )
      .all();
    assert.deepEqual(outbox, [
      { mutation: 'canned.save', n: DEMO_CANNED_REPLIES.length },
      { mutation: 'tag.save', n: DEMO_TAGS.length },
    ]);

    // A profile whose catalogue has products already (kept by its director) is not given the demo's on top.
    const kept = await tempStore();
    kept.db
      .prepare(
        `INSERT INTO products (id, sku, name, warranty_months, serial_pattern, active, version, updated_at)
       VALUES ('p1', 'KEPT-1', 'Sản phẩm có sẵn', 12, NULL, 1, 1, 0)`,
      )
      .run();
    await fillDemo(kept.db, { complaints: 0, customers: 0 });
    assert.equal(products(kept.db), 1);
    assert.deepEqual(queuedProducts(kept.db), []);
  },
);
