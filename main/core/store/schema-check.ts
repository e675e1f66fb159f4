/**
 * Compares a store's schema with the one its migrations make. The triggers and constraints that protect the
 * audit log and customers' fixed fields live in the file, where anyone with the key can drop or change them,
 * so doctor checks them against the schema derived now, by applying the same migrations to an empty
 * in-memory database: no fingerprint to keep up to date when a migration is added.
 */
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { configure, migrate, schemaVersion, type Db } from './open.ts';

export interface SchemaDifference {
  /** missing: made by the migrations, absent from the file; altered: present with other SQL; unexpected: not made by them. */
  kind: 'missing' | 'altered' | 'unexpected';
  type: string;
  name: string;
}

/** What differs between the store and the schema its migrations make at the store's own version. */
export function compareSchema(db: Db): SchemaDifference[] {
  const expected = expectedSchema(schemaVersion(db));
  const actual = schemaOf(db);
  const differences: SchemaDifference[] = [];
  for (const [key, object] of expected) {
    const found = actual.get(key);
    if (!found) differences.push({ kind: 'missing', type: object.type, name: object.name });
    else if (found.sql !== object.sql) differences.push({ kind: 'altered', type: object.type, name: object.name });
  }
  for (const [key, object] of actual)
    if (!expected.has(key)) differences.push({ kind: 'unexpected', type: object.type, name: object.name });
  return differences;
}

function expectedSchema(version: number): Map<string, SchemaObject> {
  const scratch = new Database(':memory:');
  try {
    // The schema is what is compared; any key makes the contact lookup's functions exist.
    configure(scratch, randomBytes(32).toString('hex'));
    migrate(scratch, version);
    return schemaOf(scratch);
  } finally {
    scratch.close();
  }
}

interface SchemaObject {
  type: string;
  name: string;
  sql: string | null;
}

/**
 * Every object keyed by type and name, its SQL with each run of white space made one space. sqlite_stat*
 * tables are left out: SQLite makes them itself when it gathers statistics.
 */
function schemaOf(db: Db): Map<string, SchemaObject> {
  const rows = db
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\'`)
    .all() as SchemaObject[];
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, { ...r, sql: r.sql?.replace(/\s+/g, ' ').trim() ?? null }]));
}
