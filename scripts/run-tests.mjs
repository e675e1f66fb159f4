// Runs every *.test.ts under test/ with Node's test runner (through tsx), each file in a process group of
// its own, at most N at a time (N as node --test chooses: one less than the cores), and ends with one line
// summing every test: `N passed, N failed, N skipped`. Exit code 1 if anything failed.
// No suite can hang the run: every test has a time limit (test/support/test-timeout.mjs) and a file that
// outlives its own limit is killed with its whole process group and counted as a failure, by name.
// The hub's files run a second time against PostgreSQL (HUB_TEST_DATABASE_URL, set by with-postgres.sh);
// where none could be started, each of their tests is counted as skipped there, with the reason.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasSharedKeyring, keyringProblem, restartKeyring } from './shared-keyring.mjs';

const root = new URL('..', import.meta.url).pathname;
const seconds = (name, fallback) => Number(process.env[name] ?? fallback);
// Generous: a file's tests each have their own limit; this one catches what hangs outside them (loading, hooks, handles).
const SUITE_LIMIT_S = seconds('BACKDESK_SUITE_LIMIT_S', 900);
const TEST_TIMEOUT_S = seconds('BACKDESK_TEST_TIMEOUT_S', 240);
const CONCURRENCY = Number(process.env.BACKDESK_TEST_CONCURRENCY) || Math.max(availableParallelism() - 1, 1);
// The runner's own test points it at fixture files with another suffix.
const SUFFIX = process.env.BACKDESK_TEST_SUFFIX ?? '.test.ts';

const only = process.argv.slice(2);
const files = readdirSync(join(root, 'test'), { recursive: true })
  .filter((f) => String(f).endsWith(SUFFIX))
  .map((f) => join('test', String(f)))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

if (files.length === 0) {
  // An empty selection is a mistake, never a green run.
  console.error(`no test file under test/ matches ${only.join(', ')}`);
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

const countsDir = mkdtempSync(join(tmpdir(), 'backdesk-counts-'));
const running = new Set();
const killGroup = (pid) => {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // the group is already gone
  }
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    running.forEach(killGroup);
    rmSync(countsDir, { recursive: true, force: true });
    process.exit(130);
  });
}

/** What the count reporter wrote: finished tests with their results, and tests started but not finished. */
function readCounts(path) {
  let lines = [];
  try {
    lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
  } catch {
    // the process died before its reporter wrote anything
  }
  const tests = [];
  const open = [];
  for (const line of lines) {
    let e;
    try {
      e = JSON.parse(line);
    } catch {
      continue; // the last line of a killed process may be cut short
    }
    if (e.event === 'start') open.push(e.name);
    else {
      const i = open.lastIndexOf(e.name);
      if (i >= 0) open.splice(i, 1);
      if (e.result !== 'suite') tests.push({ name: e.name, result: e.result, why: e.why });
    }
  }
  return { tests, unfinished: open };
}

let jobNumber = 0;
/** One test file in its own process group; resolves with its output, its tests, and how it ended. */
function runFile(file, pass, env) {
  const countsFile = join(countsDir, `${++jobNumber}.jsonl`);
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      '--expose-internals',
      '--import',
      'tsx',
      '--import',
      join(root, 'test/support/test-timeout.mjs'),
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${join(root, 'test/support/count-reporter.mjs')}`,
      `--test-reporter-destination=${countsFile}`,
      file,
    ],
    {
      cwd: root,
      detached: true, // its own process group: a kill reaches the hubs and desks it spawned too
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BACKDESK_TEST: '1', BACKDESK_TEST_TIMEOUT_MS: String(TEST_TIMEOUT_S * 1000), ...env },
    },
  );
  running.add(child.pid);
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (s) => (output += s));
  child.stderr.setEncoding('utf8').on('data', (s) => (output += s));
  let killed = false;
  const limit = setTimeout(() => {
    killed = true;
    killGroup(child.pid);
  }, SUITE_LIMIT_S * 1000);
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      clearTimeout(limit);
      // Whatever it left behind (a hub, a desk, a browser) goes with it.
      killGroup(child.pid);
      running.delete(child.pid);
      const done = () =>
        resolve({ file, pass, code, signal, killed, output, seconds: (Date.now() - started) / 1000, ...readCounts(countsFile) });
      // The pipes close once every process holding them is gone; never wait on that for long.
      const late = setTimeout(done, 2000);
      child.once('close', () => (clearTimeout(late), done()));
    });
  });
}

const total = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function report(r) {
  const label = r.pass === 'postgres' ? ' [PostgreSQL]' : '';
  console.log(`\n== ${r.file}${label} (${r.seconds.toFixed(1)} s)`);
  process.stdout.write(r.output);
  for (const t of r.tests) total[t.result]++;
  const failed = r.tests.filter((t) => t.result === 'failed').length;
  if (r.killed) {
    total.failed++;
    const still = r.unfinished.length ? `; still running: ${r.unfinished.map((n) => `"${n}"`).join(', ')}` : '';
    const line = `suite ${r.file}${label} killed after ${r.seconds.toFixed(0)} s (its limit: ${SUITE_LIMIT_S} s)${still}`;
    console.log(line);
    problems.push(line);
  } else if (r.code !== 0 && failed === 0) {
    // The process failed without a failing test to show for it (a crash while loading, an exit from a hook).
    total.failed++;
    const line = `suite ${r.file}${label} exited with ${r.code ?? r.signal} and no failing test was reported`;
    console.log(line);
    problems.push(line);
  } else if (failed) {
    problems.push(`${r.file}${label}: ${failed} failed`);
  }
  for (const t of r.tests.filter((x) => x.result === 'failed')) {
    problems.push(`  ✗ ${t.name}\n      ${(t.why ?? '(no error reported)').replaceAll('\n', '\n      ')}`);
  }
}

const postgres = process.env.HUB_TEST_DATABASE_URL;
const hubFiles = files.filter((f) => f.startsWith(join('test', 'hub')));
const jobs = [
  ...files.map((f) => () => runFile(f, 'pglite', { HUB_TEST_DATABASE_URL: '' })),
  ...(postgres ? hubFiles.map((f) => () => runFile(f, 'postgres', { HUB_TEST_DATABASE_URL: postgres })) : []),
];
console.log(
  `${files.length} file(s)${postgres && hubFiles.length ? `, the ${hubFiles.length} hub file(s) again on PostgreSQL` : ''}; ` +
    `${CONCURRENCY} at a time; each test at most ${TEST_TIMEOUT_S} s, each file at most ${SUITE_LIMIT_S} s`,
);

const results = [];
let keyringCheck = Promise.resolve();
/** Before each file: the shared keyring still answers, or it is said (after which files) and started again. */
const checkKeyring = (justRan = []) =>
  (keyringCheck = keyringCheck.then(async () => {
    const problem = hasSharedKeyring() && keyringProblem();
    if (!problem) return;
    const after = [...results.slice(-2), ...justRan].map((r) => r.file + (r.pass === 'postgres' ? ' [PostgreSQL]' : ''));
    const line = `the shared keyring was lost (${problem}) after ${after.join(', ') || 'no file'}; started again`;
    console.log(`\n!! ${line}`);
    problems.push(line);
    await restartKeyring();
  }));
/**
 * A file with failures after which the shared keyring is found gone ran, at least in part, without the keychain every
 * desk keeps its key in: its failures say nothing of what it tests. Its first run is printed and named as set aside,
 * the keyring is started again, and the file runs once more; that run counts. A file that itself made the keyring go
 * fails again the same way, and counts as failed.
 */
async function runCounted(job) {
  const first = await job();
  const failed = first.killed || first.code !== 0;
  if (!failed || !hasSharedKeyring() || !keyringProblem()) return first;
  await checkKeyring([first]);
  const label = first.pass === 'postgres' ? ' [PostgreSQL]' : '';
  const line = `${first.file}${label} failed while the shared keyring was gone: its first run is set aside and it ran again`;
  console.log(`\n== ${first.file}${label}, first run, set aside (the shared keyring was lost during it) (${first.seconds.toFixed(1)} s)`);
  process.stdout.write(first.output);
  problems.push(line);
  return job();
}

let next = 0;
await Promise.all(
  Array.from({ length: Math.min(CONCURRENCY, jobs.length) }, async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      await checkKeyring();
      const r = await runCounted(job);
      report(r);
      results.push(r);
    }
  }),
);

if (hubFiles.length && !postgres) {
  // Not run is not passed: every hub test of the PostgreSQL pass is counted, and named, as skipped.
  const reason = `no PostgreSQL server could be started here: ${
    process.env.HUB_TEST_POSTGRES_UNAVAILABLE ?? 'HUB_TEST_DATABASE_URL is not set (npm test sets it through scripts/with-postgres.sh)'
  }`;
  console.log(`\n== hub suites on PostgreSQL: skipped, ${reason}`);
  for (const file of hubFiles) {
    const r = results.find((x) => x.file === file && x.pass === 'pglite');
    const tests = r ? [...r.tests, ...r.unfinished.map((name) => ({ name }))] : [];
    for (const t of tests) console.log(`﹣ ${file}: ${t.name} # skipped on PostgreSQL: ${reason}`);
    if (tests.length === 0) console.log(`﹣ ${file} # its tests could not be listed; skipped on PostgreSQL: ${reason}`);
    total.skipped += Math.max(tests.length, 1);
  }
}
rmSync(countsDir, { recursive: true, force: true });

const slowest = [...results].sort((a, b) => b.seconds - a.seconds).slice(0, 5);
console.log(
  `\nslowest: ${slowest.map((r) => `${r.file}${r.pass === 'postgres' ? ' [PostgreSQL]' : ''} ${r.seconds.toFixed(0)} s`).join(', ')}`,
);
if (problems.length) console.log(`problems:\n  ${problems.join('\n  ')}`);
console.log(`\nfiles: ${files.length}`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
