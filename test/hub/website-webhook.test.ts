/**
 * The website webhook (server/website/webhook.ts): moderators' decisions reach a receiver on loopback as signed
 * pages of the website feed, in order and exactly as the feed has them; a receiver that fails (500, then gone
 * altogether) loses nothing and is told everything once it is back; a wrong secret fails verification and holds
 * delivery; a restarted hub goes on from its stored cursor; two hubs on one database do not both deliver.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, mock, test } from 'node:test';
import { WebsiteChangesPage, type WebsiteChange } from '../../common/protocol/website-feed.ts';
import {
  DELIVERY_HEADER,
  SIGNATURE_HEADER,
  signatureHeader,
  verifyWebhookSignature,
  WebhookStatus,
} from '../../common/protocol/website-webhook.ts';
import { buildHub } from '../../server/app.ts';
import type { HubDb } from '../../server/db/connect.ts';
import { webhookConfigFromEnv } from '../../server/website/webhook.ts';
import { signedIn } from '../support/api-calls.ts';
import { enrolledDesk } from '../support/enrolled-desk.ts';
import { startTestHub, websiteComment } from '../support/hub.ts';
import { waitFor } from '../support/wait.ts';

const hub = await startTestHub();
const SECRET = randomBytes(32).toString('hex');
const now = () => Math.floor(Date.now() / 1000);

/** What reached the receiver: the raw body and headers as they came, and what it answered. */
interface Received {
  raw: string;
  signature: string | undefined;
  deliveryId: string | undefined;
  contentType: string | undefined;
  answered: number;
}

/**
 * A website's receiver on 127.0.0.1, as docs/website-webhook.md has one: it checks the signature (401 when it
 * does not verify), then answers what the test says (200, or 500 while it plays a broken website), when the
 * test says. It can be closed altogether (connection refused) and opened again on the same port.
 */
const receiver = await (async () => {
  const got: Received[] = [];
  let status = 200;
  let delayMs = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const signature = req.headers[SIGNATURE_HEADER.toLowerCase()] as string | undefined;
      const answered = verifyWebhookSignature(SECRET, signature, raw, now()).ok ? status : 401;
      const deliveryId = req.headers[DELIVERY_HEADER.toLowerCase()] as string | undefined;
      got.push({ raw, signature, deliveryId, contentType: req.headers['content-type'], answered });
      setTimeout(() => res.writeHead(answered).end(), delayMs);
    });
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  await listen(0);
  const { port } = server.address() as AddressInfo;
  const close = () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections(); // kept-alive connections too: nothing answers until it is opened again
    return closed;
  };
  after(() => server.listening && close());
  return {
    url: `http://127.0.0.1:${port}/hooks/backdesk`,
    got,
    answer: (s: number) => void (status = s),
    /** Answers only after `ms`, as a slow website does: rounds of two hubs would overlap. */
    slow: (ms: number) => void (delayMs = ms),
    close,
    reopen: () => listen(port),
    /** The changes of every page it acknowledged (2xx), in the order they came. */
    acknowledged: () => got.filter((r) => r.answered === 200).flatMap((r) => WebsiteChangesPage.parse(JSON.parse(r.raw)).changes),
  };
})();

/** A hub with the webhook on, serving on the same database as `hub`: its status is read from it. */
async function webhookHub(secret = SECRET, db: HubDb = hub.db) {
  const app = buildHub(db, {
    webhook: { url: receiver.url, secret },
    webhookTiming: { intervalMs: 50, firstRetryMs: 100, maxRetryMs: 800 },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  let closing: Promise<void> | undefined;
  const stop = () => (closing ??= app.close());
  hub.storage.beforeDrop(stop); // before the database closes, whatever a test left running
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    stop,
    async status(key: string | null = hub.websiteKey) {
      const res = await fetch(`${url}/website/v1/webhook`, { headers: key ? { Authorization: `Bearer ${key}` } : {} });
      return { code: res.status, body: res.ok ? WebhookStatus.parse(await res.json()) : null };
    },
  };
}
type WebhookHub = Awaited<ReturnType<typeof webhookHub>>;

const status = async (h: WebhookHub) => (await h.status()).body!;

/** Polls the status until `ok` holds for it, and returns that status. */
const statusWhen = (h: WebhookHub, what: string, ok: (s: WebhookStatus) => boolean) =>
  waitFor(
    what,
    async () => {
      const s = await status(h);
      return ok(s) ? s : null;
    },
    { everyMs: 20 },
  );

/** Waits until the receiver has acknowledged every change the feed holds, and the status says so. */
const caughtUp = (h: WebhookHub) =>
  statusWhen(h, 'every change acknowledged', (s) => s.state === 'delivered' && s.pending === 0 && s.deliveredCursor === s.latestSeq);

/** Every change of the feed, read with the website key. */
const feedChanges = async () => (await hub.feed('?limit=1000')).changes;

const moderator = await (async () => {
  const d = await enrolledDesk(hub, 'Webhook', [['mod_webhook', 'operator', ['comment']]]);
  const call = await signedIn(d.desk, 'mod_webhook');
  return { call, sync: () => d.desk.sync.syncNow() };
})();
let posted = 0;

/** `n` comments posted by the website and decided by a moderator (approve, reject, spam in turn), pushed to the hub. */
async function decisions(n: number): Promise<void> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const ref = `wh-${posted++}`;
    const res = await hub.post('/intake/v1/comments', websiteComment(ref, `wh-author-${posted % 5}`));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    ids.push(res.body.id);
  }
  await moderator.sync();
  const kinds = ['approved', 'rejected', 'spam'] as const;
  for (const [i, id] of ids.entries()) assert.ok((await moderator.call('comments.moderate', { id, decision: kinds[i % 3] })).ok);
  await moderator.sync();
}

test('WEBSITE_WEBHOOK_URL needs an http(s) URL and a secret of 32 characters or more; without it there is no webhook', () => {
  assert.equal(webhookConfigFromEnv({}), null);
  assert.deepEqual(webhookConfigFromEnv({ WEBSITE_WEBHOOK_URL: 'https://shop.example.vn/hook', WEBSITE_WEBHOOK_SECRET: SECRET }), {
    url: 'https://shop.example.vn/hook',
    secret: SECRET,
  });
  assert.throws(() => webhookConfigFromEnv({ WEBSITE_WEBHOOK_URL: 'https://shop.example.vn/hook' }), /WEBSITE_WEBHOOK_SECRET.*32/);
  assert.throws(
    () => webhookConfigFromEnv({ WEBSITE_WEBHOOK_URL: 'https://shop.example.vn/hook', WEBSITE_WEBHOOK_SECRET: 'x'.repeat(31) }),
    /WEBSITE_WEBHOOK_SECRET.*32/,
  );
  for (const url of ['shop.example.vn/hook', 'ftp://shop.example.vn/hook'])
    assert.throws(() => webhookConfigFromEnv({ WEBSITE_WEBHOOK_URL: url, WEBSITE_WEBHOOK_SECRET: SECRET }), /WEBSITE_WEBHOOK_URL/);
});

/** The hub delivering to the receiver, test after test. */
let deliverer: WebhookHub;

test('every change reaches the receiver signed, in order, exactly as the feed has them; a backlog goes in pages of at most 100', async () => {
  const off = await fetch(`${hub.url}/website/v1/webhook`, { headers: { Authorization: `Bearer ${hub.websiteKey}` } });
  assert.deepEqual(
    (({ configured, url, state }) => ({ configured, url, state }))(WebhookStatus.parse(await off.json())),
    { configured: false, url: null, state: 'off' },
    'a hub without WEBSITE_WEBHOOK_URL says so',
  );
  deliverer = await webhookHub();
  assert.equal((await deliverer.status(null)).code, 401, 'the status needs the website key');
  assert.equal((await deliverer.status('not-a-key')).code, 401);
  const idle = await status(deliverer);
  assert.deepEqual(
    idle,
    {
      configured: true,
      url: new URL(receiver.url).host,
      deliveredCursor: 0,
      latestSeq: 0,
      pending: 0,
      state: 'idle',
      attempts: 0,
      lastError: null,
      lastAttemptAt: null,
      lastSuccessAt: null,
      nextAttemptAt: null,
    },
    'configured, nothing to send yet; the URL shows its host only',
  );

  await decisions(3);
  await caughtUp(deliverer);
  await deliverer.stop(); // a backlog builds up while no hub delivers
  const beforeBacklog = receiver.got.length;
  await decisions(120);
  deliverer = await webhookHub();
  const done = await caughtUp(deliverer);
  const backlog = receiver.got.slice(beforeBacklog).map((r) => WebsiteChangesPage.parse(JSON.parse(r.raw)));
  assert.deepEqual(
    backlog.map((p) => [p.changes.length, p.more]),
    [
      [100, true],
      [20, false],
    ],
    'a full page says more follow, and the next follows at once',
  );
  assert.equal(done.attempts, 0);
  assert.equal(done.lastError, null);
  assert.ok(done.lastSuccessAt && Date.parse(done.lastSuccessAt) > Date.now() - 60_000);

  const feed = await feedChanges();
  assert.equal(feed.length, 123);
  assert.deepEqual(receiver.acknowledged(), feed, 'the same changes, in the same order, each once');
  for (const r of receiver.got) {
    assert.equal(r.answered, 200);
    assert.equal(r.contentType, 'application/json');
    assert.deepEqual(verifyWebhookSignature(SECRET, r.signature, r.raw, now()), { ok: true });
    const page = WebsiteChangesPage.parse(JSON.parse(r.raw));
    assert.ok(page.changes.length >= 1 && page.changes.length <= 100, `a page of ${page.changes.length}`);
    assert.equal(r.deliveryId, page.changes[0]!.id, 'the delivery is named by its first change');
    assert.equal(page.cursor, page.changes.at(-1)!.seq);
  }
});

test('a signature made with another secret, over another body, too old or malformed fails verification; a hub with the wrong secret never gets past its page', async () => {
  const r = receiver.got[0]!;
  const t = Number(/t=(\d+)/.exec(r.signature!)![1]);
  assert.deepEqual(verifyWebhookSignature(SECRET, r.signature, r.raw, t), { ok: true });
  assert.deepEqual(verifyWebhookSignature(randomBytes(32).toString('hex'), r.signature, r.raw, t), { ok: false, reason: 'mismatch' });
  assert.deepEqual(verifyWebhookSignature(SECRET, r.signature, r.raw.replace('"comment.', '"comment.x'), t), {
    ok: false,
    reason: 'mismatch',
  });
  assert.deepEqual(verifyWebhookSignature(SECRET, signatureHeader(SECRET, t + 1, r.raw).replace(`t=${t + 1}`, `t=${t}`), r.raw, t), {
    ok: false,
    reason: 'mismatch',
  });
  assert.deepEqual(verifyWebhookSignature(SECRET, r.signature, r.raw, t + 301), { ok: false, reason: 'expired' });
  assert.deepEqual(verifyWebhookSignature(SECRET, r.signature, r.raw, t - 301), { ok: false, reason: 'expired' });
  assert.deepEqual(verifyWebhookSignature(SECRET, r.signature, r.raw, t + 299), { ok: true });
  for (const header of [undefined, '', 'v1=00', `t=${t}`, `t=soon,v1=00`, `t=${t},t=${t},v1=00`])
    assert.deepEqual(verifyWebhookSignature(SECRET, header, r.raw, t), { ok: false, reason: 'malformed' }, String(header));

  await deliverer.stop();
  const before = await feedChanges();
  const wrong = await webhookHub(randomBytes(32).toString('hex'));
  await decisions(2);
  const refused = await statusWhen(wrong, 'the receiver refusing the wrong signature', (s) => s.state === 'failing' && s.attempts >= 2);
  assert.equal(refused.lastError, 'answered 401');
  assert.equal(refused.deliveredCursor, before.at(-1)!.seq, 'the cursor stays before the refused page');
  assert.equal(refused.pending, 2);
  await wrong.stop();

  deliverer = await webhookHub();
  await caughtUp(deliverer);
  assert.deepEqual(receiver.acknowledged(), await feedChanges());
});

test('a receiver answering 500, then gone, is retried with back-off and then gets every change, none lost, in order; the log says failing and back', async () => {
  const errors = mock.method(console, 'error');
  const logs = mock.method(console, 'log');
  try {
    const start = await status(deliverer);
    const acknowledgedBefore = receiver.acknowledged().length;
    receiver.answer(500);
    await decisions(4);
    const failing = await statusWhen(deliverer, 'the status to say failing (500)', (s) => s.state === 'failing' && s.attempts >= 2);
    assert.equal(failing.lastError, 'answered 500');
    assert.equal(failing.deliveredCursor, start.deliveredCursor);
    assert.equal(failing.pending, 4);
    assert.ok(failing.nextAttemptAt && failing.lastAttemptAt && Date.parse(failing.nextAttemptAt) > Date.parse(failing.lastAttemptAt));
    assert.ok(failing.lastSuccessAt, 'the last success is still shown');

    await receiver.close();
    await decisions(2); // more changes wait behind the page that failed
    const refused = await statusWhen(
      deliverer,
      'the status to say the connection was refused',
      (s) => s.lastError === 'request failed (ECONNREFUSED)' && s.attempts > failing.attempts,
    );
    assert.equal(refused.state, 'failing');
    assert.equal(refused.pending, 6);

    receiver.answer(200);
    await receiver.reopen();
    const back = await caughtUp(deliverer);
    assert.equal(back.attempts, 0);
    assert.equal(back.lastError, null);
    assert.equal(back.nextAttemptAt, null);

    const feed = await feedChanges();
    assert.deepEqual(receiver.acknowledged(), feed, 'every change acknowledged once, in order');
    const after500 = receiver.got.filter((r) => r.answered === 500);
    assert.ok(after500.length >= 2);
    const firstPending = feed[acknowledgedBefore]!.id;
    for (const r of after500)
      assert.equal(r.deliveryId, firstPending, 'each retry is the page after the acknowledged cursor, never a later one');

    // One line when it started failing and one when it came back; no secret, URL or reference in either.
    const lines = [...errors.mock.calls, ...logs.mock.calls].map((c) => String(c.arguments[0])).filter((l) => l.includes('webhook'));
    assert.equal(lines.length, 2, lines.join('\n'));
    assert.equal(lines[0], 'backdesk-hub: website webhook failing (answered 500); retrying with back-off');
    assert.match(lines[1]!, /^backdesk-hub: website webhook delivering again after \d+ failed attempt\(s\)$/);
    for (const l of lines) for (const secret of [SECRET, new URL(receiver.url).port, 'wh-', 'hooks']) assert.ok(!l.includes(secret), l);
  } finally {
    errors.mock.restore();
    logs.mock.restore();
  }
});

test('a restarted hub goes on from the stored cursor: acknowledged pages are not sent again', async () => {
  const { deliveredCursor } = await caughtUp(deliverer);
  await deliverer.stop();
  const count = receiver.got.length;
  await decisions(3);
  const waiting = await hub.feed(`?cursor=${deliveredCursor}`);
  assert.equal(waiting.changes.length, 3);
  deliverer = await webhookHub();
  await caughtUp(deliverer);
  const resent = receiver.got.slice(count).flatMap((r) => WebsiteChangesPage.parse(JSON.parse(r.raw)).changes);
  assert.deepEqual(resent, waiting.changes, 'only what came after the stored cursor');
  assert.deepEqual(receiver.acknowledged(), await feedChanges());
});

test('two hubs delivering from one database take turns: each change is acknowledged once, in order', async () => {
  // On PostgreSQL the second hub has a connection of its own, as a second hub process would (the advisory lock
  // keeps them apart); a PGlite folder is open in one process only, so there both share it.
  const db = hub.storage.kind === 'postgres' ? await hub.storage.connect() : hub.db;
  const second = await webhookHub(SECRET, db);
  const count = receiver.got.length;
  receiver.slow(150); // three times the hubs' interval: each round is under way while the other hub looks
  try {
    for (let i = 0; i < 3; i++) await decisions(5);
    await caughtUp(deliverer);
    await caughtUp(second);
  } finally {
    receiver.slow(0);
  }
  const seen: WebsiteChange[] = receiver.got.slice(count).flatMap((r) => WebsiteChangesPage.parse(JSON.parse(r.raw)).changes);
  assert.equal(seen.length, 15);
  assert.equal(new Set(seen.map((c) => c.id)).size, 15, 'no change sent twice');
  assert.deepEqual(receiver.acknowledged(), await feedChanges());
  await second.stop();
  if (db !== hub.db) await db.close();
});
