/**
 * npm run bench: the same schema and the same synthetic data (default 100,000 submissions) built twice,
 * once in the encrypted store and once in plain better-sqlite3, measured the same way; every figure is
 * printed with its encrypted/plain ratio. Usage: npm run bench -- [--rows N]
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Plain from 'better-sqlite3';
import { makeComplaint, makeCustomer, pick, seeded } from '../main/core/demo/vietnamese.ts';
import { insertCustomer } from '../main/core/domain/customers.ts';
import { insertSubmission, listSubmissions, PRIORITIES, STATUSES } from '../main/core/domain/submissions.ts';
import { systemKeychain } from '../main/core/security/keychain.ts';
import { configure, DB_FILE, migrate, openStore, type Db } from '../main/core/store/open.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' } } });
const ROWS = Number(values.rows);
if (!Number.isInteger(ROWS) || ROWS < 1000) throw new Error('--rows must be a whole number of at least 1000');
const CUSTOMERS = Math.max(100, Math.round(ROWS / 50));
const BATCH = 10_000;
const QUERY_RUNS = 200;
const OPEN_RUNS = 20;
const SEARCHES = ['dien thoai', 'giao hang tre', 'man hinh diem chet', 'hoan tien', 'tu lanh panasonic', 'KHIẾU NẠI máy giặt'];

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

function fill(db: Db): number {
  const rng = seeded(7);
  const now = Date.UTC(2026, 10, 1);
  const customers = db.transaction(() =>
    Array.from({ length: CUSTOMERS }, (_, i) => insertCustomer(db, { ...makeCustomer(rng, i), createdAt: now })),
  )();
  const started = process.hrtime.bigint();
  for (let done = 0; done < ROWS; done += BATCH) {
    db.transaction(() => {
      for (let i = done; i < Math.min(ROWS, done + BATCH); i++) {
        insertSubmission(db, {
          kind: 'complaint',
          customerId: pick(rng, customers),
          ...makeComplaint(rng),
          status: pick(rng, STATUSES),
          priority: pick(rng, PRIORITIES),
          createdAt: now - i * 60_000,
        });
      }
    })();
  }
  return ROWS / (ms(started) / 1000);
}

function timeRuns(runs: number, fn: (i: number) => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn(i);
    samples.push(ms(t));
  }
  return samples;
}

interface Figures {
  insertRate: number;
  page: number[];
  search: number[];
  open: number[];
  hits: number;
}

async function measure(target: Target): Promise<Figures> {
  let db = await target.open();
  const insertRate = fill(db);
  target.close(db);
  const open = [];
  for (let i = 0; i < OPEN_RUNS; i++) {
    const t = process.hrtime.bigint();
    db = await target.open();
    open.push(ms(t));
    if (i < OPEN_RUNS - 1) target.close(db);
  }
  const page = timeRuns(QUERY_RUNS, (i) =>
    listSubmissions(db, 'complaint', { status: STATUSES[i % STATUSES.length], sort: 'newest', offset: 0, limit: 100 }),
  );
  let hits = 0;
  const search = timeRuns(QUERY_RUNS, (i) => {
    hits += listSubmissions(db, 'complaint', { text: SEARCHES[i % SEARCHES.length], sort: 'newest', offset: 0, limit: 100 }).total;
  });
  target.close(db);
  return { insertRate, page, search, open, hits };
}

console.log(
  `Backdesk store benchmark: ${ROWS.toLocaleString('en')} submissions from ${CUSTOMERS.toLocaleString('en')} customers, Node ${process.version}`,
);
try {
  const e = await measure(encrypted);
  const p = await measure(plain);
  if (e.hits !== p.hits) throw new Error(`the two stores answered the searches differently (${e.hits} vs ${p.hits} hits)`);
  const rows: [string, number, number, string][] = [
    ['bulk insert (rows/s, higher is better)', e.insertRate, p.insertRate, 'rows/s'],
    ['inbox first page, status filter p50', percentile(e.page, 50), percentile(p.page, 50), 'ms'],
    ['inbox first page, status filter p95', percentile(e.page, 95), percentile(p.page, 95), 'ms'],
    ['folded text search p50', percentile(e.search, 50), percentile(p.search, 50), 'ms'],
    ['folded text search p95', percentile(e.search, 95), percentile(p.search, 95), 'ms'],
    ['store open p50 (encrypted: keychain + key check)', percentile(e.open, 50), percentile(p.open, 50), 'ms'],
  ];
  const fmt = (n: number, unit: string) => (unit === 'rows/s' ? Math.round(n).toLocaleString('en') : n.toFixed(3));
  console.log(`\n${'measure'.padEnd(50)} ${'encrypted'.padStart(12)} ${'plain'.padStart(12)} ${'enc/plain'.padStart(10)}`);
  for (const [name, enc, pl, unit] of rows) {
    console.log(`${name.padEnd(50)} ${fmt(enc, unit).padStart(12)} ${fmt(pl, unit).padStart(12)} ${(enc / pl).toFixed(2).padStart(9)}x`);
  }
  console.log(
    `\n${QUERY_RUNS} runs per query (searches: ${SEARCHES.join(', ')}; ${e.hits / QUERY_RUNS} hits per search on average), ${OPEN_RUNS} opens.`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
