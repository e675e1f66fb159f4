/** The hub's CHECK constraints allow exactly the shared vocabularies (see test/integration/vocabulary-constraints.test.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestHub } from '../support/hub.ts';
import { SHARED_VOCABULARY_COLUMNS } from '../support/vocabulary-columns.ts';

test('every CHECK list of the hub is exactly its vocabulary', { timeout: 60_000 }, async () => {
  const hub = await startTestHub();
  const { rows } = await hub.db.query<{ table: string; def: string }>(
    `SELECT c.conrelid::regclass::text AS table, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c WHERE c.contype = 'c'`,
  );
  for (const [key, vocabulary] of Object.entries(SHARED_VOCABULARY_COLUMNS)) {
    const [table, column] = key.split('.') as [string, string];
    // PostgreSQL prints `column = ANY (ARRAY['a'::text, 'b'::text])`.
    const def = rows.find((r) => r.table === table && new RegExp(`\\(?${column}\\b`).test(r.def) && r.def.includes('ARRAY'))?.def;
    assert.ok(def, `the hub has a CHECK on ${key}`);
    const values = [...def.matchAll(/'([^']*)'::text/g)].map((m) => m[1]!);
    assert.deepEqual(values.slice().sort(), [...vocabulary].sort(), `${key} allows exactly ${vocabulary.join(', ')}`);
  }
});
