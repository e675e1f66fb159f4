/** Staff accounts: creation, sign-in with lockout, grants, and each person's signing key. */
import { newId } from '../../../common/ids.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../../../common/node/passwords.ts';
import { newCredentials, type UnwrappedKey } from '../../../common/node/signing-keys.ts';
import type { JoiningStaff } from '../../../common/protocol/directory.ts';
import type { SigningKey } from '../../../common/protocol/signing.ts';
import type { Inbox, Person, Role } from '../../../common/roles.ts';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export class AuthError extends Error {
  constructor(
    readonly code:
      'bad_credentials' | 'account_locked' | 'weak_password' | 'username_taken' | 'already_initialised' | 'not_seated' | 'key_unreadable',
    message: string,
    readonly lockedUntil?: number,
    /** True when a password was actually checked and was wrong (the one that locks the account included). */
    readonly wrongPassword = code === 'bad_credentials',
  ) {
    super(message);
  }
}

export interface StaffRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  failed_attempts: number;
  locked_until: number | null;
  active: number;
  version: number;
  must_change_password: number;
  key_id: string | null;
  public_key: string | null;
  /** The private half, wrapped under the password (JSON of a WrappedKey). */
  wrapped_key: string | null;
  created_at: number;
}

// A real argon2id hash of a random string: unknown usernames are verified against it so that
// "no such user" takes as long as "wrong password" and the two cannot be told apart.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword(crypto.randomUUID()));

export interface NewStaff {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  grants?: Inbox[];
}

export async function createStaff(db: Db, s: NewStaff, now = Date.now()): Promise<Person> {
  const credentials = await credentialsFor(s.password);
  return db.transaction(() => insertStaff(db, s, credentials, now))();
}

/**
 * The very first account, a director, made without signing in. The "no staff yet" check and the insert
 * are one transaction, so callers racing each other get exactly one director; the others already_initialised.
 */
export async function createFirstDirector(
  db: Db,
  s: Omit<NewStaff, 'role' | 'grants'>,
  now = Date.now(),
  /** Runs in the same transaction, with the new director and their key (staff-admin.ts queues them for the directory). */
  made: (person: Person, key: UnwrappedKey) => void = () => {},
): Promise<{ person: Person; key: UnwrappedKey }> {
  refuseIfInitialised(db); // before the (slow) hash, so a closed door costs nothing
  const credentials = await credentialsFor(s.password);
  return db.transaction(() => {
    refuseIfInitialised(db);
    const person = insertStaff(db, { ...s, role: 'director' }, credentials, now);
    made(person, credentials.unwrapped);
    return { person, key: credentials.unwrapped };
  })();
}

function refuseIfInitialised(db: Db): void {
  if (countStaff(db) > 0) throw new AuthError('already_initialised', 'Backdesk already has a director; sign in instead');
}

export interface Credentials {
  hash: string;
  key: SigningKey;
  unwrapped: UnwrappedKey;
}

/** A new account's password hash and signing key (common/node/signing-keys.ts), once the password meets the rule. */
export async function credentialsFor(password: string, checkRule = true): Promise<Credentials> {
  const problem = checkRule && passwordProblem(password);
  if (problem) throw new AuthError('weak_password', problem);
  return newCredentials(password);
}

/** The key columns of a staff row, for an UPDATE or INSERT. */
export const keyColumns = (key: SigningKey) => [key.keyId, key.publicKey, JSON.stringify(key.wrapped)] as const;

/** Runs inside the caller's transaction: the username check and the insert cannot be split by another caller. */
function insertStaff(db: Db, s: NewStaff, { hash, key }: Credentials, now: number): Person {
  if (stmt(db, 'SELECT 1 FROM staff WHERE username = ?').get(s.username)) {
    throw new AuthError('username_taken', `the username ${s.username} is already taken`);
  }
  const id = newId();
  const grants = s.role === 'operator' ? [...new Set(s.grants ?? [])] : [];
  stmt(
    db,
    `INSERT INTO staff (id, username, display_name, role, password_hash, created_at, key_id, public_key, wrapped_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, s.username, s.displayName, s.role, hash, now, ...keyColumns(key));
  for (const g of grants) stmt(db, 'INSERT INTO staff_grants (staff_id, inbox) VALUES (?, ?)').run(id, g);
  return { id, username: s.username, displayName: s.displayName, role: s.role, grants };
}

export const countStaff = (db: Db): number => (stmt(db, 'SELECT count(*) AS n FROM staff').get() as { n: number }).n;

export function listStaff(db: Db): Person[] {
  return (stmt(db, 'SELECT * FROM staff WHERE active = 1 ORDER BY display_name').all() as StaffRow[]).map((r) => toPerson(db, r));
}

/**
 * This desk's accounts as they join the organisation's directory when the desk enrolls: every account it
 * has, disabled ones too (what they did still names them), with its password hash so nobody has to choose a
 * new password.
 */
export function joiningStaff(db: Db): JoiningStaff[] {
  return (stmt(db, 'SELECT * FROM staff ORDER BY created_at').all() as StaffRow[]).map((row) => {
    const { id, username, displayName, role, grants } = toPerson(db, row);
    return { id, username, displayName, role, grants, passwordHash: row.password_hash, active: row.active === 1, key: keyOfRow(row) };
  });
}

/** The account's signing key as the directory holds it, or null for an account from before keys. */
export function keyOfRow(row: StaffRow): SigningKey | null {
  if (!row.key_id || !row.public_key || !row.wrapped_key) return null;
  return { keyId: row.key_id, publicKey: row.public_key, wrapped: JSON.parse(row.wrapped_key) as SigningKey['wrapped'] };
}

/** The person with this id as the store holds them now, or null when the account is disabled or unknown. */
export function activePerson(db: Db, id: string): Person | null {
  const row = stmt(db, 'SELECT * FROM staff WHERE id = ? AND active = 1').get(id) as StaffRow | undefined;
  return row ? toPerson(db, row) : null;
}

export function toPerson(db: Db, row: StaffRow): Person {
  const grants = (stmt(db, 'SELECT inbox FROM staff_grants WHERE staff_id = ? ORDER BY inbox').all(row.id) as { inbox: Inbox }[]).map(
    (g) => g.inbox,
  );
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    grants,
    ...(row.must_change_password === 1 && { mustChangePassword: true }),
  };
}

/**
 * Checks a username and password. Five wrong passwords in a row lock the account for 15 minutes;
 * while locked, even the right password is refused.
 */
export async function authenticate(db: Db, username: string, password: string, now = Date.now()): Promise<Person> {
  const row = stmt(db, 'SELECT * FROM staff WHERE username = ? AND active = 1').get(username) as StaffRow | undefined;
  if (!row) {
    await verifyPassword(await decoy(), password);
    throw new AuthError('bad_credentials', 'wrong username or password');
  }
  return checkPassword(db, row, password, now);
}

/** Re-checks the password of someone already known (unlocking an idle-locked session); same lockout rules. */
export async function confirmPassword(db: Db, staffId: string, password: string, now = Date.now()): Promise<Person> {
  const row = stmt(db, 'SELECT * FROM staff WHERE id = ? AND active = 1').get(staffId) as StaffRow | undefined;
  if (!row) throw new AuthError('bad_credentials', 'this account no longer exists');
  return checkPassword(db, row, password, now);
}

/**
 * An attempt is reserved in one atomic UPDATE before the (slow, asynchronous) check, so concurrent callers
 * each take a slot: the slot that reaches the maximum locks the account at once, and every caller after it
 * is refused without its password being checked. At most five wrong passwords are ever checked per lockout
 * period, however many arrive at the same moment. A right password gives the slots back.
 */
async function checkPassword(db: Db, row: StaffRow, password: string, now: number): Promise<Person> {
  const slot = reserveAttempt(db, row.id, now);
  if (!slot) {
    const { locked_until } = stmt(db, 'SELECT locked_until FROM staff WHERE id = ?').get(row.id) as { locked_until: number };
    throw new AuthError('account_locked', 'too many wrong passwords: the account is locked', locked_until, false);
  }
  if (await verifyPassword(row.password_hash, password)) {
    stmt(db, 'UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(row.id);
    return toPerson(db, row);
  }
  if (slot.lockedUntil !== null) {
    throw new AuthError('account_locked', 'too many wrong passwords: the account is locked', slot.lockedUntil, true);
  }
  throw new AuthError('bad_credentials', 'wrong username or password');
}

/**
 * Takes one attempt, or returns null while the account is locked. A lock that has run out starts a fresh
 * count. (SQLite evaluates every SET expression against the row as it was, so both CASEs see the old values.)
 */
function reserveAttempt(db: Db, staffId: string, now: number): { lockedUntil: number | null } | null {
  const taken = stmt(
    db,
    `UPDATE staff
     SET failed_attempts = CASE WHEN locked_until IS NULL THEN failed_attempts + 1 ELSE 1 END,
         locked_until = CASE WHEN (CASE WHEN locked_until IS NULL THEN failed_attempts + 1 ELSE 1 END) >= @max THEN @until END
     WHERE id = @id AND (locked_until IS NULL OR locked_until <= @now)
     RETURNING locked_until AS lockedUntil`,
  ).get({ id: staffId, now, max: MAX_FAILED_ATTEMPTS, until: now + LOCKOUT_MS }) as { lockedUntil: number | null } | undefined;
  return taken ?? null;
}
