/**
 * Signatures: each person signs what they do with their own Ed25519 key, so the hub believes a change because
 * its author signed it, not because a desk with a device token sent it. This file holds what both sides must
 * agree on byte for byte: how a key travels (public half in clear, private half only wrapped under a key
 * derived from the person's password) and the exact bytes that are signed. The crypto itself is Node's
 * (common/node/signing-keys.ts); docs/sync-protocol.md describes it in words.
 */
import { z } from 'zod';
import { Id } from '../ids.ts';

/** base64url without padding, of exactly `bytes` bytes. */
const b64url = (bytes: number) =>
  z
    .string()
    .length(Math.ceil((bytes * 4) / 3))
    .regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');

/** An Ed25519 signature (64 bytes). */
export const Signature = b64url(64);

/**
 * The private half of a person's key, encrypted with AES-256-GCM under a key argon2id derives from their
 * password with its own salt. The cost parameters travel with it so they can be raised later.
 */
export const WrappedKey = z
  .object({
    kdf: z.literal('argon2id'),
    salt: b64url(16),
    memoryCost: z
      .number()
      .int()
      .min(8192)
      .max(1 << 21),
    timeCost: z.number().int().min(1).max(20),
    parallelism: z.number().int().min(1).max(16),
    iv: b64url(12),
    tag: b64url(16),
    ciphertext: b64url(32),
  })
  .strict();
export type WrappedKey = z.infer<typeof WrappedKey>;

/** A person's key as the directory holds it: the id signatures name, the public half, the wrapped private half. */
export const SigningKey = z.object({ keyId: Id, publicKey: b64url(32), wrapped: WrappedKey }).strict();
export type SigningKey = z.infer<typeof SigningKey>;

/** JSON with object keys sorted at every depth: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What a mutation's signature covers: every field the hub acts on, so none can be changed or moved to another row. */
export interface SignedMutationFields {
  id: string;
  mutation: string;
  entityType: string;
  entityId: string;
  baseVersion: number | null;
  payload: unknown;
  actorId: string;
  createdAt: number;
}

/** The text a mutation's author signs; the prefix keeps a mutation's signature from passing for an audit row's. */
export const mutationSigningText = (m: SignedMutationFields): string =>
  `backdesk.mutation.v1\n${canonicalJson([m.id, m.mutation, m.entityType, m.entityId, m.baseVersion, m.payload, m.actorId, m.createdAt])}`;

/** The text an audit row's actor signs: its hash, which covers the row's fields and the chain before it. */
export const auditSigningText = (hash: string): string => `backdesk.audit.v1\n${hash}`;

/** What the hub found when it checked the signature of its copy of an audit row. */
export const SIGNATURE_VERDICTS = ['verified', 'unsigned', 'invalid'] as const;
export const SignatureVerdict = z.enum(SIGNATURE_VERDICTS);
export type SignatureVerdict = z.infer<typeof SignatureVerdict>;
