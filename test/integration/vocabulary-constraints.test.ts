/**
 * Each vocabulary is written once, in common/vocabulary and common/roles.ts. The desk's CHECK constraints are
 * SQL in shipped migrations (never edited), so this test holds them to the lists: a value added to a list and
 * not to the store (or the other way round) fails here, not in a customer's sync.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INBOXES } from '../../common/roles.ts';
import { tempStore } from '../support/fixtures.ts';
import { SHARED_VOCABULARY_COLUMNS } from '../support/vocabulary-columns.ts';

/** table.column → the list it must allow, exactly. */
const VOCABULARY_COLUMNS: Record<string, readonly string[]> = {
  ...SHARED_VOCABULARY_COLUMNS,
  'staff_grants.inbox': INBOXES, // the hub keeps a person's grants as a JSON list, parsed with the same vocabulary
};

/** The values of every `column IN ('a', 'b')` constraint in a CREATE TABLE statement. */
function inLists(sql: string): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const m of sql.matchAll(/\b(\w+)\s+IN\s*\(([^)]*)\)/gi)) {
    const values = [...m[2]!.matchAll(/'([^']*)'/g)].map((v) => v[1]!);
    if (values.length) lists.set(m[1]!, values);
  }
  return lists;
}

test('the column check above reads a CHECK constraint (control)', () => {
  assert.deepEqual(inLists(`kind TEXT NOT NULL CHECK (kind IN ('a', 'b')), x INTEGER`).get('kind'), ['a', 'b']);
});

test('every CHECK list of the desk store is exactly its vocabulary', { timeout: 30_000 }, async () => {
  const store = await tempStore();
  const tables = store.db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table'`).all() as { name: string; sql: string }[];
  for (const [key, vocabulary] of Object.entries(VOCABULARY_COLUMNS)) {
    const [table, column] = key.split('.') as [string, string];
    const sql = tables.find((t) => t.name === table)?.sql;
    assert.ok(sql, `the desk store has a table ${table}`);
    assert.deepEqual(inLists(sql).get(column)?.slice().sort(), [...vocabulary].sort(), `${key} allows exactly ${vocabulary.join(', ')}`);
  }
});
