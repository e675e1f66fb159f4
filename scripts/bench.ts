/**
 * npm run bench: the same schema and the same synthetic data (default 100,000 submissions of the five kinds
 * with their timeline events and staff replies, from ROWS/50 customers, worked by 6 people) built twice, once
 * in the encrypted store and once in plain better-sqlite3, measured the same way with the same queries; every
 * figure is printed with its encrypted/plain ratio. Usage: npm run bench -- [--rows N]
 *
 * Inbox pages: every sort the inbox offers crossed with every filter (none, a status, a person, unassigned,
 * a person and a status; and a tag on one submission in 5, alone or with a status, and one on one in 50 with a
 * person), the first page and the pages after it (each from the previous page's cursor).
 * Searches: common words (more hits than the count cap) and rare ones, first page and the next.
 * Every inbox: the first page of each kind's inbox (newest and soonest due first), My work of a director
 * (every inbox) and the page after it, the timeline of the customer with the most submissions, a folded
 * search, and the service clocks of a page (sla.ts clockViews), each beside its target with its verdict.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Plain from 'better-sqlite3';
import { newId } from '../common/ids.ts';
import { submissionKindsOf } from '../common/roles.ts';
import { makeSubmission, pickKind } from '../main/core/demo/submissions.ts';
import { between, makeCustomer, pick, seeded, type Rng } from '../main/core/demo/vietnamese.ts';
import { fold } from '../common/text/fold.ts';
import { searchCustomers } from '../main/core/domain/customer-directory.ts';
import { customerTimeline } from '../main/core/domain/customer-timeline.ts';
import { insertCustomer } from '../main/core/domain/customers.ts';
import { clockViews, settleClocks } from '../main/core/domain/sla.ts';
import { listMyWork } from '../main/core/domain/submission-list.ts';
import {
  customerOf,
  insertSubmissions,
  listSubmissions,
  PRIORITIES,
  SORTS,
  STATUSES,
  SUBMISSION_KINDS,
  type ListQuery,
  type NewSubmission,
  type Status,
  type SubmissionKind,
} from '../main/core/domain/submissions.ts';
import { systemKeychain } from '../main/core/security/keychain.ts';
import { configure, DB_FILE, migrate, openStore, type Db } from '../main/core/store/open.ts';
import { percentile } from './bench-stats.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' } } });
const ROWS = Number(values.rows);
if (!Number.isInteger(ROWS) || ROWS < 1000) throw new Error('--rows must be a whole number of at least 1000');
const MINUTE = 60_000;
const DAY = 86_400_000;
/** The rows arrive a minute apart up to now, so the service clocks are read as a desk reads them today. */
const NOW = Math.floor(Date.now() / MINUTE) * MINUTE;
const CUSTOMERS = Math.max(100, Math.round(ROWS / 50));
/** Regular customers (one in a hundred) send one submission in ten: their timelines run to hundreds. */
const REGULARS = Math.max(5, Math.round(CUSTOMERS / 100));
const REGULAR_SHARE = 0.1;
/** A handful of staff; the first is a director, who holds every inbox (My work is measured for them). */
const STAFF = Array.from({ length: 6 }, (_, i) => `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`);
const DIRECTOR = STAFF[0]!;
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
/** Every inbox: pages of this many (what the renderer asks for), this many rounds after one to warm up. */
const INBOX_PAGE = 50;
const INBOX_ROUNDS = 100;
const INBOX_SORTS = ['newest', 'due'] as const;
/** Typed without accents, found folded: "bảo hành" in questions about warranty terms. */
const FOLDED_SEARCH: { kind: SubmissionKind; text: string } = { kind: 'question', text: 'bao hanh' };
const MS = (n: number) => ({ ms: n, ratio: 1.2 });
const TARGETS = { page: MS(5), myWork: MS(5), search: MS(20), timeline: MS(5), sla: MS(5) };
const REPLIES = [
  'Chào anh/chị, bộ phận chăm sóc khách hàng đã nhận được thông tin và đang kiểm tra, sẽ phản hồi sớm nhất.',
  'Cảm ơn anh/chị đã liên hệ. Nhân viên của chúng tôi sẽ gọi điện cho anh/chị trong hôm nay để hỗ trợ.',
  'Xin lỗi anh/chị vì sự bất tiện. Chúng tôi đã chuyển yêu cầu cho chi nhánh gần nhất xử lý.',
  'Chúng tôi đã gửi thông tin chi tiết qua email, anh/chị vui lòng kiểm tra và phản hồi giúp.',
];

interface Target {
  name: string;
  open(): Promise<Db>;
  close(db: Db): void;
}

const keychain = systemKeychain();
const root = mkdtempSync(join(tmpdir(), 'backdesk-bench-'));
const encryptedDir = join(root, 'encrypted');
const plainFile = join(root, 'plain', DB_FILE);
// The plain store's contact-lookup key, the same at every open (its index of keyed hashes was built with it).
const plainContactKey = randomBytes(32).toString('hex');

const encrypted: Target = {
  name: 'encrypted',
  open: async () => (await openStore({ dataDir: encryptedDir, keychain })).db,
  close: (db) => db.close(),
};
const plain: Target = {
  name: 'plain',
  async open() {
    mkdirSync(join(root, 'plain'), { recursive: true });
    // The same pragmas, fold function and migrations as the store, minus the encryption.
    const db = new Plain(plainFile) as unknown as Db;
    configure(db, plainContactKey);
    migrate(db);
    return db;
  },
  close: (db) => db.close(),
};

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;

let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
function progress(line: string, done: boolean) {
  if (process.stderr.isTTY) process.stderr.write(`\r${line}${done ? '\n' : ''}`);
  else if (done) process.stderr.write(`${line}\n`);
}

/**
 * What is still to do came in lately; older work is closed, but for a little that waits on the customer and a
 * forgotten few still open (a due-ordered inbox shows those first).
 */
function statusOf(rng: Rng, ageDays: number): Status {
  const r = rng();
  if (ageDays < 3) return r < 0.35 ? 'new' : r < 0.7 ? 'open' : r < 0.8 ? 'waiting' : 'closed';
  if (ageDays < 30) return r < 0.05 ? 'new' : r < 0.2 ? 'open' : r < 0.3 ? 'waiting' : 'closed';
  return r < 0.002 ? 'new' : r < 0.005 ? 'open' : r < 0.015 ? 'waiting' : 'closed';
}

/** The data the fill made, the same in both stores (counted as it was drawn). */
interface Shape {
  kinds: Record<SubmissionKind, number>;
  statuses: Record<Status, number>;
  assigned: number;
  /** New or open a month after they came in: forgotten, and long overdue. */
  forgotten: number;
  replies: number;
  /** The customer with the most submissions (by their place in the fill) and how many they sent. */
  busiest: { index: number; n: number };
}

/**
 * Oldest first, a minute apart up to now, as submissions arrive: the five kinds in the demo's proportions
 * (demo/submissions.ts KIND_MIX) with each kind's own text; the status by age (statusOf); three in five
 * assigned to one of the staff; most worked rows replied to by staff within hours. Each row's service clock
 * is settled by the insert itself (sla.ts settleClocks), again after its reply.
 */
function fill(db: Db, name: string): { rate: number; customers: string[]; shape: Shape } {
  const rng = seeded(7);
  db.transaction(() => {
    for (const [i, id] of STAFF.entries()) {
      db.prepare(`INSERT INTO staff (id, username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, 'x', 0)`).run(
        id,
        `bench${i}`,
        `Nhân viên ${i}`,
        id === DIRECTOR ? 'director' : 'operator',
      );
    }
  })();
  const customers = db.transaction(() =>
    Array.from({ length: CUSTOMERS }, (_, i) => insertCustomer(db, { ...makeCustomer(rng, i), createdAt: NOW - 900 * DAY })),
  )();
  const shape: Shape = {
    kinds: Object.fromEntries(SUBMISSION_KINDS.map((k) => [k, 0])) as Record<SubmissionKind, number>,
    statuses: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>,
    assigned: 0,
    forgotten: 0,
    replies: 0,
    busiest: { index: 0, n: 0 },
  };
  const perCustomer = new Array<number>(CUSTOMERS).fill(0);
  const reply = db.prepare(
    `INSERT INTO submission_events (id, submission_id, type, actor_id, body, data, created_at) VALUES (?, ?, 'reply', ?, ?, ?, ?)`,
  );
  const started = process.hrtime.bigint();
  for (let done = 0; done < ROWS; done += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, ROWS - done) }, (_, j) => {
      const createdAt = NOW - (ROWS - done - j) * MINUTE;
      const kind = pickKind(rng);
      const status = statusOf(rng, (NOW - createdAt) / DAY);
      const assigneeId = rng() < (status === 'new' ? 0.25 : 0.62) ? pick(rng, STAFF) : null;
      const { subject, body, details } = makeSubmission(rng, kind, createdAt);
      const regular = rng() < REGULAR_SHARE;
      const customer = Math.floor(rng() * (regular ? REGULARS : CUSTOMERS));
      const priority = pick(rng, PRIORITIES);
      // Within four hours, at a second of its own (never on a submission's minute: the timeline's order has no ties).
      const repliedAt = status !== 'new' && rng() < 0.85 ? createdAt + between(rng, 600, 14_400) * 1000 + 500 : null;
      const row: NewSubmission = {
        kind,
        customerId: customers[customer]!,
        subject,
        body,
        details,
        status,
        priority,
        assigneeId,
        createdAt,
      };
      shape.kinds[kind]++;
      shape.statuses[status]++;
      if (assigneeId) shape.assigned++;
      if (NOW - createdAt >= 30 * DAY && (status === 'new' || status === 'open')) shape.forgotten++;
      perCustomer[customer]!++;
      const answer =
        repliedAt !== null && repliedAt < NOW ? { at: repliedAt, by: assigneeId ?? pick(rng, STAFF), text: pick(rng, REPLIES) } : null;
      if (answer) shape.replies++;
      return { row, answer };
    });
    db.transaction(() => {
      const ids = insertSubmissions(
        db,
        batch.map((b) => b.row),
      );
      batch.forEach(({ answer }, i) => {
        if (!answer) return;
        const data = { delivery: 'sent', sentAt: new Date(answer.at + MINUTE).toISOString(), messageId: `<bench-${done + i}@backdesk>` };
        reply.run(newId(), ids[i], answer.by, answer.text, JSON.stringify(data), answer.at);
      });
      // The replies queued their submissions' clocks again (first response met): settled as every write does.
      settleClocks(db);
    })();
    sampleRss();
    const rate = Math.round((done + batch.length) / (ms(started) / 1000));
    progress(
      `  ${name}: ${(done + batch.length).toLocaleString('en')} of ${ROWS.toLocaleString('en')} submissions (${rate.toLocaleString('en')} rows/s)`,
      false,
    );
  }
  const rate = ROWS / (ms(started) / 1000);
  progress(`  ${name}: ${ROWS.toLocaleString('en')} submissions at ${Math.round(rate).toLocaleString('en')} rows/s`, true);
  // One row in 5 and one in 50 are tagged, by the minute each was made, the same rows in both stores.
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
  perCustomer.forEach((n, index) => {
    if (n > shape.busiest.n) shape.busiest = { index, n };
  });
  return { rate, customers, shape };
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

interface Measured {
  figures: Figures;
  /** The store, still open (and warm) for the every-inbox rounds. */
  db: Db;
  customers: string[];
  shape: Shape;
}

async function measure(target: Target): Promise<Measured> {
  let db = await target.open();
  const { rate: insertRate, customers, shape } = fill(db, target.name);
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
  return { figures: f, db, customers, shape };
}

/** One every-inbox figure: its samples in each store and the target it is held to. */
interface InboxFigure {
  name: string;
  target: { ms: number; ratio: number };
  samples: [number[], number[]];
}

/** A page's rows as clockViews reads them (the list hands out the clock it computed, not these columns). */
function clockRows(db: Db, ids: readonly string[]) {
  const read = db.prepare(
    `SELECT kind, due_at AS dueAt, due_what AS dueWhat, clock_used AS clockUsed, status FROM submissions WHERE id = ?`,
  );
  return ids.map((id) => read.get(id) as Parameters<typeof clockViews>[1][number]);
}

/**
 * Every inbox a director holds, measured in both stores in turn (the order swapped each round, so load from
 * elsewhere on the machine falls on both alike): each kind's first page newest and soonest due first, My work
 * and its next page, the busiest customer's timeline as the API reads it (customerOf, then customerTimeline),
 * a folded search, and the clocks of the pages read (clockViews on the rows of each, timed alone).
 */
function everyInbox(stores: Measured[]): { figures: InboxFigure[]; answers: string[][]; myWork: number; found: string } {
  const kinds = submissionKindsOf({ role: 'director', grants: [] });
  const figures: InboxFigure[] = [];
  const figure = (name: string, target: { ms: number; ratio: number }) => {
    const f: InboxFigure = { name, target, samples: [[], []] };
    figures.push(f);
    return f.samples;
  };
  const pages = Object.fromEntries(
    kinds.flatMap((kind) => INBOX_SORTS.map((sort) => [`${kind} ${sort}`, figure(`${kind} first page, ${sort}`, TARGETS.page)])),
  );
  const workFirst = figure('My work first page (5 inboxes)', TARGETS.myWork);
  const workNext = figure('My work next page (cursor)', TARGETS.myWork);
  const timeline = figure('customer timeline first page', TARGETS.timeline);
  const search = figure(`folded search "${FOLDED_SEARCH.text}" (${FOLDED_SEARCH.kind})`, TARGETS.search);
  const nameSearch = figure('customer search by name, folded (Customers screen)', TARGETS.search);
  const phoneSearch = figure('customer search by phone number as typed', TARGETS.page);
  const slaNewest = figure('SLA for a page (newest pages)', TARGETS.sla);
  const slaDue = figure('SLA for a page (due pages, My work)', TARGETS.sla);
  const answers: string[][] = stores.map(() => []);
  let myWork = 0;
  let hits = '';
  // The busiest customer and the submission their card is opened from (their newest), found untimed.
  const who = stores.map(({ db, customers, shape }) => {
    const customer = customers[shape.busiest.index]!;
    const { id } = db.prepare('SELECT id FROM submissions WHERE customer_id = ? ORDER BY created_at DESC LIMIT 1').get(customer) as {
      id: string;
    };
    const { kind } = db.prepare('SELECT kind FROM submissions WHERE id = ?').get(id) as { kind: SubmissionKind };
    return { id, kind };
  });
  const see = { kinds, comments: true };
  // What a director types on the Customers screen to find the busiest customer: two words of the name without
  // marks (matched row by row), or the number in its international form (down the keyed-hash index).
  const lookups = stores.map(({ db, customers, shape }) => {
    const c = db.prepare('SELECT full_name, phone FROM customers WHERE id = ?').get(customers[shape.busiest.index]!) as {
      full_name: string;
      phone: string;
    };
    return { name: fold(c.full_name).split(' ').slice(-2).join(' '), phone: `+84 ${c.phone.replace(/\D/g, '').slice(1)}` };
  });
  const searcher = { role: 'director' as const, grants: [] };
  for (let round = -1; round < INBOX_ROUNDS; round++) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const s of order) {
      const { db } = stores[s]!;
      // Round -1 warms the statements and the cache; it is not counted.
      const time = <T>(samples: [number[], number[]], fn: () => T): T => (round < 0 ? fn() : timed(samples[s]!, fn));
      const note = (line: string) => round === 0 && answers[s]!.push(line);
      const clockPages: { ids: string[]; samples: [number[], number[]] }[] = [];
      for (const kind of kinds) {
        for (const sort of INBOX_SORTS) {
          const page = time(pages[`${kind} ${sort}`]!, () => listSubmissions(db, kind, { sort, limit: INBOX_PAGE }));
          note(`${kind} ${sort} ${page.total?.n} ${page.rows.map((r) => r.createdAt).join()}`);
          clockPages.push({ ids: page.rows.map((r) => r.id), samples: sort === 'due' ? slaDue : slaNewest });
        }
      }
      const first = time(workFirst, () => listMyWork(db, kinds, DIRECTOR, { limit: INBOX_PAGE }));
      myWork = first.total?.n ?? 0;
      note(`my work ${first.total?.n} ${first.rows.map((r) => r.createdAt).join()}`);
      clockPages.push({ ids: first.rows.map((r) => r.id), samples: slaDue });
      if (first.next) {
        const after = first.next;
        const next = time(workNext, () => listMyWork(db, kinds, DIRECTOR, { after, limit: INBOX_PAGE }));
        note(`my work next ${next.rows.map((r) => r.createdAt).join()}`);
      }
      const { id, kind } = who[s]!;
      const items = time(timeline, () => customerTimeline(db, customerOf(db, kind, id), see, { limit: INBOX_PAGE }));
      note(`timeline ${items.items.map((i) => `${i.type}@${i.at}`).join()}`); // ids differ between the stores; times do not
      const found = time(search, () =>
        listSubmissions(db, FOLDED_SEARCH.kind, { text: FOLDED_SEARCH.text, sort: 'newest', limit: INBOX_PAGE }),
      );
      hits = found.total!.exact ? String(found.total!.n) : `more than ${found.total!.n}`;
      note(`search ${JSON.stringify(found.total)} ${found.rows.map((r) => r.createdAt).join()}`);
      const { name, phone } = lookups[s]!;
      note(`customers named ${name}: ${time(nameSearch, () => searchCustomers(db, searcher, name)).length}`);
      note(`customers with ${phone}: ${time(phoneSearch, () => searchCustomers(db, searcher, phone)).length}`);
      for (const p of clockPages) {
        const rows = clockRows(db, p.ids);
        time(p.samples, () => clockViews(db, rows));
      }
    }
    if (round >= 0) progress(`  every inbox: round ${round + 1} of ${INBOX_ROUNDS}`, false);
  }
  progress(`  every inbox: ${INBOX_ROUNDS} rounds done`, true);
  return { figures, answers, myWork, found: hits };
}

const pct = (n: number, of: number) => `${Math.round((100 * n) / of)}%`;
console.log(
  `Backdesk store benchmark: ${ROWS.toLocaleString('en')} submissions from ${CUSTOMERS.toLocaleString('en')} customers, Node ${process.version}`,
);
try {
  const me = await measure(encrypted);
  const encryptedRss = peakRss;
  const mp = await measure(plain);
  const [e, p] = [me.figures, mp.figures];
  const differ = e.answers.findIndex((a, i) => a !== p.answers[i]);
  if (differ >= 0) throw new Error(`the two stores answered differently: ${e.answers[differ]!.slice(0, 200)}`);
  const inbox = everyInbox([me, mp]);
  const [ea, pa] = inbox.answers as [string[], string[]];
  const inboxDiffer = ea.findIndex((a, i) => a !== pa[i]);
  if (inboxDiffer >= 0 || ea.length !== pa.length) {
    throw new Error(
      `the two stores answered differently: ${(ea[inboxDiffer] ?? '').slice(0, 200)} | ${(pa[inboxDiffer] ?? '').slice(0, 200)}`,
    );
  }
  const pair = (name: string, a: number[], b: number[]): [string, number, number, string][] => [
    [`${name} p50`, percentile(a, 50), percentile(b, 50), 'ms'],
    [`${name} p95`, percentile(a, 95), percentile(b, 95), 'ms'],
  ];
  const rows: [string, number, number, string][] = [
    ['bulk insert (submissions/s, higher is better)', e.insertRate, p.insertRate, 'rows/s'],
    ...pair('inbox first page, any sort and filter', e.firstPage, p.firstPage),
    ...pair('inbox first page, filtered by a tag', e.firstTagPage, p.firstTagPage),
    ...pair('inbox next pages (cursor)', e.nextPage, p.nextPage),
    ...pair('search first page, common words', e.commonSearch, p.commonSearch),
    ...pair('search first page, rare words', e.rareSearch, p.rareSearch),
    ...pair('search next page', e.nextSearch, p.nextSearch),
    ['first page right after opening (cold cache)', e.coldPage, p.coldPage, 'ms'],
    ...pair('store open (encrypted: keychain + key check)', e.open, p.open),
  ];
  const fmt = (n: number, unit: string) =>
    Number.isNaN(n) ? 'n/a' : unit === 'rows/s' ? Math.round(n).toLocaleString('en') : n.toFixed(3);
  const { shape } = me;
  console.log(
    `\nData: ${SUBMISSION_KINDS.map((k) => `${k} ${pct(shape.kinds[k], ROWS)}`).join(', ')}; ` +
      `${STATUSES.map((s) => `${s} ${pct(shape.statuses[s], ROWS)}`).join(', ')}; ` +
      `${pct(shape.assigned, ROWS)} assigned to ${STAFF.length} people; ${shape.replies.toLocaleString('en')} staff replies; ` +
      `${shape.forgotten.toLocaleString('en')} still new or open a month on; ` +
      `over ${Math.round((ROWS * MINUTE) / DAY)} days. The busiest customer sent ${shape.busiest.n.toLocaleString('en')}.`,
  );
  console.log(`\n${'measure'.padEnd(50)} ${'encrypted'.padStart(12)} ${'plain'.padStart(12)} ${'enc/plain'.padStart(10)}`);
  for (const [name, enc, pl, unit] of rows) {
    console.log(
      `${name.padEnd(50)} ${fmt(enc, unit).padStart(12)} ${fmt(pl, unit).padStart(12)} ${Number.isNaN(enc / pl) ? '       n/a' : `${(enc / pl).toFixed(2).padStart(9)}x`}`,
    );
  }
  console.log(
    `\nPages of ${PAGE}: ${LISTS.length} sort and filter combinations x ${LIST_ROUNDS} rounds, each with ${PAGES_AFTER} pages after the first.`,
  );
  console.log(`Searches (${SEARCH_ROUNDS} rounds): ${SEARCHES.join(', ')}; common means more hits than the count shows.`);
  console.log(
    `${OPEN_RUNS} opens. Peak resident memory while the encrypted store was built and read: ${Math.round(encryptedRss / 2 ** 20)} MB.`,
  );

  console.log(
    `\nEvery inbox (pages of ${INBOX_PAGE}, ${INBOX_ROUNDS} rounds after one to warm up, the stores alternating), ms; ` +
      `time is met when the encrypted p95 is within the target, ratio when both enc/plain ratios are:`,
  );
  const head = ['enc p50', 'enc p95', 'plain p50', 'plain p95', 'ratio p50', 'ratio p95', 'target', 'time', 'ratio'];
  console.log(`${'figure'.padEnd(42)} ${head.map((h, i) => h.padStart(i < 6 ? 9 : 7)).join(' ')}`);
  const missed: string[] = [];
  const unmeasured: string[] = [];
  for (const f of inbox.figures) {
    if (f.samples.some((s) => s.length === 0)) {
      unmeasured.push(f.name);
      console.log(`${f.name.padEnd(42)} not measured (no such page in this data)`);
      continue;
    }
    const [enc, pl] = f.samples.map((s) => [percentile(s, 50), percentile(s, 95)]) as [[number, number], [number, number]];
    const ratios = [enc[0] / pl[0], enc[1] / pl[1]];
    const timeMet = enc[1] <= f.target.ms;
    const ratioMet = ratios.every((r) => r <= f.target.ratio);
    if (!timeMet) missed.push(`${f.name} (p95 ${enc[1].toFixed(2)} ms > ${f.target.ms} ms)`);
    if (!ratioMet) missed.push(`${f.name} (enc/plain ${ratios.map((r) => r.toFixed(2)).join(' / ')} > ${f.target.ratio})`);
    const cells = [
      ...[...enc, ...pl].map((n) => n.toFixed(3).padStart(9)),
      ...ratios.map((r) => `${r.toFixed(2)}x`.padStart(9)),
      `≤${f.target.ms}`.padStart(7),
      (timeMet ? 'met' : 'missed').padStart(7),
      (ratioMet ? 'met' : 'missed').padStart(7),
    ];
    console.log(`${f.name.padEnd(42)} ${cells.join(' ')}`);
  }
  console.log(
    `Targets: first pages and My work p95 ≤ ${TARGETS.page.ms} ms, folded search ≤ ${TARGETS.search.ms} ms, ` +
      `timeline and SLA per page ≤ ${TARGETS.sla.ms} ms, each enc/plain ≤ ${TARGETS.page.ratio}. ` +
      `My work of the director: ${inbox.myWork.toLocaleString('en')} rows; the timeline's customer: ${shape.busiest.n.toLocaleString('en')} submissions; ` +
      `the folded search's hits: ${inbox.found}.`,
  );
  const checks = (inbox.figures.length - unmeasured.length) * 2;
  console.log(
    (missed.length === 0
      ? `All ${checks} targets met.`
      : `${checks - missed.length} of ${checks} targets met; missed: ${missed.join('; ')}.`) +
      (unmeasured.length > 0 ? ` Not measured: ${unmeasured.join(', ')}.` : ''),
  );
  me.db.close();
  mp.db.close();
} finally {
  rmSync(root, { recursive: true, force: true });
}
