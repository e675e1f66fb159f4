/** The website's API keys: they authenticate its intake posts and its reads of the website feed. */
import type { FastifyRequest } from 'fastify';
import { newId } from '../../common/ids.ts';
import type { HubDb } from '../db/connect.ts';
import { HttpError } from '../http-errors.ts';
import { hashSecret, newSecret } from '../secrets.ts';

/** Makes a website API key; only its hash is stored, so the key is shown once. */
export async function createWebsiteKey(db: HubDb, name: string): Promise<{ id: string; key: string }> {
  const key = newSecret();
  const id = newId();
  await db.query('INSERT INTO website_keys (id, name, key_hash) VALUES ($1, $2, $3)', [id, name, hashSecret(key)]);
  return { id, key };
}

/** The id of the live website key the request carries (`Authorization: Bearer …`); a 401 without one. */
export async function websiteKeyOf(db: HubDb, req: FastifyRequest): Promise<string> {
  const header = req.headers.authorization ?? '';
  const key = header.startsWith('Bearer ') ? header.slice(7) : '';
  const row = key
    ? (await db.query<{ id: string }>('SELECT id FROM website_keys WHERE key_hash = $1 AND revoked_at IS NULL', [hashSecret(key)])).rows[0]
    : undefined;
  if (!row) throw new HttpError(401, 'unauthorized', 'a valid website API key is required (Authorization: Bearer …)');
  return row.id;
}
