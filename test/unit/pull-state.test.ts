/**
 * Where a desk stands in the hub's feed after each page (main/core/sync/pull-state.ts): what it holds shrinks by
 * what the hub says to purge; a scope its people gained is backfilled up to its cursor before it counts as held,
 * and at cursor 0 there is nothing to backfill; a backfill's own pages never move the feed's cursor.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PullQuery } from '../../common/protocol/sync.ts';
import type { Scope } from '../../common/roles.ts';
import { afterPage, pullPath, type PullState } from '../../main/core/sync/pull-state.ts';

const TIMEOUT = { timeout: 10_000 };

test('a main page moves the cursor and drops what the hub says to purge', TIMEOUT, () => {
  const s: PullState = { cursor: 10, held: ['complaint', 'comment'], backfill: null };
  assert.deepEqual(afterPage(s, { cursor: 40, more: true, scope: ['comment'], purge: ['complaint'] }), {
    cursor: 40,
    held: ['comment'],
    backfill: null,
  });
});

test('a scope gained starts a backfill up to the cursor; at cursor 0 it is simply held', TIMEOUT, () => {
  const s: PullState = { cursor: 10, held: ['comment'], backfill: null };
  assert.deepEqual(afterPage(s, { cursor: 40, more: false, scope: ['complaint', 'comment'], purge: [] }), {
    cursor: 40,
    held: ['comment'],
    backfill: { scopes: ['complaint'], cursor: 0 },
  });
  assert.deepEqual(afterPage({ ...s, cursor: 0 }, { cursor: 0, more: false, scope: ['complaint', 'comment'], purge: [] }), {
    cursor: 0,
    held: ['complaint', 'comment'],
    backfill: null,
  });
});

test('backfill pages move only the backfill; the last makes its scopes held, less what was purged meanwhile', TIMEOUT, () => {
  const s: PullState = { cursor: 40, held: ['comment'], backfill: { scopes: ['complaint', 'warranty'], cursor: 0 } };
  const scope: Scope[] = ['complaint', 'comment', 'warranty'];
  const middle = afterPage(s, { cursor: 25, more: true, scope, purge: [] });
  assert.deepEqual(middle, { cursor: 40, held: ['comment'], backfill: { scopes: ['complaint', 'warranty'], cursor: 25 } });
  const last = afterPage(middle, { cursor: 33, more: false, scope: ['complaint', 'comment'], purge: ['warranty'] });
  assert.deepEqual(last, { cursor: 40, held: ['complaint', 'comment'], backfill: null });
  // The scope grew again while the backfill ran: the next backfill starts as this one ends.
  const again = afterPage(middle, { cursor: 33, more: false, scope: [...scope, 'feedback'], purge: [] });
  assert.deepEqual(again, { cursor: 40, held: ['complaint', 'warranty', 'comment'], backfill: { scopes: ['feedback'], cursor: 0 } });
});

test('the request says what the desk holds, and for a backfill what and from where; the hub parses it back', TIMEOUT, () => {
  const path = pullPath({ cursor: 40, held: ['comment'], backfill: { scopes: ['complaint', 'warranty'], cursor: 25 } }, 250, false);
  const query = PullQuery.parse(Object.fromEntries(new URL(path, 'http://127.0.0.1').searchParams));
  assert.deepEqual(query, {
    cursor: 40,
    limit: 250,
    count: 'false',
    scope: ['comment'],
    backfill: ['complaint', 'warranty'],
    backfillCursor: 25,
  });
  const none = PullQuery.parse(
    Object.fromEntries(new URL(pullPath({ cursor: 0, held: [], backfill: null }, 250, true), 'http://x').searchParams),
  );
  assert.deepEqual(none.scope, [], 'holding nothing is said, not left out (left out means everything)');
  assert.equal(PullQuery.safeParse({ scope: 'complaint,secrets' }).success, false);
});
