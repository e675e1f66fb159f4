import { newId } from '../common/ids.ts';
import type { HubDb } from './db/connect.ts';
import { hashSecret, newSecret } from './secrets.ts';

/** Makes a website API key; only its hash is stored, so the key is shown once. */
export async function createWebsiteKey(db: HubDb, name: string): Promise<{ id: string; key: string }> {
  const key = newSecret();
  const id = newId();
  await db.query('INSERT INTO website_keys (id, name, key_hash) VALUES ($1, $2, $3)', [id, name, hashSecret(key)]);
  return { id, key };
}
