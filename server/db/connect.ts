/**
 * The hub's database: PostgreSQL through `pg` when DATABASE_URL is set, otherwise an embedded PGlite data
 * folder. Both speak the same SQL; the rest of the hub sees only this small interface.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface HubDb extends Queryable {
  /** Runs fn in one transaction; everything it writes lands together or not at all. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly kind: 'postgres' | 'pglite';
}

export async function connectHubDb(opts: { databaseUrl?: string; dataDir?: string }): Promise<HubDb> {
  if (opts.databaseUrl) return postgres(opts.databaseUrl);
  if (!opts.dataDir) throw new Error('the hub needs DATABASE_URL or a data folder for its embedded database');
  return pglite(opts.dataDir);
}

async function postgres(url: string): Promise<HubDb> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server drops (restart, failover) is replaced on next use; it must not crash the hub.
  pool.on('error', (e) => console.error('backdesk-hub: database connection lost:', e.message));
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    query: async (sql, params) => ({ rows: (await pool.query(sql, params)).rows }),
    exec: async (sql) => void (await pool.query(sql)),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async (sql, params) => ({ rows: (await client.query(sql, params)).rows }),
          exec: async (sql) => void (await client.query(sql)),
        });
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function pglite(dataDir: string): Promise<HubDb> {
  const db = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    query: async (sql, params) => ({ rows: (await db.query(sql, params)).rows as never[] }),
    exec: async (sql) => void (await db.exec(sql)),
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: async (sql, params) => ({ rows: (await tx.query(sql, params)).rows as never[] }),
          exec: async (sql) => void (await tx.exec(sql)),
        }),
      ),
    close: () => db.close(),
  };
}
