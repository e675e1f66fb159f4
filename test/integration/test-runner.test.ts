/**
 * scripts/run-tests.mjs itself, on fixture files (test/hub/runner-fixtures): a hanging file is killed with
 * the processes it started and counted as a failure by name, a test past its limit fails, a file that
 * cannot load fails, and the PostgreSQL pass is either run or counted as skipped test by test, never passed;
 * a keyring lost during a file (test/integration/keyring-fixtures, on a private bus) is named and started again, and a
 * file that failed while it was gone runs once more, that run counting (a file that kills it itself fails again).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../support/fixtures.ts';
import { privateBus } from '../support/private-bus.ts';

function runRunner(args: string[], env: NodeJS.ProcessEnv) {
  const pids = join(tempDir(), 'pids');
  const base = { ...process.env };
  delete base.HUB_TEST_DATABASE_URL;
  delete base.HUB_TEST_POSTGRES_UNAVAILABLE;
  const out = spawnSync(process.execPath, ['scripts/run-tests.mjs', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    killSignal: 'SIGKILL',
    env: {
      ...base,
      BACKDESK_TEST_SUFFIX: '.runner-fixture.ts',
      BACKDESK_TEST_TIMEOUT_S: '1',
      BACKDESK_SUITE_LIMIT_S: '8',
      BACKDESK_TEST_CONCURRENCY: '4',
      FIXTURE_PIDS: pids,
      ...env,
    },
  });
  assert.equal(out.signal, null, `the runner itself finished within 60 s: ${out.stdout}`);
  const lines = out.stdout.trim().split('\n');
  let started: number[] = [];
  try {
    started = readFileSync(pids, 'utf8').split('\n').filter(Boolean).map(Number);
  } catch {
    // no fixture started a child
  }
  return { status: out.status, stdout: out.stdout, last: lines[lines.length - 1], started };
}

/** Gone, or a zombie waiting for a reaper: either way it runs no more. */
function isGone(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.startsWith('Z');
  } catch {
    return true;
  }
}

test('a hanging file is killed with its children and named; a slow test fails; PostgreSQL tests are skipped one by one, with the reason', () => {
  const r = runRunner([], { HUB_TEST_POSTGRES_UNAVAILABLE: 'fixture: no server here' });
  assert.equal(r.status, 1);
  assert.match(
    r.stdout,
    /suite test\/hub\/runner-fixtures\/hangs\.runner-fixture\.ts killed after \d+ s \(its limit: 8 s\); still running: "fixture: hangs with a child process"/,
  );
  assert.match(r.stdout, /'test timed out after 1000ms'/);
  assert.match(r.stdout, /suite test\/hub\/runner-fixtures\/crashes\.runner-fixture\.ts exited with 1 and no failing test was reported/);
  const skippedOnPostgres = r.stdout
    .split('\n')
    .filter((l) => l.endsWith('skipped on PostgreSQL: no PostgreSQL server could be started here: fixture: no server here'));
  // finishes: its 3 tests; hangs: the test it was running; crashes: no test could be listed, counted once.
  assert.equal(skippedOnPostgres.length, 5, r.stdout);
  assert.equal(r.last, '1 passed, 3 failed, 6 skipped');
  assert.equal(r.started.length, 1, 'the hanging fixture started its child process');
  assert.ok(r.started.every(isGone), `the hanging fixture's child ${r.started.join(', ')} was killed with it`);
});

test('with a PostgreSQL URL the hub files run a second time, and each run counts', () => {
  const r = runRunner(['finishes'], { HUB_TEST_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/unused' });
  assert.match(r.stdout, /== test\/hub\/runner-fixtures\/finishes\.runner-fixture\.ts \[PostgreSQL\]/);
  assert.equal(r.last, '2 passed, 2 failed, 2 skipped');
});

test('an empty selection is a failure, not a green run', () => {
  const r = runRunner(['no-such-file'], {});
  assert.equal(r.status, 1);
  assert.equal(r.last, '0 passed, 1 failed, 0 skipped');
});

/** The runner, one file at a time, on fixtures ending in `suffix`, with a keyring of its own as the run's shared one. */
async function runOnPrivateKeyring(suffix: string, env: NodeJS.ProcessEnv = {}) {
  const bus = await privateBus();
  await bus.startKeyring();
  return runRunner([], {
    ...bus.env,
    BACKDESK_IN_KEYRING: '1',
    KEYRING_PASSWORD: bus.password,
    BACKDESK_TEST_SUFFIX: suffix,
    BACKDESK_TEST_CONCURRENCY: '1',
    BACKDESK_TEST_TIMEOUT_S: '20',
    ...env,
  });
}

test('a keyring lost during a file is named with that file and started again, unlocked, for the next', async () => {
  const r = await runOnPrivateKeyring('.keyring-fixture.ts');
  assert.match(
    r.stdout,
    /the shared keyring was lost \(nothing owns org\.freedesktop\.secrets on the bus: the keyring daemon is gone\) after test\/integration\/keyring-fixtures\/1-loses-keyring\.keyring-fixture\.ts; started again/,
  );
  assert.equal(r.last, '2 passed, 0 failed, 0 skipped', r.stdout);
});

test('a file that failed while the keyring was lost runs again once it is back, and that run counts; one that loses it itself still fails', async () => {
  for (const always of [false, true]) {
    const r = await runOnPrivateKeyring('.keyring-rerun-fixture.ts', {
      FIXTURE_MARKER: join(tempDir(), 'killed-once'),
      ...(always && { FIXTURE_ALWAYS: '1' }),
    });
    const file = 'test/integration/keyring-fixtures/loses-keyring-first-time.keyring-rerun-fixture.ts';
    assert.ok(r.stdout.includes(`== ${file}, first run, set aside (the shared keyring was lost during it)`), r.stdout);
    assert.ok(r.stdout.includes(`${file} failed while the shared keyring was gone: its first run is set aside and it ran again`), r.stdout);
    assert.match(r.stdout, /the shared keyring was lost \(nothing owns org\.freedesktop\.secrets on the bus: the keyring daemon is gone\)/);
    assert.equal(r.last, always ? '0 passed, 1 failed, 0 skipped' : '1 passed, 0 failed, 0 skipped', r.stdout);
    assert.equal(r.status, always ? 1 : 0);
  }
});
