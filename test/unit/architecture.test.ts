/** Rules of the code that the lint rules do not express. The layers are checked by eslint (eslint/layers.js). */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const sources = (dir: string) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.(c|m)?tsx?$/.test(f))
    .map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));

test('customer-written text is never injected as HTML in the renderer', () => {
  const offenders = sources('renderer/src').filter(({ text }) => /dangerouslySetInnerHTML|innerHTML\s*=/.test(text));
  assert.deepEqual(
    offenders.map((o) => o.file),
    [],
  );
});

test('no SQL in main/api: handlers call core services', () => {
  const offenders = sources('main/api').filter(
    ({ text }) => /\b(SELECT|INSERT|UPDATE|DELETE)\b[\s\S]{0,80}\b(FROM|INTO|SET)\b/.test(text) || /\bstmt\(/.test(text),
  );
  assert.deepEqual(
    offenders.map((o) => o.file),
    [],
  );
});
