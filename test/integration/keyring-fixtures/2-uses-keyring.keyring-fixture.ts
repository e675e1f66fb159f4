/** A fixture for scripts/run-tests.mjs' own test, never run by npm test: a file that needs the keyring to answer. */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import type Keytar from 'keytar';

const keytar = createRequire(import.meta.url)('keytar') as typeof Keytar;

test('fixture: the keyring stores and returns a secret', async () => {
  await keytar.setPassword('backdesk-runner-fixture', 'entry', 'secret');
  assert.equal(await keytar.getPassword('backdesk-runner-fixture', 'entry'), 'secret');
});
