/** Staff accounts: creation, sign-in with lockout, grants. */
import { newId } from '../../../common/ids.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import type { Inbox, Person, Role } from '../../../common/roles.ts';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export class AuthError extends Error {
  constructor(
    readonly code: 'bad_credentials' | 'account_locked' | 'weak_password' | 'username_taken',
    message: string,
    readonly lockedUntil?: number,
  ) {
    super(message);
  }
}

interface StaffRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  failed_attempts: number;
  locked_until: number | null;
  active: number;
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
  const problem = passwordProblem(s.password);
  if (problem) throw new AuthError('weak_password', problem);
  if (stmt(db, 'SELECT 1 FROM staff WHERE username = ?').get(s.username)) {
    throw new AuthError('username_taken', `the username ${s.username} is already taken`);
  }
  const hash = await hashPassword(s.password);
  const id = newId();
  const grants = s.role === 'operator' ? [...new Set(s.grants ?? [])] : [];
  db.transaction(() => {
    stmt(db, 'INSERT INTO staff (id, username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      id,
      s.username,
      s.displayName,
      s.role,
      hash,
      now,
    );
    for (const g of grants) stmt(db, 'INSERT INTO staff_grants (staff_id, inbox) VALUES (?, ?)').run(id, g);
  })();
  return { id, username: s.username, displayName: s.displayName, role: s.role, grants };
}

export const countStaff = (db: Db): number => (stmt(db, 'SELECT count(*) AS n FROM staff').get() as { n: number }).n;

export function getPerson(db: Db, id: string): Person | null {
  const row = stmt(db, 'SELECT * FROM staff WHERE id = ? AND active = 1').get(id) as StaffRow | undefined;
  return row ? toPerson(db, row) : null;
}

export function listStaff(db: Db): Person[] {
  return (stmt(db, 'SELECT * FROM staff WHERE active = 1 ORDER BY display_name').all() as StaffRow[]).map((r) => toPerson(db, r));
}

function toPerson(db: Db, row: StaffRow): Person {
  const grants = (stmt(db, 'SELECT inbox FROM staff_grants WHERE staff_id = ? ORDER BY inbox').all(row.id) as { inbox: Inbox }[]).map(
    (g) => g.inbox,
  );
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role, grants };
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

async function checkPassword(db: Db, row: StaffRow, password: string, now: number): Promise<Person> {
  if (row.locked_until !== null && row.locked_until > now) {
    throw new AuthError('account_locked', 'too many wrong passwords: the account is locked', row.locked_until);
  }
  if (await verifyPassword(row.password_hash, password)) {
    stmt(db, 'UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(row.id);
    return toPerson(db, row);
  }
  // A lock that has run out starts a fresh count.
  const failed = (row.locked_until !== null ? 0 : row.failed_attempts) + 1;
  if (failed >= MAX_FAILED_ATTEMPTS) {
    const until = now + LOCKOUT_MS;
    stmt(db, 'UPDATE staff SET failed_attempts = 0, locked_until = ? WHERE id = ?').run(until, row.id);
    throw new AuthError('account_locked', 'too many wrong passwords: the account is locked', until);
  }
  stmt(db, 'UPDATE staff SET failed_attempts = ?, locked_until = NULL WHERE id = ?').run(failed, row.id);
  throw new AuthError('bad_credentials', 'wrong username or password');
}
