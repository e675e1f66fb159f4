/**
 * `npm start`'s website simulator, run as npm start runs it, against a real hub: it posts every kind of
 * submission and comments, the hub accepts every one of them (a refusal would be a bug in the demo data),
 * and what the hub stored is each kind's own fields as the intake defines them.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { z } from 'zod';
import { WEBSITE_DETAILS } from '../../common/protocol/submission-details.ts';
import { fold } from '../../common/text/fold.ts';
import { SUBMISSION_KINDS, type SubmissionKind } from '../../common/vocabulary/submissions.ts';
import { DEMO_PRODUCTS } from '../../main/core/demo/warranty.ts';
import { tempDir } from '../support/fixtures.ts';
import { startTestHub } from '../support/hub.ts';

const POSTS = 300;

test('the website simulator posts every kind and comments, and the hub accepts every post', { timeout: 180_000 }, async () => {
  const hub = await startTestHub();
  const keyFile = join(tempDir(), 'website-key');
  writeFileSync(keyFile, hub.websiteKey);
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/website-simulator.ts',
      '--hub',
      hub.url,
      '--key-file',
      keyFile,
      '--initial',
      String(POSTS),
      '--seed',
      '11',
      '--every-ms',
      '3600000',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  after(() => child.kill('SIGKILL'));
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      const exited = child.exitCode !== null || child.signalCode !== null;
      if (!exited && !/initial posts done/.test(out)) return;
      clearInterval(timer);
      if (exited) reject(new Error(`the simulator exited with ${child.exitCode ?? child.signalCode}:\n${out}${err}`));
      else resolve();
    }, 50);
  });
  child.kill('SIGTERM');

  assert.doesNotMatch(out + err, /REFUSED/, err);
  assert.match(out, /; 0 refused\)/);
  const said = Object.fromEntries(
    [...out.matchAll(/\b(complaint|question|trade_contact|warranty|feedback|comment) (\d+)/g)].map((m) => [m[1], Number(m[2])]),
  );

  const stored = (await hub.db.query<{ kind: SubmissionKind; details: Record<string, unknown> }>('SELECT kind, details FROM submissions'))
    .rows;
  const comments = (await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM comments')).rows[0]!.n;
  assert.equal(stored.length + comments, POSTS);
  assert.ok(comments > 0);
  assert.equal(said.comment, comments);
  for (const kind of SUBMISSION_KINDS) {
    const rows = stored.filter((r) => r.kind === kind);
    assert.ok(rows.length > 0, `no ${kind} was posted`);
    assert.equal(said[kind], rows.length, kind);
    for (const r of rows) {
      const parsed = z.object(WEBSITE_DETAILS[kind]).strict().safeParse(r.details);
      assert.ok(parsed.success, `${kind}: ${JSON.stringify(r.details)}`);
    }
  }
  // The kinds' own fields really travelled: every claim has its serial, and some feedback has its stars.
  const claims = stored.filter((r) => r.kind === 'warranty');
  assert.ok(claims.every((r) => typeof r.details.serial === 'string'));
  // Claims are about the demo catalogue's products: by SKU (from the website's list) or by name as typed,
  // all but a few bought elsewhere.
  const bySku = claims.filter((r) => DEMO_PRODUCTS.some((p) => p.sku === r.details.sku));
  const byName = claims.filter((r) => !r.details.sku && DEMO_PRODUCTS.some((p) => fold(p.name) === fold(String(r.details.product))));
  assert.equal(bySku.length, claims.filter((r) => r.details.sku !== undefined).length, 'every SKU posted is in the catalogue');
  assert.ok(bySku.length > 0 && byName.length > 0);
  assert.ok(bySku.length + byName.length >= claims.length * 0.8);
  assert.ok(stored.some((r) => r.kind === 'feedback' && typeof r.details.rating === 'number'));
});
