/**
 * Website keys, device tokens and enrollment codes are kept on the hub only as SHA-256 hashes: the
 * plaintext is in no row of any table, nor in any byte of the database's files (data and WAL), while a
 * marker written in clear beside them is found by the same search (so the search can see fresh writes).
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createEnrollmentCode } from '../../server/devices/enrollment.ts';
import { startTestHub } from '../support/hub.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const hub = await startTestHub();

/** One of each secret on the hub, and a device name (stored in clear) to look for as the control. */
async function hubWithSecrets() {
  const marker = `may-danh-dau-${randomBytes(8).toString('hex')}`;
  const unused = (await createEnrollmentCode(hub.db)).code;
  const used = await hub.enrollmentCode();
  const res = await fetch(`${hub.url}/enroll`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: used, deviceName: marker }),
  });
  assert.equal(res.status, 201);
  const { token } = (await res.json()) as { token: string };
  // The token works, so what the hub stored is what it checks.
  assert.equal((await fetch(`${hub.url}/sync/pull`, { headers: { Authorization: `Bearer ${token}` } })).status, 200);
  const hashed = (c: string) => c.replace(/-/g, ''); // how the hub normalises a code before hashing it
  const secrets: Record<string, string> = { websiteKey: hub.websiteKey, deviceToken: token };
  for (const [name, code] of Object.entries({ unusedCode: unused, usedCode: used })) {
    secrets[name] = code;
    secrets[`${name} (normalised)`] = hashed(code);
  }
  return { marker, secrets, asHashed: [hub.websiteKey, token, hashed(unused), hashed(used)] };
}

test('no table row holds a website key, device token or enrollment code; each is there as its SHA-256 hash', async () => {
  const { marker, secrets, asHashed } = await hubWithSecrets();
  const tables = (
    await hub.db.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`)
  ).rows.map((t) => t.name);
  assert.ok(tables.includes('website_keys') && tables.includes('devices') && tables.includes('enrollment_codes'));
  let dump = '';
  for (const t of tables) dump += (await hub.db.query<{ r: string }>(`SELECT t::text AS r FROM "${t}" t`)).rows.map((r) => r.r).join('\n');
  assert.ok(dump.includes(marker), 'the control (the device name) is found');
  for (const [what, secret] of Object.entries(secrets)) {
    assert.ok(!dump.toLowerCase().includes(secret.toLowerCase()), `${what} is not stored`);
  }
  for (const secret of asHashed) assert.ok(dump.includes(sha256(secret)), 'stored as its SHA-256');
});

test('no byte of the database files (data and WAL) holds a secret in clear', async (t) => {
  const { marker, secrets } = await hubWithSecrets();
  const folder = hub.storage.kind === 'pglite' ? hub.storage.dataDir : process.env.HUB_TEST_POSTGRES_DATA;
  if (!folder) return t.skip('the PostgreSQL server’s data folder is not known here (HUB_TEST_POSTGRES_DATA is set by with-postgres.sh)');
  // On PostgreSQL the WAL has every committed row at once; a checkpoint puts the data pages on disk as well.
  await hub.db.query('CHECKPOINT').catch(() => undefined);
  // Other test files' databases share the server's folder and come and go: a file gone meanwhile is passed over.
  const read = (f: string) => {
    try {
      return statSync(f).isFile() ? readFileSync(f) : null;
    } catch {
      return null;
    }
  };
  const contents = (readdirSync(folder, { recursive: true }) as string[]).map((f) => read(join(folder, f))).filter((b) => b !== null);
  const found = (needle: string) => contents.filter((b) => b.includes(Buffer.from(needle))).length;
  assert.ok(found(marker) > 0, `the control (the device name) is found in the files of ${folder}`);
  for (const [what, secret] of Object.entries(secrets)) assert.equal(found(secret), 0, `${what} is in no file`);
});
