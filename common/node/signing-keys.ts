/**
 * Each person's Ed25519 key pair, with Node's own crypto: made, wrapped under their password, unwrapped at
 * sign-in, and used to sign and verify. The private half never leaves a process unwrapped: it is wrapped
 * with AES-256-GCM under a key argon2id derives from the password with a salt of its own, so the directory
 * can travel to every desk and still give nobody the power to sign as someone else without their password.
 */
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import argon2 from 'argon2';
import { newId } from '../ids.ts';
import { hashPassword } from './passwords.ts';
import type { SigningKey, WrappedKey } from '../protocol/signing.ts';

/** A key pair held in memory by whoever may sign with it. */
export interface UnwrappedKey {
  keyId: string;
  privateKey: KeyObject;
}

// The same cost as the password hashes (argon2's defaults): deriving costs one more sign-in's worth of work.
const KDF = { memoryCost: 65536, timeCost: 3, parallelism: 4 } as const;

const b64 = (b: Buffer) => b.toString('base64url');
const bytes = (s: string) => Buffer.from(s, 'base64url');

const derive = (password: string, salt: Buffer, w: Pick<WrappedKey, 'memoryCost' | 'timeCost' | 'parallelism'>) =>
  argon2.hash(password, {
    type: argon2.argon2id,
    raw: true,
    salt,
    hashLength: 32,
    memoryCost: w.memoryCost,
    timeCost: w.timeCost,
    parallelism: w.parallelism,
  });

/** Wraps the private half under the password (a new salt and IV every time). */
export async function wrapKey(privateKey: KeyObject, password: string): Promise<WrappedKey> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await derive(password, salt, KDF), iv);
  const d = bytes(privateKey.export({ format: 'jwk' }).d!);
  const ciphertext = Buffer.concat([cipher.update(d), cipher.final()]);
  return { kdf: 'argon2id', salt: b64(salt), ...KDF, iv: b64(iv), tag: b64(cipher.getAuthTag()), ciphertext: b64(ciphertext) };
}

/** The private half, or null when the password does not open it (the GCM tag does not match). */
export async function unwrapKey(w: WrappedKey, publicKey: string, password: string): Promise<KeyObject | null> {
  const decipher = createDecipheriv('aes-256-gcm', await derive(password, bytes(w.salt), w), bytes(w.iv));
  decipher.setAuthTag(bytes(w.tag));
  let d: Buffer;
  try {
    d = Buffer.concat([decipher.update(bytes(w.ciphertext)), decipher.final()]);
  } catch {
    return null;
  }
  return createPrivateKey({ format: 'jwk', key: { kty: 'OKP', crv: 'Ed25519', d: b64(d), x: publicKey } });
}

/** A new key pair for a person, wrapped under the password they (or their one-time password) will use. */
export async function makeSigningKey(password: string): Promise<{ key: SigningKey; unwrapped: UnwrappedKey }> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keyId = newId();
  const key = { keyId, publicKey: publicKey.export({ format: 'jwk' }).x!, wrapped: await wrapKey(privateKey, password) };
  return { key, unwrapped: { keyId, privateKey } };
}

export const signText = (privateKey: KeyObject, text: string): string => b64(sign(null, Buffer.from(text, 'utf8'), privateKey));

/** Whether `signature` is the holder of `publicKey` signing exactly `text`; a malformed key or signature is simply false. */
export function verifyText(publicKey: string, text: string, signature: string): boolean {
  try {
    const key = createPublicKey({ format: 'jwk', key: { kty: 'OKP', crv: 'Ed25519', x: publicKey } });
    return verify(null, Buffer.from(text, 'utf8'), key, bytes(signature));
  } catch {
    return false;
  }
}

/** A new account's password hash and signing key, the key wrapped under the same password (made side by side). */
export async function newCredentials(password: string): Promise<{ hash: string; key: SigningKey; unwrapped: UnwrappedKey }> {
  const [hash, { key, unwrapped }] = await Promise.all([hashPassword(password), makeSigningKey(password)]);
  return { hash, key, unwrapped };
}
