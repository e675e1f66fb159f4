/**
 * Inbox pages at any size (domain/submission-list.ts): pages go on from the last row's key, so rows arriving
 * between pages never make one skip or repeat a row; totals are exact, or capped for a search with many hits
 * and said to be; search results keep the time order the inbox promises.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertCustomer } from '../../main/core/domain/customers.ts';
import { DomainError } from '../../main/core/domain/errors.ts';
import {
  insertSubmission,
  insertSubmissions,
  listSubmissions,
  SORTS,
  type ListQuery,
  type NewSubmission,
} from '../../main/core/domain/submissions.ts';
import { searchQuery } from '../../main/core/store/search-index.ts';
import { roundTheClock, tempStore } from '../support/fixtures.ts';

const T0 = Date.UTC(2026, 0, 1);
const MINUTE = 60_000;

async function storeWith(n: number, extra: (i: number) => Partial<NewSubmission> = () => ({})) {
  const store = await tempStore();
  roundTheClock(store);
  const customerId = insertCustomer(store.db, { fullName: 'Nguyễn Thị Lan', createdAt: T0 });
  const make = (i: number, createdAt: number): NewSubmission => ({
    kind: 'complaint',
    customerId,
    subject: `Khiếu nại số ${i}`,
    body: 'Máy giặt kêu to',
    createdAt,
    ...extra(i),
  });
  insertSubmissions(
    store.db,
    Array.from({ length: n }, (_, i) => make(i, T0 + i * MINUTE)),
  );
  return { store, make };
}

/** Every page of a list, following cursors; `between` runs before each page after the first. */
function allPages(store: Awaited<ReturnType<typeof storeWith>>['store'], q: Omit<ListQuery, 'limit'>, limit: number, between = () => {}) {
  const ids: string[] = [];
  let page = listSubmissions(store.db, 'complaint', { ...q, limit });
  ids.push(...page.rows.map((r) => r.id));
  while (page.next) {
    between();
    page = listSubmissions(store.db, 'complaint', { ...q, limit, after: page.next });
    ids.push(...page.rows.map((r) => r.id));
  }
  return ids;
}

test('for every sort, rows arriving between pages (newer and older than the page) never make a page skip or repeat a row', async () => {
  const priorities = ['low', 'normal', 'high', 'urgent'] as const;
  const { store, make } = await storeWith(120, (i) => ({
    priority: priorities[i % 4],
    // Closed and waiting rows have no due time; the others are due a day after they were sent.
    status: i % 3 === 0 ? 'closed' : i % 5 === 0 ? 'waiting' : 'open',
  }));
  const before = (store.db.prepare('SELECT id FROM submissions').pluck().all() as string[]).sort();
  let added = 0;
  for (const sort of SORTS) {
    for (const status of [undefined, 'open'] as const) {
      const seen = allPages(store, { sort, status }, 17, () => {
        // One newer than everything, one older than everything, and one in the middle of the time range.
        for (const at of [T0 + 10_000 * MINUTE + added, T0 - 10_000 * MINUTE - added, T0 + 60 * MINUTE + 1]) {
          insertSubmission(store.db, { ...make(1000 + added, at), priority: priorities[added % 4], status: 'open' });
          added++;
        }
      });
      assert.equal(new Set(seen).size, seen.length, `${sort} ${status ?? 'all'}: no row twice`);
      const expected = status
        ? before.filter((id) => (store.db.prepare('SELECT status FROM submissions WHERE id = ?').pluck().get(id) as string) === status)
        : before;
      const missing = expected.filter((id) => !seen.includes(id));
      assert.deepEqual(missing, [], `${sort} ${status ?? 'all'}: every row that was there from the start is on a page`);
    }
  }
});

test('each sort walks in the order the inbox promises: newest, oldest, most urgent then newest, soonest due then newest with no due time last', async () => {
  const priorities = ['low', 'normal', 'high', 'urgent'] as const;
  const { store } = await storeWith(60, (i) => ({
    priority: priorities[i % 4],
    status: i % 4 === 0 ? 'waiting' : 'open',
  }));
  const rows = (sort: ListQuery['sort']) =>
    allPages(store, { sort }, 7).map(
      (id) =>
        store.db.prepare('SELECT created_at AS c, priority AS p, due_at AS d FROM submissions WHERE id = ?').get(id) as {
          c: number;
          p: string;
          d: number | null;
        },
    );
  const rank = (p: string) => priorities.indexOf(p as (typeof priorities)[number]);
  const ordered = <T>(list: T[], cmp: (a: T, b: T) => number) => list.every((r, i) => i === 0 || cmp(list[i - 1]!, r) <= 0);
  assert.ok(ordered(rows('newest'), (a, b) => b.c - a.c));
  assert.ok(ordered(rows('oldest'), (a, b) => a.c - b.c));
  assert.ok(ordered(rows('priority'), (a, b) => rank(b.p) - rank(a.p) || b.c - a.c));
  const due = rows('due');
  assert.ok(ordered(due, (a, b) => (a.d ?? Infinity) - (b.d ?? Infinity) || b.c - a.c));
  assert.equal(due.length, 60);
  assert.equal(due[due.length - 1]!.d, null, 'rows without a due time come last');
});

test('a search with more hits than the cap says "at least 1,000"; a rarer one is counted exactly; results come newest (or oldest) first, page after page', async () => {
  const { store } = await storeWith(1100, (i) => (i % 100 === 0 ? { subject: `Tủ lạnh Zebrano số ${i}`, body: 'Không lạnh' } : {}));
  const common = listSubmissions(store.db, 'complaint', { text: 'máy giặt', sort: 'newest', limit: 100 });
  assert.deepEqual(common.total, { n: 1000, exact: false });
  const rare = listSubmissions(store.db, 'complaint', { text: 'zebra', sort: 'newest', limit: 100 });
  assert.deepEqual(rare.total, { n: 11, exact: true }, 'a word begun is completed: zebra finds Zebrano');
  for (const sort of ['newest', 'oldest'] as const) {
    const ids = allPages(store, { text: 'may giat', sort }, 100);
    assert.equal(ids.length, 1100 - 11, 'every hit, once, however many pages');
    const times = ids.map((id) => store.db.prepare('SELECT created_at FROM submissions WHERE id = ?').pluck().get(id) as number);
    assert.deepEqual(
      times,
      [...times].sort((a, b) => (sort === 'newest' ? b - a : a - b)),
    );
  }
});

test('a search cannot be sorted by priority or due time, and a cursor of another sort is refused: both say why', async () => {
  const { store } = await storeWith(30);
  assert.throws(
    () => listSubmissions(store.db, 'complaint', { text: 'máy', sort: 'priority', limit: 10 }),
    (e) => e instanceof DomainError && e.code === 'invalid' && /time order/.test(e.message),
  );
  const newest = listSubmissions(store.db, 'complaint', { sort: 'newest', limit: 10 });
  assert.throws(
    () => listSubmissions(store.db, 'complaint', { sort: 'priority', limit: 10, after: newest.next! }),
    (e) => e instanceof DomainError && e.code === 'invalid',
  );
});

test('exact totals stay true as rows change status, change hands and leave', async () => {
  const { store } = await storeWith(40);
  store.db
    .prepare(
      `INSERT INTO staff (id, username, display_name, role, password_hash, created_at) VALUES ('00000000-0000-7000-8000-000000000001', 'lan', 'Lan', 'operator', 'x', 0)`,
    )
    .run();
  const ids = store.db.prepare('SELECT id FROM submissions ORDER BY seq').pluck().all() as string[];
  store.db.prepare(`UPDATE submissions SET status = 'closed' WHERE id IN (?, ?, ?)`).run(ids[0], ids[1], ids[2]);
  store.db.prepare(`UPDATE submissions SET assignee_id = '00000000-0000-7000-8000-000000000001' WHERE id IN (?, ?)`).run(ids[2], ids[3]);
  store.db.prepare('DELETE FROM submission_events WHERE submission_id = ?').run(ids[39]);
  store.db.prepare('DELETE FROM submissions WHERE id = ?').run(ids[39]);
  const total = (f: Partial<ListQuery>) => listSubmissions(store.db, 'complaint', { sort: 'newest', limit: 5, ...f }).total;
  const count = (where: string) =>
    store.db.prepare(`SELECT count(*) FROM submissions WHERE kind = 'complaint' ${where}`).pluck().get() as number;
  assert.deepEqual(total({}), { n: count(''), exact: true });
  assert.deepEqual(total({ status: 'closed' }), { n: 3, exact: true });
  assert.deepEqual(total({ assignee: '00000000-0000-7000-8000-000000000001' }), { n: 2, exact: true });
  assert.deepEqual(total({ assignee: '00000000-0000-7000-8000-000000000001', status: 'closed' }), { n: 1, exact: true });
  assert.deepEqual(total({ assignee: 'unassigned' }), { n: count('AND assignee_id IS NULL'), exact: true });
});

test('what is typed becomes whole words and a completed last word; FTS operators typed are plain text', async () => {
  const { store } = await storeWith(3, (i) => ({ subject: ['Điện thoại hỏng', 'Điện máy xanh', 'Diễn đàn'][i]!, body: 'NEAR or' }));
  assert.equal(searchQuery(store.db, 'Điện  thoại'), '"dien" AND ("thoai")');
  assert.equal(searchQuery(store.db, 'die'), '("dien")');
  assert.equal(searchQuery(store.db, 'NEAR("x" OR y)*'), '"near" AND "x" AND "or" AND "y"');
  assert.equal(searchQuery(store.db, '  ...  '), null);
  const hits = (text: string) => listSubmissions(store.db, 'complaint', { text, sort: 'newest', limit: 10 }).rows.map((r) => r.subject);
  assert.deepEqual(hits('dien t'), ['Điện thoại hỏng']);
  assert.deepEqual(hits('di'), ['Diễn đàn', 'Điện máy xanh', 'Điện thoại hỏng']);
  assert.deepEqual(hits('near or'), ['Diễn đàn', 'Điện máy xanh', 'Điện thoại hỏng']);
});
