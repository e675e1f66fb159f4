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
import { signedIn } from '../support/api-calls.ts';
import { enrolledDesk } from '../support/enrolled-desk.ts';
import { tempDir } from '../support/fixtures.ts';
import { startTestHub, type TestHub } from '../support/hub.ts';

const POSTS = 300;

/** The simulator as npm start runs it, against `hub`, with `args` besides; its output kept, and waited on with a deadline. */
function simulator(hub: TestHub, keyFile: string, args: string[]) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/website-simulator.ts', '--hub', hub.url, '--key-file', keyFile, ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  after(() => child.kill('SIGKILL'));
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  return {
    child,
    out: () => out,
    err: () => err,
    /** Resolves once the output matches, fails if the simulator exits first or `withinMs` passes. */
    until: (pattern: RegExp, withinMs = 60_000) =>
      new Promise<void>((resolve, reject) => {
        const deadline = Date.now() + withinMs;
        const timer = setInterval(() => {
          const exited = child.exitCode !== null || child.signalCode !== null;
          if (!exited && !pattern.test(out) && Date.now() < deadline) return;
          clearInterval(timer);
          if (pattern.test(out)) resolve();
          else
            reject(
              new Error(
                `${exited ? `the simulator exited with ${child.exitCode ?? child.signalCode}` : `no ${pattern} within ${withinMs} ms`}:\n${out}${err}`,
              ),
            );
        }, 50);
      }),
  };
}

function keyFileOf(hub: TestHub): string {
  const keyFile = join(tempDir(), 'website-key');
  writeFileSync(keyFile, hub.websiteKey);
  return keyFile;
}

test('the website simulator posts every kind and comments, and the hub accepts every post', { timeout: 180_000 }, async () => {
  const hub = await startTestHub();
  const sim = simulator(hub, keyFileOf(hub), ['--initial', String(POSTS), '--seed', '11', '--every-ms', '3600000']);
  await sim.until(/initial posts done/, 170_000);
  sim.child.kill('SIGTERM');
  const [out, err] = [sim.out(), sim.err()];

  assert.doesNotMatch(out + err, /REFUSED/, err);
  assert.match(out, /; 0 refused\)/);
  const said = Object.fromEntries(
    [...out.matchAll(/\b(complaint|question|trade_contact|warranty|feedback|comment|report|consent|data request) (\d+)/g)].map((m) => [
      m[1],
      Number(m[2]),
    ]),
  );

  const stored = (await hub.db.query<{ kind: SubmissionKind; details: Record<string, unknown> }>('SELECT kind, details FROM submissions'))
    .rows;
  const comments = (await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM comments')).rows[0]!.n;
  const reports = (await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM comment_reports')).rows[0]!.n;
  const consents = (await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM consents')).rows[0]!.n;
  const requests = (await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM account_requests')).rows[0]!.n;
  assert.equal(stored.length + comments + reports + consents + requests, POSTS);
  assert.equal(said.consent ?? 0, consents);
  assert.equal(said['data request'] ?? 0, requests);
  assert.equal(said.report ?? 0, reports);
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

test(
  'the website simulator reads the feed: each decision logged once as what the website publishes or hides, and after a restart it goes on from its cursor',
  { timeout: 180_000 },
  async () => {
    const hub = await startTestHub();
    const keyFile = keyFileOf(hub);
    const args = ['--seed', '12', '--every-ms', '3600000', '--feed-every-ms', '100', '--cursor-file', join(tempDir(), 'feed-cursor')];
    const first = simulator(hub, keyFile, ['--initial', '80', ...args]);
    await first.until(/initial posts done/, 170_000);
    const comments = (
      await hub.db.query<{ id: string; ref: string; body: string }>('SELECT id, website_ref AS ref, body FROM comments ORDER BY id')
    ).rows;
    assert.ok(comments.length >= 4, `the simulator posted ${comments.length} comments`);

    const d = await enrolledDesk(hub, 'Web', [['mod_web', 'operator', ['comment']]]);
    const call = await signedIn(d.desk, 'mod_web');
    const decide = async (i: number, decision: string) =>
      assert.ok((await call('comments.moderate', { id: comments[i]!.id, decision })).ok);
    const line = (i: number, action: string) =>
      new RegExp(
        `feed #\\d+: the website ${action} comment ${comments[i]!.ref}( \\(\\w+\\))? «${comments[i]!.body.slice(0, 20).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`,
      );
    await decide(0, 'approved');
    await decide(1, 'rejected');
    await decide(2, 'spam');
    await d.desk.sync.syncNow();
    await first.until(line(2, 'hides'), 30_000);
    assert.match(first.out(), line(0, 'publishes'));
    assert.match(first.out(), line(1, 'hides'));
    assert.match(first.out(), new RegExp(`hides comment ${comments[1]!.ref} \\(rejected\\)`));
    assert.match(first.out(), new RegExp(`hides comment ${comments[2]!.ref} \\(spam\\)`));
    for (const c of comments.slice(0, 3)) assert.equal(first.out().split(`comment ${c.ref}`).length - 1, 1, `${c.ref} is acted on once`);
    first.child.kill('SIGKILL');

    // Restarted: it reads on from where it was, so the decisions it acted on are not acted on again.
    await decide(3, 'approved');
    await d.desk.sync.syncNow();
    const second = simulator(hub, keyFile, ['--initial', '0', ...args]);
    await second.until(new RegExp(`publishes comment ${comments[3]!.ref}`), 30_000);
    for (const c of comments.slice(0, 3)) assert.ok(!second.out().includes(c.ref), `${c.ref} is not acted on again after the restart`);
    assert.doesNotMatch(first.err() + second.err(), /FEED|REFUSED/);
  },
);
