/**
 * Desk enrollment: IT prints a one-time code on the hub (valid 24 hours), types it on the desk, and the
 * desk gets a device token it keeps in its OS keychain; a standalone desk's accounts join the directory in
 * the same step. Revoking a device cuts it off at its next call.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { newId } from '../../common/ids.ts';
import { EnrollRequest } from '../../common/protocol/sync.ts';
import type { HubDb } from '../db/connect.ts';
import { joinSeats, joinStaff } from '../directory/staff.ts';
import { HttpError, zodIssues } from '../http-errors.ts';
import { hashSecret, newSecret } from '../secrets.ts';

export const CODE_TTL_MS = 24 * 60 * 60 * 1000;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O or 1/I: the code is read and typed by people

/** 16 characters from a 32-letter alphabet: 80 random bits, typed as XXXX-XXXX-XXXX-XXXX. */
export function newEnrollmentCode(): string {
  const chars = [...randomBytes(16)].map((b) => ALPHABET[b % 32]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

const normalizeCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export async function createEnrollmentCode(db: HubDb, now = Date.now()): Promise<{ code: string; expiresAt: Date }> {
  const code = newEnrollmentCode();
  const expiresAt = new Date(now + CODE_TTL_MS);
  await db.query('INSERT INTO enrollment_codes (code_hash, expires_at) VALUES ($1, $2)', [hashSecret(normalizeCode(code)), expiresAt]);
  return { code, expiresAt };
}

export async function revokeDevice(db: HubDb, deviceId: string): Promise<boolean> {
  const r = await db.query('UPDATE devices SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id', [deviceId]);
  return r.rows.length === 1;
}

export async function listDevices(db: HubDb) {
  return (
    await db.query<{ id: string; name: string; enrolled_at: Date; revoked_at: Date | null; last_seen_at: Date | null }>(
      'SELECT id, name, enrolled_at, revoked_at, last_seen_at FROM devices ORDER BY enrolled_at',
    )
  ).rows;
}

/** The device a sync call comes from; a revoked or unknown token is a 401 the desk shows plainly. */
export async function deviceOf(db: HubDb, req: FastifyRequest): Promise<string> {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  const row = token
    ? (
        await db.query<{ id: string; revoked_at: Date | null }>('SELECT id, revoked_at FROM devices WHERE token_hash = $1', [
          hashSecret(token),
        ])
      ).rows[0]
    : undefined;
  if (!row) throw new HttpError(401, 'unauthorized', 'this workstation is not enrolled with the hub');
  if (row.revoked_at)
    throw new HttpError(401, 'device_revoked', 'IT revoked this workstation’s access to the hub; it must be enrolled again');
  await db.query('UPDATE devices SET last_seen_at = now() WHERE id = $1', [row.id]);
  return row.id;
}

export function registerEnrollment(app: FastifyInstance, db: HubDb): void {
  // Room for a standalone desk's accounts (at most 1,000, a few hundred bytes each).
  app.post('/enroll', { bodyLimit: 1024 * 1024 }, async (req, reply) => {
    const parsed = EnrollRequest.safeParse(req.body);
    if (!parsed.success)
      throw new HttpError(400, 'invalid_input', 'the body does not match the schema', undefined, zodIssues(parsed.error));
    const token = newSecret();
    const deviceId = newId();
    const enrolled = await db.transaction(async (tx) => {
      const code = (
        await tx.query<{ code_hash: string }>(
          'SELECT code_hash FROM enrollment_codes WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now() FOR UPDATE',
          [hashSecret(normalizeCode(parsed.data.code))],
        )
      ).rows[0];
      if (!code) return false;
      await tx.query('INSERT INTO devices (id, name, token_hash, enrolled_at) VALUES ($1, $2, $3, now())', [
        deviceId,
        parsed.data.deviceName,
        hashSecret(token),
      ]);
      await tx.query('UPDATE enrollment_codes SET used_at = now(), device_id = $2 WHERE code_hash = $1', [code.code_hash, deviceId]);
      // A clash refuses the whole enrollment: the code stays unused for the next try.
      await joinStaff(tx, deviceId, parsed.data.staff);
      await joinSeats(tx, deviceId, parsed.data.seats);
      return true;
    });
    if (!enrolled) throw new HttpError(401, 'invalid_code', 'the enrollment code is wrong, already used, or older than 24 hours', 'code');
    return reply.code(201).send({ deviceId, token });
  });
}
