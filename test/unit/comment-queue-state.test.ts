/**
 * The moderation queue's state steps (renderer/src/comments/queue.ts): what is selected after a decision, with
 * comments held behind the "N new" cue, after one decision on a selection, and what Space picks.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decided, decidedMany, emptyQueue, loaded, merged, toggleChecked, type Comment } from '../../renderer/src/comments/queue.ts';

const row = (id: string): Comment => ({
  id,
  pageUrl: 'https://shop.example.vn/p',
  pageTitle: null,
  body: id,
  postedAt: 0,
  status: 'pending',
  decidedBy: null,
  decidedAt: null,
  authorUsername: null,
  markers: [],
  replyTo: null,
  submission: null,
  rejectReason: null,
});
const ids = (...xs: string[]) => xs.map(row);

test('deciding the last comment on screen while new ones wait behind the cue shows them and selects the first', () => {
  let q = loaded(emptyQueue('pending'), { total: 1, rows: ids('c1') });
  // Two comments sync in above the selected one: held behind the cue.
  q = merged(q, { total: 3, rows: ids('n2', 'n1', 'c1') }, false, 50);
  assert.deepEqual([...q.held], ['n2', 'n1']);
  q = decided(q, 'c1', 'approved');
  assert.equal(q.held.size, 0);
  assert.equal(q.selected, 'n2');
});

test('one decision on picked comments takes them out and unpicks them; the selection moves to one that stays', () => {
  let q = loaded(emptyQueue('pending'), { total: 4, rows: ids('a', 'b', 'c', 'd') });
  q = toggleChecked(q); // a
  q = toggleChecked({ ...q, selected: 'c' });
  assert.deepEqual([...q.checked].sort(), ['a', 'c']);
  q = decidedMany(q, ['a', 'c'], 'rejected');
  assert.deepEqual(
    q.rows.map((r) => r.id),
    ['b', 'd'],
  );
  assert.equal(q.checked.size, 0);
  assert.equal(q.selected, 'd');
  assert.equal(q.total, 2);
});
