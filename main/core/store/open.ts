/**
 * Opens (or creates) a profile's encrypted store.
 *
 * The database key is 32 random bytes kept only in the OS keychain (service `backdesk`, account
 * `profile:<id>`). It is applied as a raw SQLCipher key, so no password stretching is done: the key is
 * already random. A store that exists is first checked read-only, so a wrong or missing key leaves the
 * file byte-for-byte unchanged. A key out of reach is told apart by cause, since each has its own fix: the
 * keychain is unreachable (install or start it), locked (unlock it) or has no such entry (restore it).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { fold } from '../../../common/text/fold.ts';
import { loadAuditAnchor } from '../audit/anchor.ts';
import { contactKeyer } from './contact-keys.ts';
import { KEYCHAIN_SERVICE, KeychainLockedError, KeychainUnavailableError, type Keychain } from '../security/keychain.ts';
import { migrations } from './migrations/index.ts';
import { indexQueued } from './search-index.ts';
import { settleClocks } from '../domain/sla.ts';

export type Db = Database.Database;

export interface Store {
  readonly db: Db;
  readonly dataDir: string;
  readonly profile: Profile;
  /**
   * What a worker thread of this process needs to open its own connection (long writes such as applying
   * pulled pages run there, off the main thread). Never written anywhere, never sent outside the process.
   */
  connectionSpec(): ConnectionSpec;
  close(): void;
}

export interface ConnectionSpec {
  path: string;
  keyHex: string;
}

/** Opens another connection to an open store (in a worker thread): keyed, configured, no migrations. */
export function connectTo(spec: ConnectionSpec): Db {
  const db = new Database(spec.path, { fileMustExist: true });
  applyKey(db, spec.keyHex);
  configure(db, spec.keyHex);
  return db;
}

export interface Profile {
  id: string;
  createdAt: string;
  demo: boolean;
}

export class StoreError extends Error {
  constructor(
    readonly code:
      'keychain_unavailable' | 'keychain_locked' | 'key_missing' | 'wrong_key' | 'not_encrypted' | 'profile_missing' | 'too_new',
    message: string,
  ) {
    super(message);
  }
}

export const DB_FILE = 'backdesk.db';
const PROFILE_FILE = 'profile.json';
const PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export const keychainAccount = (profile: Profile): string => `profile:${profile.id}`;

export interface OpenOptions {
  dataDir: string;
  keychain: Keychain;
  /** Marks a newly created profile as a demo profile (only `backdesk demo` sets it). */
  demo?: boolean;
  /** false: open without applying pending migrations (doctor reports them instead). */
  migrate?: boolean;
}

export async function openStore(opts: OpenOptions): Promise<Store> {
  try {
    return await open(opts);
  } catch (e) {
    if (e instanceof KeychainLockedError || e instanceof KeychainUnavailableError) throw new StoreError(e.code, e.message);
    throw e;
  }
}

async function open({ dataDir, keychain, demo = false, migrate: applyMigrations = true }: OpenOptions): Promise<Store> {
  const dbPath = join(dataDir, DB_FILE);
  const exists = existsSync(dbPath);
  const profile = exists ? readProfile(dataDir) : ensureProfile(dataDir, demo);
  const account = keychainAccount(profile);

  let keyHex = await keychain.get(KEYCHAIN_SERVICE, account);
  if (exists && !keyHex) {
    throw new StoreError(
      'key_missing',
      `The database key for this profile is not in the OS keychain: the keychain is reachable and not locked, and has ` +
        `no entry for service ${KEYCHAIN_SERVICE}, account ${account}. So ${dbPath} cannot be opened; the file was not ` +
        'changed. Restore that keychain entry from a backup of the keychain, or ask IT.',
    );
  }
  if (!keyHex) {
    keyHex = randomBytes(32).toString('hex');
    await keychain.set(KEYCHAIN_SERVICE, account, keyHex);
    if ((await keychain.get(KEYCHAIN_SERVICE, account)) !== keyHex) {
      throw new StoreError('key_missing', `The OS keychain did not keep the new database key for ${account}.`);
    }
  }
  if (!/^[0-9a-f]{64}$/.test(keyHex)) {
    throw new StoreError('wrong_key', `The keychain entry ${account} is not a 32-byte hex key; the file was not changed.`);
  }

  if (exists) assertKeyOpens(dbPath, keyHex);
  // Created empty and owner-only first: SQLite gives the -wal and -shm files the database file's mode.
  else writeFileSync(dbPath, '', { mode: 0o600, flag: 'wx' });
  const db = new Database(dbPath);
  try {
    applyKey(db, keyHex);
    configure(db, keyHex);
    if (applyMigrations) {
      migrate(db);
      indexQueued(db);
      settleClocks(db);
    }
    assertEncrypted(db, dbPath);
    await loadAuditAnchor(db, keychain, profile.id);
  } catch (e) {
    db.close();
    throw e;
  }
  const spec = { path: dbPath, keyHex };
  return { db, dataDir, profile, connectionSpec: () => ({ ...spec }), close: () => db.close() };
}

/** Registers what every connection needs (the fold function the FTS triggers call) and the pragmas. */
/** Settings and functions every connection needs; `keyHex` keys the contact lookup's hashes (contact-keys.ts). */
export function configure(db: Db, keyHex: string): void {
  db.function('bd_fold', { deterministic: true }, (text: unknown) => fold(String(text ?? '')));
  db.function('bd_contact', { deterministic: true }, contactKeyer(keyHex));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (the default is 2 MiB): every page read from disk is decrypted, so keeping
  // decrypted pages in memory is what makes repeated inbox and search queries cheap.
  db.pragma('cache_size = -65536');
  // Checkpoints run inside a commit, on the caller's thread: 250 pages at a time (instead of SQLite's
  // 1,000) keep each one short, so a long sync never holds the window's event loop for long.
  db.pragma('wal_autocheckpoint = 250');
}

export function applyKey(db: Db, keyHex: string): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  // x'…' with 64 hex digits is SQLCipher's raw-key form: the bytes are the key, no PBKDF2 stretching.
  db.pragma(`key = "x'${keyHex}'"`);
}

/** Applies every pending migration up to `target` (all of them by default), each in its own transaction with its user_version bump. */
export function migrate(db: Db, target = migrations.length): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new StoreError(
      'too_new',
      `This store is at schema ${current}, newer than this Backdesk (${migrations.length}). Update Backdesk.`,
    );
  }
  const pending = migrations.slice(current, target);
  if (pending.length === 0) return;
  // SQLite's way to change a table's shape: rebuild it with foreign keys off (the pragma is a no-op inside a
  // transaction), then check before each migration commits that it broke no reference that held before.
  db.pragma('foreign_keys = OFF');
  const brokenBefore = (db.pragma('foreign_key_check') as unknown[]).length;
  try {
    pending.forEach((sql, i) => {
      db.transaction(() => {
        db.exec(sql);
        const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
        if (broken.length > brokenBefore) {
          throw new Error(`migration ${current + i + 1} left rows of ${broken[0]!.table} pointing at missing ${broken[0]!.parent} rows`);
        }
        db.pragma(`user_version = ${current + i + 1}`);
      })();
    });
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

export const schemaVersion = (db: Db): number => db.pragma('user_version', { simple: true }) as number;
export const latestSchemaVersion = (): number => migrations.length;

function assertKeyOpens(dbPath: string, keyHex: string): void {
  const probe = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    applyKey(probe, keyHex);
    probe.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    if (!isEncryptedFile(dbPath)) throw notEncrypted(dbPath, ' The file was not changed.');
    throw new StoreError(
      'wrong_key',
      `${dbPath} cannot be decrypted with the key in the OS keychain: the key is wrong or the file is damaged. The file was not changed.`,
    );
  } finally {
    probe.close();
  }
}

/** Refuses to go on unless the bytes on disk are really ciphertext: a plaintext store is never acceptable. */
function assertEncrypted(db: Db, dbPath: string): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  if (!isEncryptedFile(dbPath)) throw notEncrypted(dbPath, '');
}

const notEncrypted = (dbPath: string, unchanged: string) =>
  new StoreError('not_encrypted', `${dbPath} is a plaintext SQLite file; Backdesk refuses to use it.${unchanged}`);

/** True when the file does not start with SQLite's plaintext header (SQLCipher encrypts page 1 too). */
export function isEncryptedFile(dbPath: string): boolean {
  const header = Buffer.alloc(16);
  const fd = openSync(dbPath, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return !header.equals(PLAINTEXT_HEADER);
}

function readProfile(dataDir: string): Profile {
  const path = join(dataDir, PROFILE_FILE);
  if (!existsSync(path)) {
    throw new StoreError('profile_missing', `${path} is missing, so Backdesk does not know which keychain entry holds this store's key.`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Profile;
}

function ensureProfile(dataDir: string, demo: boolean): Profile {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, PROFILE_FILE);
  if (existsSync(path)) return readProfile(dataDir);
  const profile: Profile = { id: randomUUID(), createdAt: new Date().toISOString(), demo };
  writeFileSync(path, JSON.stringify(profile, null, 2) + '\n', { mode: 0o600 });
  return profile;
}
