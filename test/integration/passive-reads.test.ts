/**
 * The lists a screen reads again after each background sync (staff, seats, catalogue, warranty emails, tags,
 * canned replies, saved views, service settings) are passive: a screen left open on a syncing desk still idles
 * into the lock, as an inbox does with relist and reload.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorCode, signedIn } from '../support/api-calls.ts';
import { addStaff, tempDesk } from '../support/fixtures.ts';

const READS: [method: string, input: unknown][] = [
  ['staff.list', {}],
  ['desk.seats', {}],
  ['products.list', {}],
  ['notices.templates', {}],
  ['tags.list', {}],
  ['cannedReplies.list', {}],
  ['views.list', {}],
  ['service.settings', {}],
];

test('a director’s screens re-read in the background without keeping an idle session awake', { timeout: 30_000 }, async () => {
  const desk = await tempDesk({ idleLockMs: 400 });
  await addStaff(desk.store, 'giamdoc', 'director');
  const director = await signedIn(desk, 'giamdoc');
  for (const [method, input] of READS) assert.equal(errorCode(await director(method, input)), 'ok', method);
  const until = Date.now() + 600;
  while (Date.now() < until) {
    for (const [method, input] of READS) await director(method, input);
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(errorCode(await director('complaints.list', {})), 'session_locked');
});
