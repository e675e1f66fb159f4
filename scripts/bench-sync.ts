/**
 * Sync benchmark, against an embedded hub on loopback running in its own process (so the hub's work is
 * not counted as the desk's): a first pull of N complaints into an empty encrypted desk (rows per second
 * and the longest event-loop stall on the desk), then a push of M mutations. The desk's one person is a
 * director (every inbox), or with `--seat operator` an operator granted complaints, on a hub that also
 * holds N warranty requests of other customers, every other row of the feed, which that desk must not receive.
 * Usage: bench-sync.ts [--pull-rows 100000] [--push 10000] [--seat director|operator]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { makeComplaint, makeCustomer, seeded } from '../main/core/demo/vietnamese.ts';
import { addNote } from '../main/core/domain/submission-work.ts';
import { keyRingOf } from '../main/core/security/key-ring.ts';
import { openPersonalKey } from '../main/core/security/personal-key.ts';
import { createStaff } from '../main/core/security/staff.ts';
import { systemKeychain } from '../main/core/security/keychain.ts';
import { openStore } from '../main/core/store/open.ts';
import { SyncClient } from '../main/core/sync/client.ts';
import { enroll } from '../main/core/sync/enrollment.ts';
import { connectHubDb } from '../server/db/connect.ts';
import { migrateHub } from '../server/db/migrate.ts';
import { createEnrollmentCode } from '../server/devices/enrollment.ts';
import { freePort, spawnHub } from '../test/support/spawn-hub.ts';

const { values } = parseArgs({
  options: {
    'pull-rows': { type: 'string', default: process.env.BENCH_PULL_ROWS ?? '100000' },
    push: { type: 'string', default: process.env.BENCH_PUSH ?? '10000' },
    seat: { type: 'string', default: process.env.BENCH_SEAT ?? 'director' },
  },
});
const ROWS = Number(values['pull-rows']);
const PUSH = Number(values.push);
if (values.seat !== 'director' && values.seat !== 'operator') throw new Error('--seat is director or operator');
const OPERATOR = values.seat === 'operator';
/** Rows per pulled page; the desk's own default unless BENCH_PAGE says otherwise. */
const PAGE = Number(process.env.BENCH_PAGE ?? 0);
/** The kinds on the hub; the desk's scope holds the first. */
const KINDS = OPERATOR ? ['complaint', 'warranty'] : ['complaint'];
const CUSTOMERS = 2000;
const root = mkdtempSync(join(tmpdir(), 'backdesk-bench-sync-'));
const hubDir = join(root, 'hub');
const keychain = systemKeychain();

/** Seeds the hub's database directly (the intake API would take minutes for 100,000 posts). */
async function seedHub(): Promise<string> {
  const db = await connectHubDb({ dataDir: hubDir });
  await migrateHub(db);
  const rng = seeded(11);
  const customers = Array.from({ length: CUSTOMERS * KINDS.length }, (_, i) => makeCustomer(rng, i));
  const texts = Array.from({ length: 1000 }, () => makeComplaint(rng));
  await db.query(
    `INSERT INTO customers (id, website_ref, username, gender, full_name, email, phone, address, seq)
     SELECT gen_random_uuid()::text, 'c' || i, c.username, c.gender, c.full_name, c.email, c.phone, c.address, 0
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS c(username, gender, full_name, email, phone, address, i)`,
    [
      customers.map((c) => c.username),
      customers.map((c) => c.gender),
      customers.map((c) => c.fullName),
      customers.map((c) => c.email),
      customers.map((c) => c.phone),
      customers.map((c) => c.address),
    ],
  );
  // Kinds take turns; each kind's customers are its own.
  await db.query(
    `INSERT INTO submissions (id, website_ref, kind, customer_id, subject, body, created_at, seq)
     SELECT gen_random_uuid()::text, 's' || i, ($5::text[])[1 + i % k],
            (SELECT id FROM customers WHERE website_ref = 'c' || (1 + (i / k) % $2 + $2 * (i % k))),
            ($3::text[])[1 + i % 1000], ($4::text[])[1 + i % 1000], now() - (i || ' minutes')::interval, 0
     FROM generate_series(1, $1 * cardinality($5::text[])) AS i, cardinality($5::text[]) AS k`,
    [ROWS, CUSTOMERS, texts.map((t) => t.subject), texts.map((t) => t.body), KINDS],
  );
  await db.query(
    `INSERT INTO submission_events (id, submission_id, type, created_at, seq) SELECT gen_random_uuid()::text, id, 'created', created_at, 0 FROM submissions`,
  );
  const { code } = await createEnrollmentCode(db);
  await db.close();
  return code;
}

function seconds(from: bigint) {
  return Number(process.hrtime.bigint() - from) / 1e9;
}

async function main() {
  console.log(
    `\nBackdesk sync benchmark: pull ${ROWS.toLocaleString('en')} submissions into an empty desk, push ${PUSH.toLocaleString('en')} mutations`,
  );
  let t = process.hrtime.bigint();
  const code = await seedHub();
  console.log(`hub seeded in ${seconds(t).toFixed(1)} s`);
  const port = await freePort();
  const hub = await spawnHub({ dataDir: hubDir, port });
  try {
    const url = `http://127.0.0.1:${port}`;
    const store = await openStore({ dataDir: join(root, 'desk'), keychain });
    const person = await createStaff(store.db, {
      username: 'bench',
      displayName: 'Bench',
      role: OPERATOR ? 'operator' : 'director',
      password: 'benchmark password',
      grants: OPERATOR ? ['complaint'] : [],
    });
    // Signed in, as far as signing goes: the pushed notes are signed with the person's key like any change.
    keyRingOf(store.db).hold('bench', person.id, await openPersonalKey(store.db, person.id, 'benchmark password'));
    await enroll(store, keychain, url, code, 'bench desk', { id: null, name: 'bench-sync', role: 'it_admin' });
    const sync = new SyncClient(store, keychain, PAGE ? { pageSize: PAGE } : {});

    const stall = monitorEventLoopDelay({ resolution: 10 });
    stall.enable();
    t = process.hrtime.bigint();
    await sync.syncNow();
    const pullSeconds = seconds(t);
    stall.disable();
    if (sync.current().hub !== 'online') throw new Error(`pull failed: ${sync.current().lastError}`);
    const count = (sql: string) => (store.db.prepare(sql).get() as { n: number }).n;
    const pulled = count('SELECT count(*) AS n FROM submissions');
    const events = count('SELECT count(*) AS n FROM submission_events');
    const customers = count('SELECT count(*) AS n FROM customers');
    const outOfScope = count(`SELECT count(*) AS n FROM submissions WHERE kind <> 'complaint'`);
    if (pulled !== ROWS || outOfScope || customers !== CUSTOMERS) {
      throw new Error(`the desk holds ${pulled} complaints, ${outOfScope} other submissions and ${customers} customers`);
    }
    const pullStallMs = stall.max / 1e6;

    const ids = (store.db.prepare('SELECT id FROM submissions LIMIT ?').all(PUSH) as { id: string }[]).map((r) => r.id);
    store.db.transaction(() => ids.forEach((id, i) => addNote(store.db, 'complaint', id, person.id, `Ghi chú benchmark ${i}`)))();
    const pushStall = monitorEventLoopDelay({ resolution: 10 });
    pushStall.enable();
    t = process.hrtime.bigint();
    await sync.syncNow();
    const pushSeconds = seconds(t);
    pushStall.disable();
    const applied = (store.db.prepare(`SELECT count(*) AS n FROM outbox WHERE state = 'applied'`).get() as { n: number }).n;
    sync.stop();
    store.close();

    console.log(
      `\ndesk seated with ${OPERATOR ? 'an operator granted complaints (the hub holds as many warranty requests)' : 'a director'}`,
    );
    console.log(`${'measure'.padEnd(52)} ${'value'.padStart(14)}`);
    const line = (name: string, value: string) => console.log(`${name.padEnd(52)} ${value.padStart(14)}`);
    line('pull: submissions received', pulled.toLocaleString('en'));
    line('pull: time', `${pullSeconds.toFixed(1)} s`);
    line('pull: submissions per second', Math.round(pulled / pullSeconds).toLocaleString('en'));
    line(
      'pull: all rows per second (with events, customers)',
      Math.round((pulled + events + customers) / pullSeconds).toLocaleString('en'),
    );
    line('pull: longest event-loop stall on the desk', `${pullStallMs.toFixed(1)} ms`);
    line('push: mutations applied', applied.toLocaleString('en'));
    line('push: mutations per second', Math.round(applied / pushSeconds).toLocaleString('en'));
    line('push: longest event-loop stall on the desk', `${(pushStall.max / 1e6).toFixed(1)} ms`);
    console.log(
      `\nStall target: at most 50 ms at a time. Pulled pages of ${PAGE || "the desk's default"} rows, each applied with its cursor in one transaction on a worker thread while the next is asked for.`,
    );
  } finally {
    hub.kill('SIGTERM');
    await new Promise((r) => hub.once('exit', r));
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
