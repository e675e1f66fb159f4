/**
 * A person's key for a test that pushes to the hub by hand (no desk): its public half to put in the
 * directory, and a way to sign a mutation the way a desk's outbox does.
 */
import { generateKeyPairSync } from 'node:crypto';
import { newId } from '../../common/ids.ts';
import { signText } from '../../common/node/signing-keys.ts';
import { mutationSigningText, type SignedMutationFields } from '../../common/protocol/signing.ts';
import type { Queryable } from '../../server/db/connect.ts';

export function testSigner() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keyId = newId();
  return {
    keyId,
    publicKey: publicKey.export({ format: 'jwk' }).x!,
    /** Registers the key as `staffId`'s in the hub's directory. */
    register: (db: Queryable, staffId: string) =>
      db.query('INSERT INTO staff_keys (id, staff_id, public_key) VALUES ($1, $2, $3)', [
        keyId,
        staffId,
        publicKey.export({ format: 'jwk' }).x!,
      ]),
    sign: <M extends SignedMutationFields>(m: M) => ({ ...m, keyId, signature: signText(privateKey, mutationSigningText(m)) }),
  };
}
