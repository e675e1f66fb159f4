/**
 * A person's signing key at sign-in and unlock: unwrapped with the password they have just typed, for their
 * session to hold. An account from before keys gets its first key here (the password is at hand only now),
 * registered with the directory by a `staff.key` change signed with it.
 */
import { makeSigningKey, unwrapKey, type UnwrappedKey } from '../../../common/node/signing-keys.ts';
import { enqueue } from '../domain/outbox.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { AuthError, keyColumns, keyOfRow, type StaffRow } from './staff.ts';

/** Call only with a password just checked against the person's hash. */
export async function openPersonalKey(db: Db, personId: string, password: string, now = Date.now()): Promise<UnwrappedKey> {
  const row = stmt(db, 'SELECT * FROM staff WHERE id = ?').get(personId) as StaffRow;
  const key = keyOfRow(row);
  if (key) {
    const privateKey = await unwrapKey(key.wrapped, key.publicKey, password);
    // The hash and the wrapping change together everywhere; a row where they disagree was damaged.
    if (!privateKey) {
      throw new AuthError('key_unreadable', 'your signing key does not open with this password; ask a director to reset your password');
    }
    return { keyId: key.keyId, privateKey };
  }
  const made = await makeSigningKey(password);
  db.transaction(() => {
    stmt(db, 'UPDATE staff SET key_id = ?, public_key = ?, wrapped_key = ? WHERE id = ? AND key_id IS NULL').run(
      ...keyColumns(made.key),
      personId,
    );
    enqueue(
      db,
      { mutation: 'staff.key', entityType: 'staff', entityId: personId, payload: { key: made.key }, actorId: personId },
      now,
      made.unwrapped,
    );
  })();
  return made.unwrapped;
}
