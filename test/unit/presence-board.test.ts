/** The hub's presence board: a report lasts its time unless renewed, and a person has one submission open per desk. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PRESENCE_TTL_MS } from '../../common/protocol/presence.ts';
import { PresenceBoard } from '../../server/presence/board.ts';

const S1 = '00000000-0000-4000-8000-000000000001';
const S2 = '00000000-0000-4000-8000-000000000002';
const LAN = { personId: '00000000-0000-4000-8000-00000000000a', name: 'Lan' };
const MINH = { personId: '00000000-0000-4000-8000-00000000000b', name: 'Minh' };

test('a report not renewed within its time is forgotten; one renewed is kept; opening another moves the person', () => {
  const board = new PresenceBoard();
  const names = (a: { others: { name: string }[] }) => a.others.map((o) => o.name);
  board.report('desk-a', { ...LAN, submissionId: S1, state: 'viewing' }, 0);
  assert.deepEqual(names(board.report('desk-b', { ...MINH, submissionId: S1, state: 'viewing' }, PRESENCE_TTL_MS - 1)), ['Lan']);
  assert.deepEqual(names(board.report('desk-b', { ...MINH, submissionId: S1, state: 'viewing' }, PRESENCE_TTL_MS)), [], 'expired');

  board.report('desk-a', { ...LAN, submissionId: S1, state: 'viewing' }, 100_000);
  board.report('desk-a', { ...LAN, submissionId: S1, state: 'viewing' }, 100_000 + PRESENCE_TTL_MS - 1);
  assert.deepEqual(
    names(board.report('desk-b', { ...MINH, submissionId: S1, state: 'viewing' }, 100_000 + PRESENCE_TTL_MS + 1)),
    ['Lan'],
    'renewed',
  );
  board.report('desk-a', { ...LAN, submissionId: S2, state: 'viewing' }, 100_000 + PRESENCE_TTL_MS + 2);
  assert.deepEqual(
    names(board.report('desk-b', { ...MINH, submissionId: S1, state: 'viewing' }, 100_000 + PRESENCE_TTL_MS + 3)),
    [],
    'she moved on',
  );
  // A `left` for a submission she no longer has open does not take her off the one she has.
  board.report('desk-a', { ...LAN, submissionId: S1, state: 'left' }, 100_000 + PRESENCE_TTL_MS + 4);
  assert.deepEqual(names(board.report('desk-b', { ...MINH, submissionId: S2, state: 'viewing' }, 100_000 + PRESENCE_TTL_MS + 5)), ['Lan']);
  // The same person on another desk is shown; on the same desk, never.
  assert.deepEqual(names(board.report('desk-c', { ...LAN, submissionId: S2, state: 'viewing' }, 100_000 + PRESENCE_TTL_MS + 6)), [
    'Lan',
    'Minh',
  ]);
});
