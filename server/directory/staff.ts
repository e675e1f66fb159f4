/**
 * The organisation's staff directory on the hub: one account per person for every desk. It is made by the
 * first director (`backdesk-hub init`) and by standalone desks whose accounts join it when they enroll;
 * desks replicate it by pull (server/sync/pull.ts), password hashes included, so people sign in anywhere.
 */
import type { JoiningStaff, StaffAccount, UsernameClash } from '../../common/protocol/directory.ts';
import { mayUseInbox, type Inbox, type Role } from '../../common/roles.ts';
import type { HubDb, Queryable } from '../db/connect.ts';
import { takeWriteLock } from '../db/write-lock.ts';
import { HttpError } from '../http-errors.ts';

interface Holder {
  id: string;
  username: string;
  display_name: string;
  role: Role;
}

const holderOf = async (tx: Queryable, username: string) =>
  (await tx.query<Holder>('SELECT id, username, display_name, role FROM staff WHERE lower(username) = lower($1)', [username])).rows[0];

/**
 * Brings a standalone desk's accounts into the directory, inside its enrollment's transaction. An account the
 * directory already has (the same id: a desk enrolling again) stays as the directory holds it. A username
 * another person holds is refused with both people named, and nothing of the enrollment is kept.
 */
export async function joinStaff(tx: Queryable, deviceId: string, people: JoiningStaff[]): Promise<void> {
  if (people.length === 0) return;
  await takeWriteLock(tx);
  for (const p of people) {
    if ((await tx.query('SELECT 1 FROM staff WHERE id = $1', [p.id])).rows.length) continue;
    const holder = await holderOf(tx, p.username);
    if (holder) {
      throw new HttpError(
        409,
        'username_taken',
        `the username ${p.username} of ${p.displayName} (${p.role}) on this workstation already belongs to ${holder.display_name} ` +
          `(${holder.role}) in the organisation's directory: rename one of them, then enroll again`,
        'staff',
        undefined,
        {
          clash: {
            username: p.username,
            joining: { displayName: p.displayName, role: p.role },
            holder: { displayName: holder.display_name, role: holder.role },
          } satisfies UsernameClash,
        },
      );
    }
    await tx.query(
      `INSERT INTO staff (id, username, display_name, role, grants, password_hash, active, joined_from, seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0)`,
      [p.id, p.username, p.displayName, p.role, JSON.stringify(p.role === 'operator' ? p.grants : []), p.passwordHash, p.active, deviceId],
    );
  }
}

/**
 * The organisation's first director, made once: the "directory is empty" check and the insert hold the
 * write lock together, so two `init`s racing each other make one director and the other is refused.
 */
export async function createFirstDirector(
  db: HubDb,
  person: { id: string; username: string; displayName: string; passwordHash: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await takeWriteLock(tx);
    if ((await tx.query('SELECT 1 FROM staff LIMIT 1')).rows.length) return false;
    await tx.query(`INSERT INTO staff (id, username, display_name, role, password_hash, seq) VALUES ($1, $2, $3, 'director', $4, 0)`, [
      person.id,
      person.username,
      person.displayName,
      person.passwordHash,
    ]);
    return true;
  });
}

export async function listDirectory(db: Queryable) {
  return (
    await db.query<Holder & { grants: string[]; active: boolean }>(
      'SELECT id, username, display_name, role, grants, active FROM staff ORDER BY lower(username)',
    )
  ).rows;
}

/** The id when the directory knows this person, else null (an account made on a desk that has not joined). */
export async function knownPerson(tx: Queryable, id: string | null): Promise<string | null> {
  if (!id) return null;
  return (await tx.query('SELECT 1 FROM staff WHERE id = $1', [id])).rows.length ? id : null;
}

/** Why the hub refuses a change to the directory; the push records it as the change's rejection. */
export class DirectoryRefusal extends Error {
  constructor(
    message: string,
    readonly current?: Record<string, unknown>,
  ) {
    super(message);
  }
}

const activeDirector = async (tx: Queryable, id: string) =>
  (await tx.query(`SELECT 1 FROM staff WHERE id = $1 AND role = 'director' AND active`, [id])).rows.length > 0;

/**
 * A director's change to one account, whole: a new person (no base version) or a change made on the version
 * the director saw. Only an active director in the directory may make it; a username someone else holds is
 * refused, naming them; a change on a version someone else has changed since is refused with what is current.
 */
export async function upsertAccount(
  tx: Queryable,
  actorId: string,
  id: string,
  baseVersion: number | null,
  a: StaffAccount,
): Promise<void> {
  if (!(await activeDirector(tx, actorId)) && !(await firstDirectorOfEmptyDirectory(tx, actorId, id, a))) {
    throw new DirectoryRefusal('only a director may change the staff directory');
  }
  const holder = await holderOf(tx, a.username);
  if (holder && holder.id !== id) {
    throw new DirectoryRefusal(`the username ${a.username} already belongs to ${holder.display_name} (${holder.role})`);
  }
  const grants = JSON.stringify(a.role === 'operator' ? a.grants : []);
  const current = (await tx.query<{ version: number }>('SELECT version FROM staff WHERE id = $1 FOR UPDATE', [id])).rows[0];
  if (!current) {
    if (baseVersion !== null) throw new DirectoryRefusal('no such person in the directory');
    await tx.query(
      `INSERT INTO staff (id, username, display_name, role, grants, password_hash, active, must_change_password, seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0)`,
      [id, a.username, a.displayName, a.role, grants, a.passwordHash, a.active, a.mustChangePassword],
    );
    return;
  }
  if (baseVersion !== current.version) {
    throw new DirectoryRefusal(`changed by someone else since (version ${baseVersion ?? 'new'} → ${current.version})`, {
      version: current.version,
    });
  }
  await tx.query(
    `UPDATE staff SET username = $2, display_name = $3, role = $4, grants = $5, password_hash = $6, active = $7,
       must_change_password = $8, version = version + 1, updated_at = now(),
       disabled_at = CASE WHEN $7 THEN NULL WHEN active THEN now() ELSE disabled_at END
     WHERE id = $1`,
    [id, a.username, a.displayName, a.role, grants, a.passwordHash, a.active, a.mustChangePassword],
  );
}

/**
 * The first-run screen of a desk enrolled before anyone had an account makes the organisation's first
 * director: a director making their own new account, accepted only while the directory is empty (the push
 * holds the write lock, so two desks racing make one).
 */
async function firstDirectorOfEmptyDirectory(tx: Queryable, actorId: string, id: string, a: StaffAccount): Promise<boolean> {
  if (actorId !== id || a.role !== 'director' || !a.active) return false;
  return (await tx.query('SELECT 1 FROM staff LIMIT 1')).rows.length === 0;
}

/** A person choosing their own password: only for themselves, while their account is active. */
export async function changeOwnPassword(tx: Queryable, actorId: string, id: string, passwordHash: string): Promise<void> {
  if (actorId !== id) throw new DirectoryRefusal('a person may choose only their own password');
  const changed = await tx.query(
    `UPDATE staff SET password_hash = $2, must_change_password = false, version = version + 1, updated_at = now()
     WHERE id = $1 AND active RETURNING id`,
    [id, passwordHash],
  );
  if (!changed.rows.length) throw new DirectoryRefusal('this account is disabled or not in the directory');
}

/**
 * The person behind a change to a submission or a comment, judged against the directory: they must be in it,
 * their account must not have been disabled before they made the change, and they must hold the inbox
 * (directors hold every one; IT admins none). Refused with the reason, which their desk shows them.
 */
export async function checkPerson(tx: Queryable, actorId: string, madeAt: Date, inbox: Inbox): Promise<void> {
  const p = (
    await tx.query<{ display_name: string; role: Role; grants: Inbox[]; active: boolean; disabled_at: Date | null }>(
      'SELECT display_name, role, grants, active, disabled_at FROM staff WHERE id = $1',
      [actorId],
    )
  ).rows[0];
  if (!p) throw new DirectoryRefusal('the person who made this change is not in the organisation’s staff directory');
  if (!p.active && (p.disabled_at === null || madeAt >= p.disabled_at)) {
    throw new DirectoryRefusal(`${p.display_name}’s account was disabled before this change was made`);
  }
  if (!mayUseInbox(p, inbox)) {
    throw new DirectoryRefusal(`${p.display_name} does not hold the ${inbox} inbox`);
  }
}

/**
 * A desk's seat list, set from that desk by a director or its IT admin (null: everyone may sign in there).
 * Only the desk itself sends its own; the people named must be in the directory.
 */
export async function setSeats(
  tx: Queryable,
  deviceId: string,
  actorId: string,
  entityId: string,
  staffIds: string[] | null,
): Promise<void> {
  if (entityId !== deviceId) throw new DirectoryRefusal('a desk sets only its own seat list');
  const actor = (await tx.query<{ role: Role }>('SELECT role FROM staff WHERE id = $1 AND active', [actorId])).rows[0];
  if (!actor || actor.role === 'operator') throw new DirectoryRefusal('only a director or an IT admin may set who signs in on a desk');
  const known = staffIds && (await tx.query('SELECT id FROM staff WHERE id = ANY($1)', [staffIds])).rows.length;
  if (staffIds && known !== new Set(staffIds).size) throw new DirectoryRefusal('the seat list names someone who is not in the directory');
  await tx.query(
    `INSERT INTO device_seats (id, staff_ids, seq) VALUES ($1, $2, 0) ON CONFLICT (id) DO UPDATE SET staff_ids = excluded.staff_ids`,
    [deviceId, staffIds && JSON.stringify(staffIds)],
  );
}
