/**
 * The checks a reviewer should not have to do by eye: types (one tsconfig per runtime, so DOM globals fail
 * in Node code and Node globals in the renderer), lint (including the layers rule) and formatting.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

const run = (bin: string, args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 240_000 });

for (const config of ['tsconfig.json', 'renderer/tsconfig.json', 'test/tsconfig.json']) {
  test(`tsc passes for ${config}`, { timeout: 240_000 }, () => {
    const out = run('node_modules/typescript/bin/tsc', ['-p', config]);
    assert.equal(out.status, 0, out.stdout + out.stderr);
  });
}

test('eslint passes with no warning', { timeout: 240_000 }, () => {
  const out = run('node_modules/eslint/bin/eslint.js', ['--max-warnings', '0', '.']);
  assert.equal(out.status, 0, out.stdout + out.stderr);
});

test('every file is formatted by prettier', { timeout: 120_000 }, () => {
  const out = run('node_modules/prettier/bin/prettier.cjs', ['--check', '.']);
  assert.equal(out.status, 0, `run npm run format: ${out.stdout}${out.stderr}`);
});
