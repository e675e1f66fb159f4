/**
 * What marking comments at intake costs the website's post (server/moderation/markers.ts): the same comment posts,
 * through the same hub and database, to one intake with marking on and one with it off, taking turns, against a
 * hub that already holds a history of comments (authors with decided comments, texts posted before), on the
 * embedded PGlite. Reports each side's p50 and p95 per post, the difference and the ratio (target: marking adds at
 * most 2 ms at p95).
 * Usage: bench-intake.ts [--history 20000] [--posts 2000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { makeComment } from '../main/core/demo/comments.ts';
import { makeCustomer, pick, seeded } from '../main/core/demo/vietnamese.ts';
import { buildHub } from '../server/app.ts';
import { connectHubDb } from '../server/db/connect.ts';
import { migrateHub } from '../server/db/migrate.ts';
import { repeatHash } from '../server/moderation/markers.ts';
import { createWebsiteKey } from '../server/website/keys.ts';
import { percentile } from './bench-stats.ts';

const { values } = parseArgs({
  options: { history: { type: 'string', default: '20000' }, posts: { type: 'string', default: '2000' } },
});
const HISTORY = Number(values.history);
const POSTS = Number(values.posts);
const AUTHORS = 2000;
const root = mkdtempSync(join(tmpdir(), 'backdesk-bench-intake-'));

async function main() {
  const db = await connectHubDb({ dataDir: join(root, 'hub') });
  await migrateHub(db);
  const rng = seeded(7);
  const authors = Array.from({ length: AUTHORS }, (_, i) => makeCustomer(rng, i + 1));
  await db.query(
    `INSERT INTO customers (id, website_ref, username, full_name, seq)
     SELECT gen_random_uuid()::text, 'a' || i, u, n, 0 FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS a(u, n, i)`,
    [authors.map((a) => a.username), authors.map((a) => a.fullName)],
  );
  // The history: comments by every author over the last 60 days, most decided, some rejected.
  const bodies = Array.from({ length: HISTORY }, () => makeComment(rng, []).body);
  const statuses = ['pending', 'approved', 'approved', 'rejected', 'spam'];
  await db.query(
    `INSERT INTO comments (id, website_ref, customer_id, page_url, body, posted_at, status, repeat_key, seq)
     SELECT gen_random_uuid()::text, 'h' || i, (SELECT id FROM customers WHERE website_ref = 'a' || (1 + i % ${AUTHORS})),
            'https://shop.example.vn/p', b, now() - (i % 60) * interval '1 day', ($2::text[])[1 + i % 5], k, 0
     FROM unnest($1::text[], $3::text[]) WITH ORDINALITY AS h(b, k, i)`,
    [bodies, statuses, bodies.map(repeatHash)],
  );
  const { key } = await createWebsiteKey(db, 'bench');
  const marking = buildHub(db);
  const plain = buildHub(db, { markComments: false });
  const urls: string[] = [];
  for (const app of [marking, plain]) {
    await app.listen({ host: '127.0.0.1', port: 0 });
    urls.push(`http://127.0.0.1:${(app.server.address() as { port: number }).port}`);
  }
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < POSTS; i++) {
    const side = i % 2; // taking turns, so both see the same database as it grows
    const made = makeComment(rng, []);
    const author = pick(rng, authors);
    const body = {
      ref: `bench-${i}`,
      customer: { ref: `a${authors.indexOf(author) + 1}`, fullName: author.fullName },
      pageUrl: made.pageUrl,
      pageTitle: made.pageTitle,
      body: made.body,
      postedAt: new Date().toISOString(),
    };
    const started = process.hrtime.bigint();
    const res = await fetch(`${urls[side]}/intake/v1/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}`, 'Idempotency-Key': `bench-post-${i}` },
      body: JSON.stringify(body),
    });
    samples[side]!.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (res.status !== 201) throw new Error(`the hub answered ${res.status}: ${await res.text()}`);
    if ((i + 1) % 250 === 0) process.stderr.write(`intake bench: ${i + 1}/${POSTS} posts\n`);
  }
  const [on, off] = samples;
  const row = (name: string, xs: number[]) =>
    `${name.padEnd(14)} p50 ${percentile(xs, 50).toFixed(2)} ms   p95 ${percentile(xs, 95).toFixed(2)} ms`;
  const added = percentile(on, 95) - percentile(off, 95);
  console.log(`\nComment post at intake, ${POSTS / 2} posts each, over ${HISTORY} comments by ${AUTHORS} authors (PGlite):`);
  console.log(row('marking on', on));
  console.log(row('marking off', off));
  console.log(
    `marking adds ${added.toFixed(2)} ms at p95 (ratio ${(percentile(on, 95) / percentile(off, 95)).toFixed(2)}x; target ≤ 2 ms: ${added <= 2 ? 'met' : 'MISSED'})`,
  );
  await marking.close();
  await plain.close();
  await db.close();
}

try {
  await main();
} finally {
  rmSync(root, { recursive: true, force: true });
}
