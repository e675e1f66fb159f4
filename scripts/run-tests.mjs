// Runs every *.test.ts under test/ with Node's test runner (through tsx), prints the spec report, and
// ends with one line summing every test: `N passed, N failed, N skipped`. Exit code 1 if anything failed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);
const files = readdirSync(join(root, 'test'), { recursive: true })
  .filter((f) => String(f).endsWith('.test.ts'))
  .map((f) => join('test', String(f)))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

if (files.length === 0) {
  // node --test with no files would go looking for tests on its own; an empty selection is a mistake.
  console.error(`no test file under test/ matches ${only.join(', ')}`);
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

/** One run of Node's test runner over some files; returns its counts (a runner that died counts as a failure). */
function runSuite(label, suiteFiles, env) {
  const countsDir = mkdtempSync(join(tmpdir(), 'backdesk-counts-'));
  const countsFile = join(countsDir, 'counts.json');
  console.log(`\n== ${label}: ${suiteFiles.length} file(s)`);
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${join(root, 'test/support/count-reporter.mjs')}`,
      `--test-reporter-destination=${countsFile}`,
      ...suiteFiles,
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, BACKDESK_TEST: '1', ...env } },
  );
  let counts = { passed: 0, failed: 0, skipped: 0 };
  try {
    counts = JSON.parse(readFileSync(countsFile, 'utf8'));
  } catch {
    counts.failed += 1; // the runner died before reporting: that is a failure, never a pass
  }
  rmSync(countsDir, { recursive: true, force: true });
  if (run.status !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

const total = { passed: 0, failed: 0, skipped: 0 };
const add = (c) => Object.keys(total).forEach((k) => (total[k] += c[k]));
const postgres = process.env.HUB_TEST_DATABASE_URL;
add(runSuite('all suites (hub on embedded PGlite)', files, { HUB_TEST_DATABASE_URL: '' }));
const hubFiles = files.filter((f) => f.startsWith(join('test', 'hub')));
if (hubFiles.length && postgres) {
  add(runSuite('hub suites again, on a real PostgreSQL server', hubFiles, { HUB_TEST_DATABASE_URL: postgres }));
} else if (hubFiles.length) {
  console.log('\n== hub suites on PostgreSQL: skipped, no PostgreSQL server could be started here');
  total.skipped += 1;
}
console.log(`\nfiles: ${files.length}`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
