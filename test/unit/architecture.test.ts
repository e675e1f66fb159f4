/** Rules of the layers that a reviewer should not have to check by eye. */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const sources = (dir: string) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.(c|m)?tsx?$/.test(f))
    .map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));

const importsOf = (text: string) => [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);

test('main/core never imports electron', () => {
  const offenders = sources('main/core').filter(({ text }) => importsOf(text).some((i) => i === 'electron' || i.startsWith('electron/')));
  assert.deepEqual(offenders.map((o) => o.file), []);
});

test('the check above would notice an electron import', () => {
  assert.deepEqual(importsOf(`import { app } from 'electron';\nconst x = require("electron");`), ['electron', 'electron']);
});

test('main/core and main/api never import a transport', () => {
  const offenders = [...sources('main/core'), ...sources('main/api')].filter(({ text }) => importsOf(text).some((i) => /\/(electron|web|cli)\//.test(i)));
  assert.deepEqual(offenders.map((o) => o.file), []);
});

test('the renderer imports from main only types and the plain vocabularies, never the store', () => {
  const allowed = /main\/core\/domain\/(statuses|revealable|comment-vocabulary)\.ts$/;
  const offenders = sources('renderer/src').flatMap(({ file, text }) =>
    [...text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]/gm)]
      .filter((m) => m[2]!.includes('/main/') && !m[1] && !allowed.test(m[2]!))
      .map((m) => `${file}: ${m[2]}`),
  );
  assert.deepEqual(offenders, []);
});

test('customer-written text is never injected as HTML in the renderer', () => {
  const offenders = sources('renderer/src').filter(({ text }) => /dangerouslySetInnerHTML|innerHTML\s*=/.test(text));
  assert.deepEqual(offenders.map((o) => o.file), []);
});
