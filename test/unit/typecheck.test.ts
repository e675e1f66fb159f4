/** The whole project typechecks in strict mode, including the Electron shell against Electron's own types. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

test('tsc --noEmit passes for main, preload, renderer, tests and scripts', () => {
  const out = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit'], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stdout + out.stderr);
});
