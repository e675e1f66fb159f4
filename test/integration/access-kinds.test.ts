/**
 * The contract's access kinds as the dispatcher enforces them: what an idle-locked session may still do,
 * the comment queue behind its grant, and refused changes (conflicts) that belong to one person only.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId } from '../../common/ids.ts';
import type { Envelope } from '../../main/api/contract.ts';
import type { Desk } from '../../main/api/desk.ts';
import { enqueue } from '../../main/core/domain/outbox.ts';
import { addStaff, PASSWORD, tempDesk, holdKey } from '../support/fixtures.ts';

const TIMEOUT = { timeout: 60_000 };
const errorCode = (e: Envelope) => (e.ok ? 'ok' : e.error.code);

function caller(desk: Desk, connection: string) {
  return (m: string, i: unknown = {}) => desk.dispatcher.call(connection, m, i);
}

async function signedIn(desk: Desk, username: string) {
  const call = caller(desk, `conn-${username}`);
  assert.equal(errorCode(await call('auth.signIn', { username, password: PASSWORD })), 'ok');
  return call;
}

/** Polls auth.state (passive: it does not keep the session awake) until the idle lock has set in. */
async function waitForIdleLock(call: ReturnType<typeof caller>) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const state = await call('auth.state');
    if (state.ok && (state.result as { locked: boolean }).locked) return;
    assert.ok(Date.now() < deadline, 'the session never idle-locked');
    await new Promise((r) => setTimeout(r, 20));
  }
}

test(
  'unlocked access: auth.unlock and auth.signOut work on an idle-locked session, every other method says session_locked',
  TIMEOUT,
  async () => {
    const desk = await tempDesk({ idleLockMs: 300 });
    await addStaff(desk.store, 'lan', 'operator', ['complaint', 'comment']);
    const call = await signedIn(desk, 'lan');
    await waitForIdleLock(call);
    for (const method of ['complaints.list', 'comments.list', 'desk.status', 'sync.conflicts', 'sync.now']) {
      assert.equal(errorCode(await call(method)), 'session_locked', method);
    }
    assert.equal(errorCode(await call('auth.unlock', { password: PASSWORD })), 'ok');
    assert.equal(errorCode(await call('complaints.list')), 'ok');

    await waitForIdleLock(call);
    assert.equal(errorCode(await call('auth.signOut')), 'ok');
    assert.equal(errorCode(await call('complaints.list')), 'unauthenticated');
    // Without any session the unlocked kind is closed too.
    assert.equal(errorCode(await call('auth.unlock', { password: PASSWORD })), 'unauthenticated');
    assert.equal(errorCode(await call('auth.signOut')), 'unauthenticated');
  },
);

test('comments.list and comments.moderate need the comment grant; each refusal is audited as access.denied', TIMEOUT, async () => {
  const desk = await tempDesk();
  const noGrant = await addStaff(desk.store, 'lan', 'operator', ['complaint']);
  const it = await addStaff(desk.store, 'quantri', 'it_admin');
  await addStaff(desk.store, 'hoa', 'operator', ['comment']);
  const moderate = { id: newId(), decision: 'approved' };
  const callers = [
    { person: noGrant, call: await signedIn(desk, 'lan') },
    { person: it, call: await signedIn(desk, 'quantri') },
  ];
  for (const { call } of callers) {
    assert.equal(errorCode(await call('comments.list')), 'forbidden');
    assert.equal(errorCode(await call('comments.moderate', moderate)), 'forbidden');
  }
  const denied = desk.store.db
    .prepare(`SELECT actor_id AS actorId, detail FROM audit_log WHERE action = 'access.denied' ORDER BY seq`)
    .all() as { actorId: string; detail: string }[];
  assert.deepEqual(
    denied,
    callers.flatMap(({ person }) =>
      ['comments.list', 'comments.moderate'].map((method) => ({ actorId: person.id, detail: JSON.stringify({ method }) })),
    ),
  );
  // The grant opens the queue (the moderation of an unknown comment is then not_found, not forbidden).
  const granted = await signedIn(desk, 'hoa');
  assert.equal(errorCode(await granted('comments.list')), 'ok');
  assert.equal(errorCode(await granted('comments.moderate', moderate)), 'not_found');
});

test('conflicts are their person’s: another operator neither sees, counts nor dismisses them', TIMEOUT, async () => {
  const desk = await tempDesk();
  const lan = await addStaff(desk.store, 'lan', 'operator', ['complaint']);
  const minh = await addStaff(desk.store, 'minh', 'operator', ['complaint']);
  await Promise.all([holdKey(desk.store, lan.id), holdKey(desk.store, minh.id)]);
  // One change each, refused by the hub as the sync client records a refusal.
  const refused = (actorId: string) => {
    const id = enqueue(desk.store.db, {
      mutation: 'submission.note',
      entityType: 'submission',
      entityId: newId(),
      payload: { body: 'ghi chú' },
      actorId,
    });
    desk.store.db.prepare(`UPDATE outbox SET state = 'rejected', reason = 'stale' WHERE id = ?`).run(id);
    return id;
  };
  const lansConflict = refused(lan.id);
  const minhsConflict = refused(minh.id);
  const asLan = await signedIn(desk, 'lan');
  const asMinh = await signedIn(desk, 'minh');
  const ids = async (call: ReturnType<typeof caller>) => {
    const r = await call('sync.conflicts');
    assert.ok(r.ok);
    return (r.result as { id: string }[]).map((c) => c.id);
  };
  const count = async (call: ReturnType<typeof caller>) => {
    const r = await call('desk.status');
    assert.ok(r.ok);
    return (r.result as { conflicts: number }).conflicts;
  };

  assert.deepEqual(await ids(asLan), [lansConflict]);
  assert.deepEqual(await ids(asMinh), [minhsConflict]);
  assert.equal(await count(asLan), 1);
  assert.equal(await count(asMinh), 1);

  assert.equal(errorCode(await asMinh('sync.dismissConflict', { id: lansConflict })), 'not_found');
  assert.deepEqual(await ids(asLan), [lansConflict], 'still there for its owner');
  assert.equal(errorCode(await asLan('sync.dismissConflict', { id: lansConflict })), 'ok');
  assert.deepEqual(await ids(asLan), []);
  assert.equal(await count(asLan), 0);
  assert.deepEqual(await ids(asMinh), [minhsConflict]);
});
