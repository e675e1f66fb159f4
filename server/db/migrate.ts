import type { HubDb } from './connect.ts';
import { hubMigrations } from './migrations/index.ts';
import { takeWriteLock } from './write-lock.ts';

/**
 * Applies pending migrations up to `upTo` (all of them by default; tests stop earlier to build an old
 * schema), each in its own transaction with its version row. Safe to run concurrently.
 */
export async function migrateHub(db: HubDb, upTo = hubMigrations.length): Promise<number> {
  await db.query('CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  let applied = 0;
  for (const [i, sql] of hubMigrations.slice(0, upTo).entries()) {
    const version = i + 1;
    const done = await db.transaction(async (tx) => {
      // Two hubs starting at once against one PostgreSQL: the lock makes the second wait, then skip.
      await tx.query('SELECT pg_advisory_xact_lock(7001)');
      // A migration that rewrites synced rows hands out seq values like any other write (0004 renames
      // events): it holds the change log's write lock too, or a hub serving the same database could commit
      // a lower seq after a desk's cursor has passed it. Writers take only 7002, so the order cannot deadlock.
      await takeWriteLock(tx);
      if ((await tx.query('SELECT 1 FROM schema_version WHERE version = $1', [version])).rows.length) return false;
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_version (version) VALUES ($1)', [version]);
      return true;
    });
    if (done) applied++;
  }
  return applied;
}
