/** Sign-in, lockout after five wrong passwords, and the idle lock. */
import { KeyRing } from '../../main/core/security/key-ring.ts';
import { makeSigningKey } from '../../common/node/signing-keys.ts';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AuthError, authenticate, createStaff, LOCKOUT_MS, MAX_FAILED_ATTEMPTS } from '../../main/core/security/staff.ts';
import { Sessions } from '../../main/core/security/sessions.ts';
import { addStaff, PASSWORD, tempDesk, tempStore } from '../support/fixtures.ts';

const isAuth = (code: AuthError['code']) => (e: unknown) => e instanceof AuthError && e.code === code;

test('passwords are stored as argon2id hashes, never as given', async () => {
  const store = await tempStore();
  await addStaff(store, 'lan', 'operator', ['complaint']);
  const { password_hash } = store.db.prepare('SELECT password_hash FROM staff').get() as { password_hash: string };
  assert.match(password_hash, /^\$argon2id\$/);
  assert.ok(!password_hash.includes(PASSWORD));
});

test('five wrong passwords lock the account for 15 minutes, even against the right password', async () => {
  const store = await tempStore();
  await addStaff(store, 'lan', 'operator', ['complaint']);
  const t0 = 1_800_000_000_000;
  for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) await assert.rejects(authenticate(store.db, 'lan', 'wrong', t0), isAuth('bad_credentials'));
  await assert.rejects(authenticate(store.db, 'lan', 'wrong', t0), isAuth('account_locked'));
  await assert.rejects(authenticate(store.db, 'lan', PASSWORD, t0 + LOCKOUT_MS - 1), isAuth('account_locked'));
  const person = await authenticate(store.db, 'lan', PASSWORD, t0 + LOCKOUT_MS + 1);
  assert.equal(person.username, 'lan');
});

test('a right password resets the count of wrong ones', async () => {
  const store = await tempStore();
  await addStaff(store, 'lan', 'operator');
  for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) await assert.rejects(authenticate(store.db, 'lan', 'wrong'), isAuth('bad_credentials'));
  await authenticate(store.db, 'lan', PASSWORD);
  await assert.rejects(authenticate(store.db, 'lan', 'wrong'), isAuth('bad_credentials'));
});

test('an unknown username gets the same answer as a wrong password', async () => {
  const store = await tempStore();
  await assert.rejects(authenticate(store.db, 'nobody', 'whatever'), isAuth('bad_credentials'));
});

test('weak passwords are refused when staff are created', async () => {
  const store = await tempStore();
  await assert.rejects(
    createStaff(store.db, { username: 'x1', displayName: 'X', role: 'operator', password: 'short' }),
    isAuth('weak_password'),
  );
});

test('an idle session locks itself after the configured time and drops its signing key; unlock holds it again', async () => {
  let now = 1_000;
  const lan = { id: 'p', username: 'lan', displayName: 'Lan', role: 'operator' as const, grants: [] };
  const keys = new KeyRing();
  const { unwrapped } = await makeSigningKey(PASSWORD);
  const sessions = new Sessions(
    () => 10 * 60_000,
    () => now,
    () => lan,
    keys,
  );
  const s = sessions.start('c1', lan, unwrapped);
  assert.equal(keys.keyOf('p'), unwrapped);
  now += 10 * 60_000;
  sessions.sweep();
  assert.equal(sessions.peek('c1')!.locked, false, 'exactly the idle time is not yet over it');
  now += 1;
  sessions.sweep();
  assert.equal(keys.keyOf('p'), undefined, 'a sweep locks the idle session and its key leaves the ring');
  assert.equal(sessions.peek('c1')!.locked, true);
  sessions.unlock('c1', s, unwrapped);
  assert.equal(sessions.peek('c1')!.locked, false);
  assert.equal(keys.keyOf('p'), unwrapped);
  sessions.end('c1');
  assert.equal(keys.keyOf('p'), undefined, 'signing out drops the key');
});

test('through the dispatcher: idle lock refuses calls until unlocked; a status poll does not keep it awake', async () => {
  const desk = await tempDesk({ idleLockMs: 200 });
  const person = await addStaff(desk.store, 'lan', 'operator', ['complaint']);
  const call = (m: string, i: unknown = {}) => desk.dispatcher.call('conn', m, i);
  assert.equal((await call('auth.signIn', { username: 'lan', password: PASSWORD })).ok, true);
  assert.equal((await call('complaints.list')).ok, true);
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 100));
    await call('desk.status'); // passive: polled by the status bar
  }
  const locked = await call('complaints.list');
  assert.equal(!locked.ok && locked.error.code, 'session_locked');
  const state = await call('auth.state');
  const result = state.ok ? (state.result as { locked: boolean; person: { id: string } | null }) : null;
  assert.deepEqual({ locked: result?.locked, id: result?.person?.id }, { locked: true, id: person.id });
  const wrong = await call('auth.unlock', { password: 'nope' });
  assert.equal(!wrong.ok && wrong.error.code, 'bad_credentials');
  assert.equal((await call('auth.unlock', { password: PASSWORD })).ok, true);
  assert.equal((await call('complaints.list')).ok, true);
});
