/**
 * The director's "verify the audit log" in the app checks what doctor checks without the hub: the chain, and
 * that its last row is the one the keychain-held anchor vouches for (a log cut short still chains).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addStaff, PASSWORD, tempDesk } from '../support/fixtures.ts';

test('audit.verify reports a log whose last rows were removed, though its chain still verifies', { timeout: 60_000 }, async () => {
  const desk = await tempDesk();
  await addStaff(desk.store, 'giamdoc', 'director');
  const call = (m: string, i: unknown = {}) => desk.dispatcher.call('conn', m, i);
  assert.ok((await call('auth.signIn', { username: 'giamdoc', password: PASSWORD })).ok);
  await call('audit.list', { limit: 10 });
  const before = await call('audit.verify');
  assert.ok(before.ok && (before.result as { intact: boolean }).intact, 'an untouched log verifies');

  const { db } = desk.store;
  const triggers = db.prepare(`SELECT sql FROM sqlite_master WHERE name IN ('audit_log_no_update', 'audit_log_no_delete')`).all() as {
    sql: string;
  }[];
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  db.prepare('DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)').run();
  for (const t of triggers) db.exec(t.sql);

  const after = await call('audit.verify');
  assert.ok(after.ok);
  const verdict = after.result as { intact: boolean; reason?: string };
  assert.equal(verdict.intact, false);
  assert.match(verdict.reason ?? '', /removed/);
});
