/**
 * A director keeping the organisation's staff from any desk: adding a person (with a one-time password they
 * replace at their first sign-in), changing a name, role or grants, disabling and re-enabling, resetting a
 * password; and a person choosing their own password. Each change is made here, audited, and queued in the
 * outbox as the whole account (`staff.upsert`, `staff.password`) in one transaction, so it reaches the hub's
 * directory and every other desk like any other change, and the hub judges it again.
 */
import { randomInt } from 'node:crypto';
import { newId } from '../../../common/ids.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../../../common/node/passwords.ts';
import { wrapKey, type UnwrappedKey } from '../../../common/node/signing-keys.ts';
import type { StaffAccount } from '../../../common/protocol/directory.ts';
import type { Inbox, Person, Role } from '../../../common/roles.ts';
import { appendAudit, type AuditActor } from '../audit/chain.ts';
import { DomainError } from '../domain/errors.ts';
import { enqueue } from '../domain/outbox.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { getSetting } from '../store/settings.ts';
import { URL_KEY } from '../sync/hub-link.ts';
import { keyRingOf } from './key-ring.ts';
import { AuthError, createFirstDirector, credentialsFor, keyColumns, keyOfRow, toPerson, type StaffRow } from './staff.ts';

export interface Account extends Person {
  active: boolean;
  version: number;
  /** The last thing this person did on this desk, as its audit log recorded it. */
  lastActiveAt: number | null;
}

export interface AccountChange {
  displayName: string;
  role: Role;
  grants: Inbox[];
}

// No 0/O or 1/l/I: a one-time password is read out or copied by hand.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
/** 14 characters from 56: about 81 bits, and within the password rule. */
const oneTimePassword = () => Array.from({ length: 14 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

export function listAccounts(db: Db): Account[] {
  const rows = stmt(
    db,
    `SELECT s.*, (SELECT max(a.at) FROM audit_log a WHERE a.actor_id = s.id) AS last_active_at
     FROM staff s ORDER BY s.active DESC, s.display_name, s.username`,
  ).all() as (StaffRow & { last_active_at: number | null })[];
  return rows.map((r) => ({ ...toPerson(db, r), active: r.active === 1, version: r.version, lastActiveAt: r.last_active_at }));
}

const rowOf = (db: Db, id: string): StaffRow => {
  const row = stmt(db, 'SELECT * FROM staff WHERE id = ?').get(id) as StaffRow | undefined;
  if (!row) throw new DomainError('not_found', 'no such person');
  return row;
};

/** The account as the directory holds it, from this desk's row (after the change was made here). */
function accountOf(db: Db, id: string): StaffAccount {
  const row = rowOf(db, id);
  const person = toPerson(db, row);
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    grants: person.grants,
    passwordHash: row.password_hash,
    active: row.active === 1,
    mustChangePassword: row.must_change_password === 1,
    key: keyOfRow(row),
  };
}

function queueAccount(
  db: Db,
  actor: AuditActor & { id: string },
  id: string,
  baseVersion: number | null,
  now: number,
  key?: UnwrappedKey,
): void {
  enqueue(
    db,
    { mutation: 'staff.upsert', entityType: 'staff', entityId: id, baseVersion, payload: accountOf(db, id), actorId: actor.id },
    now,
    key,
  );
}

function setGrants(db: Db, id: string, role: Role, grants: Inbox[]): void {
  stmt(db, 'DELETE FROM staff_grants WHERE staff_id = ?').run(id);
  if (role === 'operator') for (const g of new Set(grants)) stmt(db, 'INSERT INTO staff_grants (staff_id, inbox) VALUES (?, ?)').run(id, g);
}

/** A change made on the version the director saw; one made since by someone else is refused with what is current. */
function checkVersion(row: StaffRow, version: number): void {
  if (row.version !== version) {
    throw new DomainError('stale', `this person's account changed since you opened it (version ${version}, now ${row.version})`, {
      currentVersion: row.version,
    });
  }
}

/**
 * The very first account of this desk. On a desk already enrolled (with `backdesk enroll` before anyone had an
 * account) it is also the organisation's first director: queued for the directory in the same transaction,
 * which the hub accepts only while its directory is empty.
 */
export function firstDirector(
  db: Db,
  s: { username: string; displayName: string; password: string },
  now = Date.now(),
): Promise<{ person: Person; key: UnwrappedKey }> {
  return createFirstDirector(db, s, now, (person, key) => {
    if (getSetting(db, URL_KEY))
      queueAccount(db, { id: person.id, name: person.displayName, role: person.role }, person.id, null, now, key);
  });
}

export async function addPerson(
  db: Db,
  actor: AuditActor & { id: string },
  p: AccountChange & { username: string },
  now = Date.now(),
): Promise<{ person: Person; oneTimePassword: string }> {
  const password = oneTimePassword();
  // The new person's key is made here and wrapped under the one-time password; their own password re-wraps it.
  const { hash, key } = await credentialsFor(password, false);
  const person = db.transaction(() => {
    if (stmt(db, 'SELECT 1 FROM staff WHERE username = ?').get(p.username)) {
      throw new AuthError('username_taken', `the username ${p.username} is already taken`);
    }
    const id = newId();
    stmt(
      db,
      `INSERT INTO staff (id, username, display_name, role, password_hash, must_change_password, created_at, key_id, public_key, wrapped_key)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
    ).run(id, p.username, p.displayName, p.role, hash, now, ...keyColumns(key));
    setGrants(db, id, p.role, p.grants);
    queueAccount(db, actor, id, null, now);
    appendAudit(db, actor, { action: 'staff.add', targetType: 'staff', targetId: id, detail: { role: p.role, grants: p.grants } }, now);
    return toPerson(db, rowOf(db, id));
  })();
  return { person, oneTimePassword: password };
}

export function updatePerson(
  db: Db,
  actor: AuditActor & { id: string },
  id: string,
  version: number,
  c: AccountChange,
  now = Date.now(),
): number {
  return db.transaction(() => {
    const row = rowOf(db, id);
    checkVersion(row, version);
    if (id === actor.id && c.role !== row.role) throw new DomainError('invalid', 'a director cannot change their own role');
    stmt(db, 'UPDATE staff SET display_name = ?, role = ?, version = version + 1 WHERE id = ?').run(c.displayName, c.role, id);
    setGrants(db, id, c.role, c.grants);
    queueAccount(db, actor, id, version, now);
    appendAudit(db, actor, { action: 'staff.update', targetType: 'staff', targetId: id, detail: { role: c.role, grants: c.grants } }, now);
    return version + 1;
  })();
}

/** Disabling ends the person's sessions on every desk at its next sync, and they can no longer sign in. */
export function setActive(
  db: Db,
  actor: AuditActor & { id: string },
  id: string,
  version: number,
  active: boolean,
  now = Date.now(),
): number {
  return db.transaction(() => {
    const row = rowOf(db, id);
    checkVersion(row, version);
    if (id === actor.id) throw new DomainError('invalid', 'a director cannot disable their own account');
    stmt(db, 'UPDATE staff SET active = ?, version = version + 1 WHERE id = ?').run(active ? 1 : 0, id);
    queueAccount(db, actor, id, version, now);
    appendAudit(db, actor, { action: active ? 'staff.enable' : 'staff.disable', targetType: 'staff', targetId: id }, now);
    return version + 1;
  })();
}

/**
 * A new one-time password, shown once to the director; the person chooses their own at the next sign-in. The
 * old key cannot be opened without the old password, so a new key pair comes with it; the hub keeps the old
 * public key, so what the person signed before still verifies.
 */
export async function resetPassword(
  db: Db,
  actor: AuditActor & { id: string },
  id: string,
  version: number,
  now = Date.now(),
): Promise<{ version: number; oneTimePassword: string }> {
  const password = oneTimePassword();
  const { hash, key } = await credentialsFor(password, false);
  const next = db.transaction(() => {
    checkVersion(rowOf(db, id), version);
    stmt(
      db,
      `UPDATE staff SET password_hash = ?, must_change_password = 1, failed_attempts = 0, locked_until = NULL, version = version + 1,
         key_id = ?, public_key = ?, wrapped_key = ? WHERE id = ?`,
    ).run(hash, ...keyColumns(key), id);
    queueAccount(db, actor, id, version, now);
    appendAudit(db, actor, { action: 'staff.reset_password', targetType: 'staff', targetId: id }, now);
    return version + 1;
  })();
  return { version: next, oneTimePassword: password };
}

/**
 * A person replacing their password (a one-time one, or their own), after typing the current one. The key
 * their session holds is wrapped again under the new password: the same key, so nothing they signed changes.
 */
export async function chooseOwnPassword(
  db: Db,
  actor: AuditActor & { id: string },
  current: string,
  next: string,
  now = Date.now(),
): Promise<Person> {
  const row = rowOf(db, actor.id);
  if (!(await verifyPassword(row.password_hash, current))) throw new AuthError('bad_credentials', 'the current password is wrong');
  const problem = passwordProblem(next);
  if (problem) throw new AuthError('weak_password', problem);
  if (next === current) throw new AuthError('weak_password', 'the new password must differ from the current one');
  const held = keyRingOf(db).keyOf(actor.id);
  if (!held || held.keyId !== row.key_id) throw new DomainError('invalid', 'sign in again: your signing key is not open on this desk');
  const [hash, wrapped] = await Promise.all([hashPassword(next), wrapKey(held.privateKey, next)]);
  const key = { keyId: held.keyId, publicKey: row.public_key!, wrapped };
  return db.transaction(() => {
    stmt(db, 'UPDATE staff SET password_hash = ?, must_change_password = 0, version = version + 1, wrapped_key = ? WHERE id = ?').run(
      hash,
      JSON.stringify(wrapped),
      actor.id,
    );
    enqueue(
      db,
      { mutation: 'staff.password', entityType: 'staff', entityId: actor.id, payload: { passwordHash: hash, key }, actorId: actor.id },
      now,
    );
    appendAudit(db, actor, { action: 'auth.change_password', targetType: 'staff', targetId: actor.id }, now);
    return toPerson(db, rowOf(db, actor.id));
  })();
}
