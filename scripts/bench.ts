/**
 * npm run bench: the same schema and the same synthetic data (default 100,000 submissions with their
 * timeline events, from ROWS/50 customers, worked by 10 people) built twice, once in the encrypted store and
 * once in plain better-sqlite3, measured the same way with the same queries; every figure is printed with
 * its encrypted/plain ratio. Usage: npm run bench -- [--rows N]
 *
 * Inbox pages: every sort the inbox offers crossed with every filter (none, a status, a person, unassigned,
 * a person and a status; and a tag on one submission in 5, alone or with a status, and one on one in 50 with a
 * person), the first page and the pages after it (each from the previous page's cursor).
 * Searches: common words (more hits than the count cap) and rare ones, first page and the next.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Plain from 'better-sqlite3';
import { makeComplaint, makeCustomer, pick, seeded } from '../main/core/demo/vietnamese.ts';
import { insertCustomer } from '../main/core/domain/customers.ts';
import { insertSubmissions, listSubmissions, PRIORITIES, SORTS, STATUSES, type ListQuery } from '../main/core/domain/submissions.ts';
import { systemKeychain } from '../main/core/security/keychain.ts';
import { configure, DB_FILE, migrate, openStore, type Db } from '../main/core/store/open.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' } } });
const ROWS = Number(values.rows);
if (!Number.isInteger(ROWS) || ROWS < 1000) throw new Error('--rows must be a whole number of at least 1000');
const CUSTOMERS = Math.max(100, Math.round(ROWS / 50));
const STAFF = Array.from({ length: 10 }, (_, i) => `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`);
const BATCH = 10_000;
const PAGE = 100;
const PAGES_AFTER = 4;
const OPEN_RUNS = 20;
// A tag on one submission in 5 and one on one in 50 (migration 0011: their lists walk submission_tags' indexes).
const COMMON_TAG = '00000000-0000-7000-8000-7a9000000005';
const RARE_TAG = '00000000-0000-7000-8000-7a9000000050';
const FILTERS: Pick<ListQuery, 'status' | 'assignee' | 'tag'>[] = [
  {},
  { status: 'open' },
  { status: 'closed' },
  { assignee: STAFF[0] },
  { assignee: 'unassigned' },
  { assignee: STAFF[1], status: 'waiting' },
  { tag: COMMON_TAG },
  { tag: COMMON_TAG, status: 'open' },
  { tag: RARE_TAG, assignee: STAFF[0] },
];
const LISTS = SORTS.flatMap((sort) => FILTERS.map((f) => ({ sort, ...f })));
const LIST_ROUNDS = 5;
// Common: words of most complaints (past the count cap); rare: a product and its fault, an order number.
const SEARCHES = [
  'khieu nai',
  'dien thoai',
  'giao hang tre',
  'hoan tien',
  'man hinh diem chet',
  'tu lanh panasonic',
  'KHIẾU NẠI máy giặt',
  'DH123456',
];
const SEARCH_ROUNDS = 20;

interface Target {
  name: string;
  open(): Promise<Db>;
  close(db: Db): void;
}

const keychain = systemKeychain();
const root = mkdtempSync(join(tmpdir(), 'backdesk-bench-'));
const encryptedDir = join(root, 'encrypted');
const plainFile = join(root, 'plain', DB_FILE);

const encrypted: Target = {
  name: 'encrypted',
  open: async () => (await openStore({ dataDir: encryptedDir, keychain })).db,
  close: (db) => db.close(),
};
const plain: Target = {
  name: 'plain',
  async open() {
    mkdirSync(join(root, 'plain'), { recursive: true });
    // The same pragmas, fold function and migrations as the store, minus the key.
    const db = new Plain(plainFile) as unknown as Db;
    configure(db);
    migrate(db);
    return db;
  },
  close: (db) => db.close(),
};

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
function progress(line: string, done: boolean) {
  if (process.stderr.isTTY) process.stderr.write(`\r${line}${done ? '\n' : ''}`);
  else if (done) process.stderr.write(`${line}\n`);
}

/** Oldest first, as submissions arrive; three in five are assigned, open ones have a due time. */
function fill(db: Db, name: string): number {
  const rng = seeded(7);
  const now = Date.UTC(2026, 10, 1);
  db.transaction(() => {
    for (const [i, id] of STAFF.entries()) {
      db.prepare(
        `INSERT INTO staff (id, username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, 'operator', 'x', 0)`,
      ).run(id, `bench${i}`, `Nhân viên ${i}`);
    }
  })();
  const customers = db.transaction(() =>
    Array.from({ length: CUSTOMERS }, (_, i) => insertCustomer(db, { ...makeCustomer(rng, i), createdAt: now })),
  )();
  const started = process.hrtime.bigint();
  for (let done = 0; done < ROWS; done += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, ROWS - done) }, (_, j) => {
      const createdAt = now - (ROWS - done - j) * 60_000;
      const status = pick(rng, STATUSES);
      return {
        kind: 'complaint' as const,
        customerId: pick(rng, customers),
        ...makeComplaint(rng),
        status,
        priority: pick(rng, PRIORITIES),
        assigneeId: rng() < 0.6 ? pick(rng, STAFF) : null,
        dueAt: status === 'closed' ? null : createdAt + Math.floor(rng() * 7 * 86_400_000),
        createdAt,
      };
    });
    db.transaction(() => insertSubmissions(db, batch))();
    sampleRss();
    const rate = Math.round((done + batch.length) / (ms(started) / 1000));
    progress(
      `  ${name}: ${(done + batch.length).toLocaleString('en')} of ${ROWS.toLocaleString('en')} submissions (${rate.toLocaleString('en')} rows/s)`,
      false,
    );
  }
  const rate = ROWS / (ms(started) / 1000);
  progress(`  ${name}: ${ROWS.toLocaleString('en')} submissions at ${Math.round(rate).toLocaleString('en')} rows/s`, true);
  // Rows are a minute apart: every 5th and every 50th minute is tagged, the same rows in both stores.
  db.transaction(() => {
    for (const [id, every] of [
      [COMMON_TAG, 5],
      [RARE_TAG, 50],
    ] as const) {
      db.prepare(`INSERT INTO tags (id, name, color, updated_at) VALUES (?, ?, 'red', 0)`).run(id, `Nhãn ${every}`);
      db.prepare(
        `INSERT INTO submission_tags (tag_id, kind, seq, submission_id, status, assignee_id, urgency, due_rank)
         SELECT ?, kind, seq, id, status, assignee_id, urgency, due_rank FROM submissions WHERE (created_at / 60000) % ? = 0`,
      ).run(id, every);
    }
  })();
  return rate;
}

function timed<T>(samples: number[], fn: () => T): T {
  const t = process.hrtime.bigint();
  const out = fn();
  samples.push(ms(t));
  return out;
}

interface Figures {
  insertRate: number;
  coldPage: number;
  firstPage: number[];
  /** The first pages of the lists filtered by a tag (in firstPage too). */
  firstTagPage: number[];
  nextPage: number[];
  commonSearch: number[];
  rareSearch: number[];
  nextSearch: number[];
  open: number[];
  /** What the queries answered: equal for both stores or the comparison is void. */
  answers: string[];
}

async function measure(target: Target): Promise<Figures> {
  let db = await target.open();
  const insertRate = fill(db, target.name);
  target.close(db);
  const open = [];
  for (let i = 0; i < OPEN_RUNS; i++) {
    const t = process.hrtime.bigint();
    db = await target.open();
    open.push(ms(t));
    if (i < OPEN_RUNS - 1) target.close(db);
  }
  // The page a person sees right after signing in: nothing of the store is in the page cache yet.
  const cold: number[] = [];
  timed(cold, () => listSubmissions(db, 'complaint', { sort: 'newest', limit: PAGE }));
  const f: Figures = {
    insertRate,
    coldPage: cold[0]!,
    firstPage: [],
    firstTagPage: [],
    nextPage: [],
    commonSearch: [],
    rareSearch: [],
    nextSearch: [],
    open,
    answers: [],
  };
  const total = LISTS.length * LIST_ROUNDS + SEARCHES.length * SEARCH_ROUNDS;
  let runs = 0;
  for (let round = 0; round < LIST_ROUNDS; round++) {
    for (const q of LISTS) {
      let page = timed(f.firstPage, () => listSubmissions(db, 'complaint', { ...q, limit: PAGE }));
      if (q.tag) f.firstTagPage.push(f.firstPage[f.firstPage.length - 1]!);
      const ids = [page.rows.map((r) => r.createdAt).join()];
      for (let p = 0; p < PAGES_AFTER && page.next; p++) {
        const after = page.next;
        page = timed(f.nextPage, () => listSubmissions(db, 'complaint', { ...q, after, limit: PAGE }));
        ids.push(page.rows.map((r) => r.createdAt).join());
      }
      if (round === 0) f.answers.push(`${JSON.stringify(q)} ${ids.join()}`);
      progress(`  ${target.name}: queries ${++runs} of ${total}`, false);
    }
  }
  for (let round = 0; round < SEARCH_ROUNDS; round++) {
    for (const text of SEARCHES) {
      const t = process.hrtime.bigint();
      const first = listSubmissions(db, 'complaint', { text, sort: 'newest', limit: PAGE });
      (first.total!.exact ? f.rareSearch : f.commonSearch).push(ms(t));
      if (first.next) {
        const after = first.next;
        timed(f.nextSearch, () => listSubmissions(db, 'complaint', { text, sort: 'newest', after, limit: PAGE }));
      }
      if (round === 0) f.answers.push(`${text} ${JSON.stringify(first.total)} ${first.rows.map((r) => r.createdAt).join()}`);
      progress(`  ${target.name}: queries ${++runs} of ${total}`, false);
    }
  }
  progress(`  ${target.name}: ${total} queries done`, true);
  sampleRss();
  target.close(db);
  return f;
}

console.log(
  `Backdesk store benchmark: ${ROWS.toLocaleString('en')} submissions from ${CUSTOMERS.toLocaleString('en')} customers, Node ${process.version}`,
);
try {
  const e = await measure(encrypted);
  const encryptedRss = peakRss;
  const p = await measure(plain);
  const differ = e.answers.findIndex((a, i) => a !== p.answers[i]);
  if (differ >= 0) throw new Error(`the two stores answered differently: ${e.answers[differ]!.slice(0, 200)}`);
  const pair = (name: string, a: number[], b: number[]): [string, number, number, string][] => [
    [`${name} p50`, percentile(a, 50), percentile(b, 50), 'ms'],
    [`${name} p95`, percentile(a, 95), percentile(b, 95), 'ms'],
  ];
  const rows: [string, number, number, string][] = [
    ['bulk insert (rows/s, higher is better)', e.insertRate, p.insertRate, 'rows/s'],
    ...pair('inbox first page, any sort and filter', e.firstPage, p.firstPage),
    ...pair('inbox first page, filtered by a tag', e.firstTagPage, p.firstTagPage),
    ...pair('inbox next pages (cursor)', e.nextPage, p.nextPage),
    ...pair('search first page, common words', e.commonSearch, p.commonSearch),
    ...pair('search first page, rare words', e.rareSearch, p.rareSearch),
    ...pair('search next page', e.nextSearch, p.nextSearch),
    ['first page right after opening (cold cache)', e.coldPage, p.coldPage, 'ms'],
    ...pair('store open (encrypted: keychain + key check)', e.open, p.open),
  ];
  const fmt = (n: number, unit: string) => (unit === 'rows/s' ? Math.round(n).toLocaleString('en') : n.toFixed(3));
  console.log(`\n${'measure'.padEnd(50)} ${'encrypted'.padStart(12)} ${'plain'.padStart(12)} ${'enc/plain'.padStart(10)}`);
  for (const [name, enc, pl, unit] of rows) {
    console.log(`${name.padEnd(50)} ${fmt(enc, unit).padStart(12)} ${fmt(pl, unit).padStart(12)} ${(enc / pl).toFixed(2).padStart(9)}x`);
  }
  console.log(
    `\nPages of ${PAGE}: ${LISTS.length} sort and filter combinations x ${LIST_ROUNDS} rounds, each with ${PAGES_AFTER} pages after the first.`,
  );
  console.log(`Searches (${SEARCH_ROUNDS} rounds): ${SEARCHES.join(', ')}; common means more hits than the count shows.`);
  console.log(
    `${OPEN_RUNS} opens. Peak resident memory while the encrypted store was built and read: ${Math.round(encryptedRss / 2 ** 20)} MB.`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
