/**
 * The organisation's staff directory on the hub: one account per person for every desk. It is made by the
 * first director (`backdesk-hub init`) and by standalone desks whose accounts join it when they enroll;
 * desks replicate it by pull (server/sync/pull.ts), password hashes included, so people sign in anywhere.
 */
import type { JoiningStaff, StaffAccount, UsernameClash } from '../../common/protocol/directory.ts';
import type { SigningKey } from '../../common/protocol/signing.ts';
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
    if (p.key) await adoptKey(tx, p.id, p.key, (why) => new HttpError(409, 'key_taken', why, 'staff'));
  }
}

/**
 * Makes `key` the person's current signing key, and one of theirs for good (staff_keys). A key id the
 * directory holds for someone else, or with another public half, is refused.
 */
async function adoptKey(tx: Queryable, staffId: string, key: SigningKey, refuse: (why: string) => Error): Promise<void> {
  const held = (
    await tx.query<{ staff_id: string; public_key: string }>('SELECT staff_id, public_key FROM staff_keys WHERE id = $1', [key.keyId])
  ).rows[0];
  if (held && (held.staff_id !== staffId || held.public_key !== key.publicKey)) throw refuse('this signing key is already someone else’s');
  if (!held) await tx.query('INSERT INTO staff_keys (id, staff_id, public_key) VALUES ($1, $2, $3)', [key.keyId, staffId, key.publicKey]);
  await tx.query('UPDATE staff SET key_id = $2, public_key = $3, wrapped_key = $4 WHERE id = $1', [
    staffId,
    key.keyId,
    key.publicKey,
    JSON.stringify(key.wrapped),
  ]);
}

const refusal = (why: string) => new DirectoryRefusal(why);

/**
 * The organisation's first director, made once: the "directory is empty" check and the insert hold the
 * write lock together, so two `init`s racing each other make one director and the other is refused.
 */
export async function createFirstDirector(
  db: HubDb,
  person: { id: string; username: string; displayName: string; passwordHash: string; key: SigningKey },
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
    await adoptKey(tx, person.id, person.key, refusal);
    return true;
  });
}

export async function listDirectory(db: Queryable) {
  return (
    await db.query<Holder & { grants: string[]; active: boolean; has_key: boolean }>(
      'SELECT id, username, display_name, role, grants, active, key_id IS NOT NULL AS has_key FROM staff ORDER BY lower(username)',
    )
  ).rows;
}

/** The id when the directory knows this person, else null (an account made on a desk that has not joined). */
export async function knownPerson(tx: Queryable, id: string | null): Promise<string | null> {
  if (!id) return null;
  return (await tx.query('SELECT 1 FROM staff WHERE id = $1', [id])).rows.length ? id : null;
}

/** Whether an active person of the directory may work an inbox (common/roles.ts), as their desk would check. */
export async function worksInbox(tx: Queryable, id: string, inbox: Inbox): Promise<boolean> {
  const row = (await tx.query<{ role: Role; grants: Inbox[] }>('SELECT role, grants FROM staff WHERE id = $1 AND active', [id])).rows[0];
  return row !== undefined && mayUseInbox(row, inbox);
}

/** Why the hub refuses a change to the directory; the push records it as the change's rejection. */
export class DirectoryRefusal extends Error {
  constructor(
    message: string,
    readonly current?: Record<string, unknown>,
  ) {
    super(message);
  }

  /** A refusal the desk words in the person's language by its code, sent with the names its words need. */
  static coded(code: string, words: string, names: Record<string, unknown> = {}): DirectoryRefusal {
    return new DirectoryRefusal(words, { refusal: code, ...names });
  }
}

/** A person as the directory held them at a time: the version of their role, grants and standing in force then. */
interface PersonThen {
  display_name: string;
  role: Role;
  grants: Inbox[];
  active: boolean;
}

/**
 * Who the person was when they made a change (their desk's clock, which signed it): the staff_history version
 * in force then. A person's first version counts from always (migration 0009).
 */
export async function personAt(tx: Queryable, id: string, madeAt: Date): Promise<PersonThen | null> {
  return (
    (
      await tx.query<PersonThen>(
        `SELECT s.display_name, h.role, h.grants, h.active FROM staff s
         JOIN LATERAL (SELECT role, grants, active FROM staff_history h WHERE h.staff_id = s.id AND h.valid_from <= $2
                       ORDER BY h.valid_from DESC, h.id DESC LIMIT 1) h ON true
         WHERE s.id = $1`,
        [id, madeAt.toISOString()],
      )
    ).rows[0] ?? null
  );
}

/** Whether the person was an active director when they made a change. */
export const directorThen = async (tx: Queryable, id: string, madeAt: Date) => {
  const p = await personAt(tx, id, madeAt);
  return p?.role === 'director' && p.active;
};

/**
 * A director's change to one account, whole: a new person (no base version) or a change made on the version
 * the director saw. Only an active director in the directory may make it; a username someone else holds is
 * refused, naming them; a change on a version someone else has changed since is refused with what is current.
 */
export async function upsertAccount(
  tx: Queryable,
  m: { actorId: string; entityId: string; baseVersion: number | null; createdAt: number; payload: StaffAccount },
): Promise<void> {
  const { actorId, entityId: id, baseVersion, payload: a } = m;
  const madeAt = new Date(m.createdAt);
  if (!(await directorThen(tx, actorId, madeAt)) && !(await firstDirectorOfEmptyDirectory(tx, actorId, id, a))) {
    throw new DirectoryRefusal('only a director may change the staff directory');
  }
  // The person's new role, grants or standing count from when the director made the change (staff_history).
  await tx.query(`SELECT set_config('backdesk.valid_from', $1, true)`, [madeAt.toISOString()]);
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
    if (a.key) await adoptKey(tx, id, a.key, refusal);
    return;
  }
  if (baseVersion !== current.version) {
    throw new DirectoryRefusal(`changed by someone else since (version ${baseVersion ?? 'new'} → ${current.version})`, {
      version: current.version,
    });
  }
  await tx.query(
    `UPDATE staff SET username = $2, display_name = $3, role = $4, grants = $5, password_hash = $6, active = $7,
       must_change_password = $8, version = version + 1, updated_at = now()
     WHERE id = $1`,
    [id, a.username, a.displayName, a.role, grants, a.passwordHash, a.active, a.mustChangePassword],
  );
  if (a.key) await adoptKey(tx, id, a.key, refusal);
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

/**
 * A person choosing their own password, with their current key wrapped again under it: only for themselves,
 * while their account is active, and only for the key the directory holds now (after a director's reset the
 * person's desk must first receive the new one).
 */
export async function changeOwnPassword(tx: Queryable, actorId: string, id: string, passwordHash: string, key: SigningKey): Promise<void> {
  if (actorId !== id) throw new DirectoryRefusal('a person may choose only their own password');
  const changed = await tx.query(
    `UPDATE staff SET password_hash = $2, must_change_password = false, wrapped_key = $4, version = version + 1, updated_at = now()
     WHERE id = $1 AND active AND key_id = $3 AND public_key = $5 RETURNING id`,
    [id, passwordHash, key.keyId, JSON.stringify(key.wrapped), key.publicKey],
  );
  if (!changed.rows.length) {
    throw new DirectoryRefusal('this account is disabled, not in the directory, or its key was replaced by a reset since');
  }
}

/**
 * The first key of a person whose account came from before keys (their desk made it at their sign-in). A
 * person who already has a key keeps it; the same key sent again changes nothing.
 */
export async function registerFirstKey(tx: Queryable, actorId: string, id: string, key: SigningKey): Promise<void> {
  if (actorId !== id) throw new DirectoryRefusal('a person may register only their own key');
  const p = (await tx.query<{ key_id: string | null }>('SELECT key_id FROM staff WHERE id = $1 FOR UPDATE', [id])).rows[0];
  if (!p) throw new DirectoryRefusal('this person is not in the organisation’s staff directory');
  if (p.key_id === key.keyId) return;
  if (p.key_id) throw new DirectoryRefusal('this person already has a signing key in the directory');
  await adoptKey(tx, id, key, refusal);
}

/**
 * The person behind a change to a submission or a comment, judged against the directory: they must be in it,
 * their account must not have been disabled before they made the change, and they must hold the inbox
 * (directors hold every one; IT admins none). Refused with the reason, which their desk shows them.
 */
export async function checkPerson(tx: Queryable, actorId: string, madeAt: Date, inbox: Inbox): Promise<void> {
  const p = await personAt(tx, actorId, madeAt);
  if (!p) throw new DirectoryRefusal('the person who made this change is not in the organisation’s staff directory');
  if (!p.active) throw new DirectoryRefusal(`${p.display_name}’s account was disabled before this change was made`);
  if (!mayUseInbox(p, inbox)) {
    throw new DirectoryRefusal(`${p.display_name} did not hold the ${inbox} inbox when this change was made`);
  }
}

/**
 * The seat list a standalone desk kept, as it enrolls (after its people joined): from then on the hub holds it
 * and scopes the desk's pulls by it, as if it had been set there. Only people of the directory stay on it.
 */
export async function joinSeats(tx: Queryable, deviceId: string, staffIds: string[] | null): Promise<void> {
  if (staffIds === null) return;
  const known = (await tx.query<{ id: string }>('SELECT id FROM staff WHERE id = ANY($1)', [staffIds])).rows.map((r) => r.id);
  await tx.query('INSERT INTO device_seats (id, staff_ids, seq) VALUES ($1, $2, 0)', [deviceId, JSON.stringify(known)]);
}

/**
 * A desk's seat list, set from that desk by a director or its IT admin (null: everyone may sign in there).
 * Only the desk itself sends its own; the people named must be in the directory.
 */
export async function setSeats(
  tx: Queryable,
  deviceId: string,
  m: { actorId: string; entityId: string; createdAt: number; payload: { staffIds: string[] | null } },
): Promise<void> {
  const { staffIds } = m.payload;
  if (m.entityId !== deviceId) throw new DirectoryRefusal('a desk sets only its own seat list');
  const actor = await personAt(tx, m.actorId, new Date(m.createdAt));
  if (!actor?.active || actor.role === 'operator')
    throw new DirectoryRefusal('only a director or an IT admin may set who signs in on a desk');
  const known = staffIds && (await tx.query('SELECT id FROM staff WHERE id = ANY($1)', [staffIds])).rows.length;
  if (staffIds && known !== new Set(staffIds).size) throw new DirectoryRefusal('the seat list names someone who is not in the directory');
  await tx.query(
    `INSERT INTO device_seats (id, staff_ids, seq) VALUES ($1, $2, 0) ON CONFLICT (id) DO UPDATE SET staff_ids = excluded.staff_ids`,
    [deviceId, staffIds && JSON.stringify(staffIds)],
  );
}
