/**
 * Why a comment waits: the hub marks each comment at intake (banned and suspect words on folded text, two links
 * or more, a first comment, the same text again, an author mostly rejected of late), keeps where it was posted and
 * the comment it answers, and a desk receives all of it and lists it with the comment.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CommentMarker } from '../../common/moderation/markers.ts';
import { signedIn } from '../support/api-calls.ts';
import { enrolledDesk } from '../support/enrolled-desk.ts';
import { startTestHub, websiteComment } from '../support/hub.ts';

const hub = await startTestHub();
let n = 0;

/** Posts a comment by `author` and answers the markers the hub put on it. */
async function marked(
  author: string,
  body: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; markers: CommentMarker[] }> {
  const posted = await hub.post('/intake/v1/comments', websiteComment(`mk-${n++}`, author, { body, ...extra }));
  assert.equal(posted.status, 201, JSON.stringify(posted.body));
  const { markers } = (await hub.db.query<{ markers: CommentMarker[] }>('SELECT markers FROM comments WHERE id = $1', [posted.body.id]))
    .rows[0]!;
  return { id: posted.body.id, markers };
}
const reasons = (m: CommentMarker[]) => m.map((x) => x.reason).sort();

test('banned and suspect words are marked written with marks, without them, and with đ or d in any case', async () => {
  await marked('mk-words', 'Xin chào'); // so the author's later comments are not first ones
  for (const body of ['ĐM giao chậm', 'dm giao chậm', 'Đm giao chậm', 'giao chậm, đM'])
    assert.deepEqual((await marked('mk-words', `${body} ${n}`)).markers, [{ reason: 'banned_words', words: ['đm'] }], body);
  assert.deepEqual((await marked('mk-words', `shop LUA DAO, liên hệ Zalo ${n}`)).markers, [
    { reason: 'suspect_words', words: ['lừa đảo', 'zalo'] },
  ]);
  assert.deepEqual((await marked('mk-words', `Admin trả lời nhanh, dmx ${n}`)).markers, [], 'whole words only');
});

test('two links are marked, one is not; a first comment is; the same text again is, with how many times', async () => {
  assert.deepEqual(reasons((await marked('mk-first', 'Bình luận đầu tiên của tôi')).markers), ['first_comment']);
  assert.deepEqual((await marked('mk-first', 'Xem http://a.example nhé')).markers, [], 'one link');
  assert.deepEqual((await marked('mk-first', 'Xem http://a.example và www.b.example')).markers, [{ reason: 'links', count: 2 }]);
  await marked('mk-first', 'Sản phẩm rất đáng tiền');
  assert.deepEqual((await marked('mk-first', 'SẢN PHẨM rất đáng tiền!!')).markers, [{ reason: 'repeat', count: 1 }]);
  // Reactions without words are not "the same text": many write them without copying anyone.
  await marked('mk-first', '👍👍');
  assert.deepEqual((await marked('mk-first', '👍👍')).markers, []);
  assert.deepEqual((await marked('mk-first', '!!!')).markers, []);
  assert.deepEqual((await marked('mk-repeat-other', 'san pham rat dang tien')).markers, [
    { reason: 'first_comment' },
    { reason: 'repeat', count: 2 },
  ]);
});

test('an author mostly rejected of late is marked; the marks, the page and the comment answered reach a desk and its list', async () => {
  const d = await enrolledDesk(hub, 'Mk', [['mod_mk', 'operator', ['comment']]]);
  const call = await signedIn(d.desk, 'mod_mk');
  const earlier = [
    await marked('mk-rude', 'một'),
    await marked('mk-rude', 'hai'),
    await marked('mk-rude', 'ba'),
    await marked('mk-rude', 'bốn'),
  ];
  await d.desk.sync.syncNow();
  for (const [i, c] of earlier.entries())
    assert.ok((await call('comments.moderate', { id: c.id, decision: i === 3 ? 'approved' : i === 2 ? 'spam' : 'rejected' })).ok);
  await d.desk.sync.syncNow();
  const rude = await marked('mk-rude', 'ĐM lại là tôi', { pageTitle: 'Nồi cơm điện Sharp 1,8 lít | Shop', inReplyTo: 'mk-0' });
  assert.deepEqual(rude.markers, [
    { reason: 'banned_words', words: ['đm'] },
    { reason: 'author_rejections', rejected: 3, decided: 4 },
  ]);
  assert.deepEqual((await marked('mk-polite', 'năm')).markers, [{ reason: 'first_comment' }]);

  await d.desk.sync.syncNow();
  const listed = await call('comments.list', { status: 'pending', limit: 500 });
  assert.ok(listed.ok);
  const row = (listed.result as { rows: { id: string; markers: CommentMarker[]; pageTitle: string | null; replyTo: unknown }[] }).rows.find(
    (r) => r.id === rude.id,
  );
  assert.deepEqual(row?.markers, rude.markers);
  assert.equal(row?.pageTitle, 'Nồi cơm điện Sharp 1,8 lít | Shop');
  assert.deepEqual(row?.replyTo, { body: 'Xin chào', authorUsername: 'user_mk-words' });
});

test('a reply to a comment the hub never received is refused, naming the field, and nothing is written', async () => {
  const before = (await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM comments')).rows[0]!.n;
  const r = await hub.post('/intake/v1/comments', websiteComment('mk-orphan', 'mk-orphan-author', { inReplyTo: 'no-such-ref' }));
  assert.equal(r.status, 422);
  assert.equal(r.body.error.field, 'inReplyTo');
  assert.equal((await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM comments')).rows[0]!.n, before);
});
