/**
 * The Staff screen's methods through the dispatcher on a real store: only directors reach them; a person
 * added gets a one-time password that opens nothing but the form to choose their own; every change is
 * audited (never with a password) and queued in the outbox as the whole account; a change made on an old
 * version is refused; a director cannot lock themselves out.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Envelope } from '../../main/api/contract.ts';
import type { Desk } from '../../main/api/desk.ts';
import { addStaff, PASSWORD, tempDesk } from '../support/fixtures.ts';

const result = <T = any>(e: Envelope): T => {
  assert.ok(e.ok, `expected success, got ${JSON.stringify(e)}`);
  return e.result as T;
};
const errorCode = (e: Envelope) => (e.ok ? 'ok' : e.error.code);

async function session(desk: Desk, username: string, password = PASSWORD) {
  const connection = `conn-${username}-${Math.random()}`;
  const call = (method: string, input: unknown = {}) => desk.dispatcher.call(connection, method, input);
  return { call, signIn: await call('auth.signIn', { username, password }) };
}

test('only directors reach the staff methods', async () => {
  const desk = await tempDesk();
  await addStaff(desk.store, 'lan', 'operator', ['complaint']);
  await addStaff(desk.store, 'quantri', 'it_admin');
  for (const username of ['lan', 'quantri']) {
    const { call } = await session(desk, username);
    for (const [method, input] of [
      ['staff.list', {}],
      ['staff.add', { username: 'moi', displayName: 'Mới', role: 'director', grants: [] }],
    ] as const)
      assert.equal(errorCode(await call(method, input)), 'forbidden', `${username} ${method}`);
  }
});

test('a person added gets a one-time password that opens only the form to choose their own; everything is audited and queued', async () => {
  const desk = await tempDesk();
  const director = await addStaff(desk.store, 'giamdoc', 'director');
  const { call } = await session(desk, 'giamdoc');
  const added = result<{ person: { id: string; mustChangePassword: boolean }; oneTimePassword: string }>(
    await call('staff.add', { username: 'hoa', displayName: 'Nguyễn Thị Hoa', role: 'operator', grants: ['complaint'] }),
  );
  assert.equal(added.person.mustChangePassword, true);
  assert.match(added.oneTimePassword, /^[A-Za-z2-9]{14}$/);
  assert.equal(
    errorCode(await call('staff.add', { username: 'HOA', displayName: 'Khác', role: 'operator', grants: [] })),
    'username_taken',
  );

  const hoa = await session(desk, 'hoa', added.oneTimePassword);
  assert.ok(hoa.signIn.ok, JSON.stringify(hoa.signIn));
  assert.equal(errorCode(await hoa.call('complaints.list', { sort: 'newest', limit: 10 })), 'forbidden');
  assert.equal(
    errorCode(await hoa.call('auth.changePassword', { current: 'wrong password!', next: 'mật khẩu của Hoa 2026' })),
    'bad_credentials',
  );
  assert.equal(errorCode(await hoa.call('auth.changePassword', { current: added.oneTimePassword, next: 'short' })), 'weak_password');
  const changed = result(await hoa.call('auth.changePassword', { current: added.oneTimePassword, next: 'mật khẩu của Hoa 2026' }));
  assert.equal(changed.mustChangePassword, undefined);
  assert.ok((await hoa.call('complaints.list', { sort: 'newest', limit: 10 })).ok, 'the inbox opens once the password is hers');
  assert.equal((await session(desk, 'hoa', added.oneTimePassword)).signIn.ok, false, 'the one-time password no longer works');

  const list = result<{ id: string; version: number; lastActiveAt: number | null }[]>(await call('staff.list'));
  const row = list.find((p) => p.id === added.person.id)!;
  assert.ok(row.lastActiveAt, 'her last activity is shown');
  const v2 = result<{ version: number }>(
    await call('staff.update', {
      id: row.id,
      version: row.version,
      displayName: 'Nguyễn Thị Hoa',
      role: 'operator',
      grants: ['complaint', 'comment'],
    }),
  ).version;
  assert.equal(
    errorCode(await call('staff.update', { id: row.id, version: row.version, displayName: 'X', role: 'operator', grants: [] })),
    'stale',
  );
  const v3 = result<{ version: number }>(await call('staff.setActive', { id: row.id, version: v2, active: false })).version;
  assert.equal(errorCode(await hoa.call('complaints.list', { sort: 'newest', limit: 10 })), 'unauthenticated', 'her session ended');
  const reset = result<{ version: number; oneTimePassword: string }>(await call('staff.resetPassword', { id: row.id, version: v3 }));
  assert.notEqual(reset.oneTimePassword, added.oneTimePassword);

  assert.equal(
    errorCode(await call('staff.setActive', { id: director.id, version: 1, active: false })),
    'invalid_input',
    'a director cannot disable themselves',
  );

  const db = desk.store.db;
  const audited = (
    db.prepare(`SELECT action, detail FROM audit_log WHERE target_id = ? ORDER BY seq`).all(row.id) as { action: string; detail: string }[]
  ).map((r) => r.action);
  assert.deepEqual(audited, ['staff.add', 'auth.change_password', 'staff.update', 'staff.disable', 'staff.reset_password']);
  const everything = JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
  for (const secret of [added.oneTimePassword, reset.oneTimePassword, 'mật khẩu của Hoa 2026']) assert.ok(!everything.includes(secret));
  const queued = db
    .prepare(`SELECT mutation, base_version AS base, payload FROM outbox WHERE entity_id = ? ORDER BY created_at, rowid`)
    .all(row.id) as {
    mutation: string;
    base: number | null;
    payload: string;
  }[];
  assert.deepEqual(
    queued.map((q) => [q.mutation, q.base]),
    [
      ['staff.upsert', null],
      ['staff.password', null],
      ['staff.upsert', row.version],
      ['staff.upsert', v2],
      ['staff.upsert', v3],
    ],
  );
  // Every change carries the account's current key; the director's reset made a new pair.
  const keys = queued.map((q) => (JSON.parse(q.payload) as { key: { keyId: string } }).key.keyId);
  const { key_id: current } = db.prepare('SELECT key_id FROM staff WHERE id = ?').get(row.id) as { key_id: string };
  assert.equal(keys.at(-1), current);
  assert.notEqual(keys[0], current, 'the reset replaced the key the person was added with');
  const { key: _key, ...last } = JSON.parse(queued.at(-1)!.payload);
  assert.deepEqual(
    { ...last, passwordHash: last.passwordHash.slice(0, 10) },
    {
      username: 'hoa',
      displayName: 'Nguyễn Thị Hoa',
      role: 'operator',
      grants: ['comment', 'complaint'],
      passwordHash: '$argon2id$',
      active: false,
      mustChangePassword: true,
    },
  );
});
