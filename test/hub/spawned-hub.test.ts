/**
 * Hubs in a process of their own (the crash tests') really use this pass's database: on PostgreSQL the
 * rows they write are read back through a plain pg connection to the test's own database, and no PGlite
 * folder is made; on PGlite they are in the folder. A hub that fell back to PGlite fails here.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { complaint, passDatabase, testHubStorage } from '../support/hub.ts';
import { freePort, hubCli, printedSecret, startHubProcess, stopped } from '../support/processes.ts';

test(`a hub process and the hub CLI use this pass's database (${passDatabase()}), and their rows are in it`, async () => {
  const storage = await testHubStorage();
  assert.equal(storage.kind, passDatabase());
  const key = printedSecret(hubCli(storage, ['website-key']));
  const port = await freePort();
  const hub = await startHubProcess(storage, port);
  try {
    assert.deepEqual(await (await fetch(`http://127.0.0.1:${port}/health`)).json(), { ok: true, database: passDatabase() });
    const posted = await fetch(`http://127.0.0.1:${port}/intake/v1/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}`, 'Idempotency-Key': 'spawned-0001' },
      body: JSON.stringify(complaint('spawned')),
    });
    assert.equal(posted.status, 201);
    const { id } = (await posted.json()) as { id: string };
    const keyHash = createHash('sha256').update(key).digest('hex');

    if (storage.kind === 'postgres') {
      // Read while the hub runs, with pg itself rather than the hub's own connection code.
      const client = new pg.Client({ connectionString: storage.databaseUrl });
      await client.connect();
      try {
        const name = (await client.query<{ name: string }>('SELECT current_database() AS name')).rows[0]!.name;
        assert.equal(`/${name}`, new URL(storage.databaseUrl!).pathname);
        assert.deepEqual((await client.query('SELECT id FROM submissions')).rows, [{ id }]);
        assert.equal((await client.query('SELECT 1 FROM website_keys WHERE key_hash = $1', [keyHash])).rows.length, 1);
      } finally {
        await client.end();
      }
      assert.equal(existsSync(storage.dataDir), false, 'the hub made no PGlite folder');
    } else {
      await stopped(hub); // PGlite: one process at a time in the folder
      const lite = await PGlite.create(storage.dataDir);
      try {
        assert.deepEqual((await lite.query('SELECT id FROM submissions')).rows, [{ id }]);
        assert.equal((await lite.query('SELECT 1 FROM website_keys WHERE key_hash = $1', [keyHash])).rows.length, 1);
      } finally {
        await lite.close();
      }
    }
  } finally {
    await stopped(hub);
  }
});
