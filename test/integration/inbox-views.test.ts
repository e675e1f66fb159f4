/**
 * Opening a submission is a view in the audit log; re-reading it after a sync or a change is not. The
 * re-reads (`reload`, `relist`) are honest: `reload` only re-reads what the session itself opened, and
 * both are passive, so a window refreshing in the background never keeps an idle session unlocked.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Envelope } from '../../main/api/contract.ts';
import { addComplaint, addStaff, PASSWORD, tempDesk } from '../support/fixtures.ts';

const code = (e: Envelope) => (e.ok ? 'ok' : e.error.code);

test('a view is recorded per open, not per reload; reload refuses what the session has not opened', { timeout: 30_000 }, async () => {
  const desk = await tempDesk();
  await addStaff(desk.store, 'lan', 'operator', ['complaint']);
  const x = addComplaint(desk.store, 'Giao hàng trễ', 'Chưa nhận được hàng').id;
  const y = addComplaint(desk.store, 'Sai màu', 'Áo giao sai màu').id;
  const call = (connection: string, method: string, input: unknown = {}) => desk.dispatcher.call(connection, method, input);
  const views = (id: string) =>
    (
      desk.store.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'submission.view' AND target_id = ?`).get(id) as {
        n: number;
      }
    ).n;
  assert.equal(code(await call('c1', 'auth.signIn', { username: 'lan', password: PASSWORD })), 'ok');

  assert.equal(code(await call('c1', 'complaints.reload', { id: x })), 'forbidden', 'not opened yet');
  assert.equal(views(x), 0);
  assert.equal(code(await call('c1', 'complaints.get', { id: x })), 'ok');
  for (let i = 0; i < 5; i++) assert.equal(code(await call('c1', 'complaints.reload', { id: x })), 'ok');
  assert.equal(views(x), 1, 'five reloads are not five views');
  assert.equal(code(await call('c1', 'complaints.reload', { id: y })), 'forbidden', 'opening x does not open y');
  assert.equal(code(await call('c1', 'complaints.get', { id: x })), 'ok');
  assert.equal(views(x), 2, 'every real open is recorded');

  // Another session of the same person has opened nothing.
  assert.equal(code(await call('c2', 'auth.signIn', { username: 'lan', password: PASSWORD })), 'ok');
  assert.equal(code(await call('c2', 'complaints.reload', { id: x })), 'forbidden');
});

test('reload and relist are passive: a window refreshing in the background still idles into the lock', { timeout: 30_000 }, async () => {
  const desk = await tempDesk({ idleLockMs: 300 });
  await addStaff(desk.store, 'lan', 'operator', ['complaint']);
  const x = addComplaint(desk.store, 'Giao hàng trễ', 'Chưa nhận được hàng').id;
  const call = (method: string, input: unknown = {}) => desk.dispatcher.call('c', method, input);
  assert.equal(code(await call('auth.signIn', { username: 'lan', password: PASSWORD })), 'ok');
  assert.equal(code(await call('complaints.get', { id: x })), 'ok');
  const until = Date.now() + 450;
  while (Date.now() < until) {
    await call('complaints.reload', { id: x });
    await call('complaints.relist', { limit: 100 });
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(code(await call('complaints.list')), 'session_locked');
});
