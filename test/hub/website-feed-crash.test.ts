/**
 * The website reads its feed while the hub dies: the hub, in a process of its own, is killed with SIGKILL
 * while a page request is in its socket, unanswered; the website retries that page from the cursor it kept
 * once the hub is back. Every decision reaches it exactly once, in commit order, and a replay of the whole
 * feed afterwards is the same feed.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { test } from 'node:test';
import { WebsiteChangesPage } from '../../common/protocol/website-feed.ts';
import { signedIn } from '../support/api-calls.ts';
import { enrolledDesk } from '../support/enrolled-desk.ts';
import { commentChanges, startTestHub, websiteComment, type CommentChange } from '../support/hub.ts';
import { freePort, killed, startHubProcess, stopped } from '../support/processes.ts';

const DECISIONS = ['approved', 'rejected', 'spam'] as const;

/** One page of the feed, or the error that ended the request (as the website's HTTP client sees it). */
function page(port: number, key: string, cursor: number, limit: number, sent?: () => void): Promise<WebsiteChangesPage> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `/website/v1/changes?cursor=${cursor}&limit=${limit}`,
        headers: { Authorization: `Bearer ${key}` },
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => (body += c));
        res.on('end', () => {
          try {
            assert.equal(res.statusCode, 200, body);
            resolve(WebsiteChangesPage.parse(JSON.parse(body)));
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('no answer within 30 s')));
    req.on('error', reject);
    // Called once the whole request is in the socket: the hub has it, whether or not it reads it.
    req.end(sent);
  });
}

test('the hub killed with SIGKILL while a feed page is asked for; the website asks again from its cursor: every decision once, in order', async () => {
  const hub = await startTestHub();
  const d = await enrolledDesk(hub, 'W', [['mod_w', 'operator', ['comment']]]);
  const call = await signedIn(d.desk, 'mod_w');
  const expected: [string, string][] = [];
  const ids: string[] = [];
  for (let i = 0; i < 30; i++)
    ids.push((await hub.post('/intake/v1/comments', websiteComment(`crash-${i}`, `crash-author-${i % 4}`))).body.id);
  await d.desk.sync.syncNow();
  for (const [i, id] of ids.entries()) {
    const decision = DECISIONS[i % 3]!;
    assert.ok((await call('comments.moderate', { id, decision })).ok);
    expected.push([`crash-${i}`, decision === 'approved' ? 'comment.publish' : 'comment.hide']);
  }
  await d.desk.sync.syncNow();
  const key = hub.websiteKey;
  await hub.stop();

  const port = await freePort();
  let child = await startHubProcess(hub.storage, port);
  try {
    const seen: CommentChange[] = [];
    let cursor = 0;
    for (let i = 0; i < 2; i++) {
      const p = await page(port, key, cursor, 4);
      seen.push(...commentChanges(p));
      cursor = p.cursor;
    }
    // The next page is asked for while the hub is frozen, so the request sits in its socket unanswered; then it dies.
    child.kill('SIGSTOP');
    let requestSent!: () => void;
    const sent = new Promise<void>((r) => (requestSent = r));
    const lost = page(port, key, cursor, 4, requestSent).then(
      () => null,
      (e: Error) => e,
    );
    await sent;
    await killed(child);
    const failure = await lost;
    assert.ok(failure instanceof Error, 'the page asked for when the hub died got no answer');
    assert.match(failure.message, /socket hang up|ECONNRESET/);

    child = await startHubProcess(hub.storage, port);
    for (let more = true; more;) {
      const p = await page(port, key, cursor, 4);
      seen.push(...commentChanges(p));
      cursor = p.cursor;
      more = p.more;
    }
    assert.deepEqual(
      seen.map((c) => [c.comment.ref, c.type]),
      expected,
    );
    assert.equal(new Set(seen.map((c) => c.id)).size, 30, 'each change once');
    const replay: CommentChange[] = [];
    for (let from = 0, more = true; more;) {
      const p = await page(port, key, from, 7);
      replay.push(...commentChanges(p));
      from = p.cursor;
      more = p.more;
    }
    assert.deepEqual(replay, seen, 'the feed read again from the start is the same feed');
  } finally {
    await stopped(child);
  }
});
