/**
 * What comment moderators keep besides decisions, across a hub and desks: the word lists a director keeps from a
 * desk, which mark the next comments at the hub and reach every desk holding comments; and an author's standing,
 * with "ban and reject everything pending" reaching comments on two desks and one no desk has pulled yet, notes
 * going to every desk, and the website feed told of bans and pre-moderation.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CommentMarker } from '../../common/moderation/markers.ts';
import { wordId } from '../../common/node/word-ids.ts';
import { enqueue } from '../../main/core/domain/outbox.ts';
import { errorCode, result, signedIn } from '../support/api-calls.ts';
import { enrolledDesk } from '../support/enrolled-desk.ts';
import { startTestHub, websiteComment } from '../support/hub.ts';

const hub = await startTestHub();

async function post(ref: string, author: string, body: string): Promise<string> {
  const r = await hub.post('/intake/v1/comments', websiteComment(ref, author, { body }));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}

async function person(deskName: string, username: string, role: 'director' | 'operator') {
  const d = await enrolledDesk(hub, deskName, [[username, role, role === 'director' ? [] : ['comment']]]);
  const raw = await signedIn(d.desk, username);
  const call = async (method: string, input: unknown = {}) => result<any>(await raw(method, input));
  const status = (id: string) =>
    (d.desk.store.db.prepare('SELECT status FROM comments WHERE id = ?').get(id) as { status: string } | undefined)?.status;
  return { d, raw, call, status, sync: () => d.desk.sync.syncNow() };
}

const markersOnHub = async (id: string) =>
  (await hub.db.query<{ markers: CommentMarker[] }>('SELECT markers FROM comments WHERE id = $1', [id])).rows[0]!.markers;
const statusOnHub = async (id: string) =>
  (await hub.db.query<{ status: string }>('SELECT status FROM comments WHERE id = $1', [id])).rows[0]!.status;

test('a director keeps the word lists from a desk: the hub marks the next comments with them, and every desk holding comments gets them', async () => {
  const director = await person('Words A', 'wl_director', 'director');
  const mod = await person('Words B', 'wl_mod', 'operator');
  const seeded = (await mod.call('moderationWords.list')) as { word: string; level: string }[];
  assert.ok(
    seeded.some((w) => w.word === 'giá rẻ' && w.level === 'suspect'),
    'the hub’s seeded lists reach the desk',
  );

  // Added as "Hàng Giả" and matched as "HANG GIA"; "giá rẻ" removed; "zalo" moved to banned, named another way.
  await director.call('moderationWords.save', { word: { word: 'Hàng Giả', level: 'banned', removed: false } });
  await director.call('moderationWords.save', { word: { word: 'giá rẻ', level: 'suspect', removed: true } });
  await director.call('moderationWords.save', { word: { word: 'ZALO', level: 'banned', removed: false } });
  await director.sync();
  const onHub = (
    await hub.db.query<{ id: string; word: string; level: string; removed: boolean }>(
      `SELECT id, word, level, removed FROM moderation_words WHERE word_key IN ('hang gia', 'gia re', 'zalo') ORDER BY word_key`,
    )
  ).rows;
  assert.deepEqual(onHub, [
    { id: wordId('giá rẻ'), word: 'giá rẻ', level: 'suspect', removed: true },
    { id: wordId('hàng giả'), word: 'Hàng Giả', level: 'banned', removed: false },
    { id: wordId('zalo'), word: 'ZALO', level: 'banned', removed: false },
  ]);

  const id = await post('wl-1', 'wl-author', 'Shop bán HANG GIA giá rẻ, liên hệ zalo nhé');
  assert.deepEqual(
    (await markersOnHub(id)).filter((m) => m.reason.endsWith('_words')),
    [{ reason: 'banned_words', words: ['Hàng Giả', 'ZALO'] }],
    'the removed word marks nothing; the moved one is banned now',
  );

  await mod.sync();
  const seen = (await mod.call('moderationWords.list')) as { word: string; level: string }[];
  assert.ok(seen.some((w) => w.word === 'Hàng Giả' && w.level === 'banned'));
  assert.ok(seen.some((w) => w.word === 'ZALO' && w.level === 'banned'));
  assert.ok(!seen.some((w) => w.word === 'giá rẻ'), 'a removed word leaves every desk');

  // Only directors keep the lists: the desk refuses an operator, and so does the hub if a change gets there anyway.
  assert.equal(errorCode(await mod.raw('moderationWords.save', { word: { word: 'spam', level: 'banned', removed: false } })), 'forbidden');
  const modId = mod.d.staff.wl_mod!.id;
  const sent = enqueue(mod.d.desk.store.db, {
    mutation: 'word.save',
    entityType: 'moderation_word',
    entityId: wordId('spam'),
    payload: { word: 'spam', level: 'banned', removed: false },
    actorId: modId,
  });
  await mod.sync();
  const refused = mod.d.desk.store.db.prepare('SELECT state, reason FROM outbox WHERE id = ?').get(sent) as {
    state: string;
    reason: string;
  };
  assert.deepEqual(refused, { state: 'rejected', reason: 'only a director may change the word lists' });
  assert.equal((await hub.db.query(`SELECT 1 FROM moderation_words WHERE word_key = 'spam'`)).rows.length, 0);
});

test('ban and reject all: the author’s pending comments on two desks and one no desk has pulled are rejected; a decision made offline meanwhile loses; the website is told', async () => {
  const a = await person('Authors A', 'au_a', 'operator');
  const b = await person('Authors B', 'au_b', 'operator');
  const first = await post('ba-1', 'ba-author', 'Bình luận thứ nhất của người này');
  const second = await post('ba-2', 'ba-author', 'Bình luận thứ hai của người này');
  const other = await post('ba-other', 'ba-someone-else', 'Một người khác viết');
  await a.sync();
  await b.sync();
  const third = await post('ba-3', 'ba-author', 'Bình luận thứ ba, chưa desk nào thấy');

  // B approves the first offline; A, not knowing, bans the author with everything pending.
  await b.call('comments.moderate', { id: first, decision: 'approved' });
  await a.call('comments.authorNote', { id: second, body: 'Quảng cáo lặp lại nhiều lần' });
  const banned = await a.call('comments.authorStanding', {
    id: second,
    standing: { premoderate: true, banned: true, banReason: 'Spam quảng cáo', rejectPending: true },
  });
  assert.deepEqual(banned, { rejected: 2 });
  assert.deepEqual([a.status(first), a.status(second), a.status(other)], ['rejected', 'rejected', 'pending']);

  const cursor = (await hub.feed('?limit=1000')).cursor;
  await a.sync();
  assert.deepEqual(
    [await statusOnHub(first), await statusOnHub(second), await statusOnHub(third), await statusOnHub(other)],
    ['rejected', 'rejected', 'rejected', 'pending'],
    'every waiting comment of the author is rejected at the hub, the one no desk pulled too',
  );
  const told = (await hub.feed(`?cursor=${cursor}&limit=1000`)).changes.map((c) =>
    'author' in c ? `${c.type}:${c.author.ref}` : 'comment' in c ? `${c.type}:${c.comment.ref}` : c.type,
  );
  assert.deepEqual(told, [
    'author.ban:ba-author',
    'author.premoderate:ba-author',
    'comment.hide:ba-1',
    'comment.hide:ba-2',
    'comment.hide:ba-3',
  ]);

  // B's approval reaches the hub after the ban: refused, and B is told who decided.
  await b.sync();
  const lost = b.d.desk.store.db
    .prepare(`SELECT state, reason FROM outbox WHERE entity_id = ? AND mutation = 'comment.moderate'`)
    .get(first) as {
    state: string;
    reason: string;
  };
  assert.equal(lost.state, 'rejected');
  assert.match(lost.reason, /^already rejected by .+ at /);
  assert.deepEqual([b.status(first), b.status(second), b.status(third)], ['rejected', 'rejected', 'rejected']);

  // B sees the standing and A's note; B's own note reaches A.
  const panel = await b.call('comments.author', { id: third });
  assert.deepEqual(
    [
      panel.standing.banned,
      panel.standing.premoderate,
      panel.standing.banReason,
      panel.standing.notes.map((n: { body: string }) => n.body),
    ],
    [true, true, 'Spam quảng cáo', ['Quảng cáo lặp lại nhiều lần']],
  );
  await b.call('comments.authorNote', { id: third, body: 'Đã gọi điện nhắc nhở' });
  await b.sync();
  await a.sync();
  const notes = (await a.call('comments.author', { id: first })).standing.notes.map((n: { body: string; by: string }) => n.body);
  assert.deepEqual(notes, ['Quảng cáo lặp lại nhiều lần', 'Đã gọi điện nhắc nhở']);

  // Lifting the ban keeps pre-moderation; the website is told the ban only.
  const before = (await hub.feed('?limit=1000')).cursor;
  await b.call('comments.authorStanding', {
    id: third,
    standing: { premoderate: true, banned: false, banReason: null, rejectPending: false },
  });
  await b.sync();
  const lifted = (await hub.feed(`?cursor=${before}&limit=1000`)).changes.map((c) => c.type);
  assert.deepEqual(lifted, ['author.unban']);
  await a.sync();
  assert.equal((await a.call('comments.author', { id: first })).standing.banned, false);
});

test('a ban sent late over a later change is refused: the desk puts back what the hub holds and its comments wait again', async () => {
  const a = await person('Authors E', 'au_e', 'operator');
  const b = await person('Authors F', 'au_f', 'operator');
  const ids = [await post('late-1', 'late-author', 'Bình luận một'), await post('late-2', 'late-author', 'Bình luận hai')];
  await a.sync();
  await b.sync();
  await a.call('comments.authorStanding', {
    id: ids[0],
    standing: { premoderate: false, banned: true, banReason: 'Spam', rejectPending: true },
  });
  assert.deepEqual(ids.map(a.status), ['rejected', 'rejected']);
  // B, later, only puts the author on pre-moderation, and reaches the hub first.
  await new Promise((resolve) => setTimeout(resolve, 5));
  await b.call('comments.authorStanding', {
    id: ids[0],
    standing: { premoderate: true, banned: false, banReason: null, rejectPending: false },
  });
  await b.sync();
  await a.sync();
  const refused = a.d.desk.store.db.prepare(`SELECT state, reason FROM outbox WHERE mutation = 'author.standing'`).get() as {
    state: string;
    reason: string;
  };
  assert.equal(refused.state, 'rejected');
  assert.match(refused.reason, /^the author's standing was changed since by /);
  const standing = (await a.call('comments.author', { id: ids[0] })).standing;
  assert.deepEqual([standing.banned, standing.premoderate], [false, true], 'the hub’s standing, put back');
  assert.deepEqual(ids.map(a.status), ['pending', 'pending'], 'the comments the refused ban rejected here wait again');
  assert.deepEqual([await statusOnHub(ids[0]!), await statusOnHub(ids[1]!)], ['pending', 'pending']);

  // Only comment moderators: a change from someone without the inbox is refused by the hub too.
  const other = await enrolledDesk(hub, 'Authors G', [['au_g', 'operator', ['complaint']]]);
  const customerId = (await hub.db.query<{ id: string }>('SELECT customer_id AS id FROM comments WHERE id = $1', [ids[0]])).rows[0]!.id;
  const sent = enqueue(other.desk.store.db, {
    mutation: 'author.note',
    entityType: 'comment_author',
    entityId: customerId,
    payload: { noteId: '01900000-0000-7000-8000-000000000001', body: 'x' },
    actorId: other.staff.au_g!.id,
  });
  await other.desk.sync.syncNow();
  const note = other.desk.store.db.prepare('SELECT state, reason FROM outbox WHERE id = ?').get(sent) as { state: string; reason: string };
  assert.equal(note.state, 'rejected');
  assert.match(note.reason, /did not hold the comment inbox/);
});

test('a standing or a note about an author is for comment moderators, and a ban needs its reason', async () => {
  const mod = await person('Authors C', 'au_c', 'operator');
  const other = await enrolledDesk(hub, 'Authors D', [['au_complaints', 'operator', ['complaint']]]);
  const id = await post('ba-c', 'ba-c-author', 'Xin chào cửa hàng');
  await mod.sync();
  await other.desk.sync.syncNow();
  const noComments = await signedIn(other.desk, 'au_complaints');
  assert.equal(errorCode(await noComments('comments.authorNote', { id, body: 'x' })), 'forbidden');
  const noReason = await mod.raw('comments.authorStanding', {
    id,
    standing: { premoderate: false, banned: true, banReason: null, rejectPending: false },
  });
  assert.equal(errorCode(noReason), 'invalid_input');
});
