/**
 * An enrollment code is good for 24 hours: one made longer ago is refused, enrolls nothing and stays
 * unused; one a minute short of its 24 hours still works. Codes are made back-dated through `now`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CODE_TTL_MS, createEnrollmentCode } from '../../server/devices/enrollment.ts';
import { startTestHub } from '../support/hub.ts';

const MINUTE = 60_000;

test('a code older than 24 hours is refused and enrolls nothing; one with a minute left is accepted', async () => {
  const hub = await startTestHub();
  const enroll = async (code: string) => {
    const res = await fetch(`${hub.url}/enroll`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code, deviceName: 'Máy hết hạn' }),
    });
    return { status: res.status, body: (await res.json()) as { error?: { code: string; field?: string }; deviceId?: string } };
  };
  const devices = async () => (await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM devices')).rows[0]!.n;

  const stale = await createEnrollmentCode(hub.db, Date.now() - CODE_TTL_MS - MINUTE);
  assert.ok(stale.expiresAt.getTime() < Date.now(), 'it expired a minute ago');
  const refused = await enroll(stale.code);
  assert.equal(refused.status, 401);
  assert.equal(refused.body.error?.code, 'invalid_code');
  assert.equal(refused.body.error?.field, 'code');
  assert.equal(await devices(), 0);
  assert.deepEqual((await hub.db.query('SELECT used_at, device_id FROM enrollment_codes')).rows, [{ used_at: null, device_id: null }]);

  const fresh = await createEnrollmentCode(hub.db, Date.now() - CODE_TTL_MS + MINUTE);
  const accepted = await enroll(fresh.code);
  assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
  assert.equal(await devices(), 1);

  assert.equal((await enroll(stale.code)).status, 401, 'still refused afterwards');
  assert.equal(await devices(), 1);
});
