/**
 * A fixture for scripts/run-tests.mjs' own test, never run by npm test: a test with a long limit of its own
 * that starts a child process and never ends, so only the runner's limit for the whole file can stop it.
 */
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { test } from 'node:test';

test('fixture: hangs with a child process', { timeout: 600_000 }, async () => {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  appendFileSync(process.env.FIXTURE_PIDS!, `${child.pid}\n`);
  await new Promise(() => setInterval(() => {}, 1000));
});
