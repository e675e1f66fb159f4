/**
 * Enrolling a desk with the hub is in the audit log, whoever does it (an IT admin in the app, or the
 * `backdesk enroll` command), and so is every failed attempt and the hub revoking the desk: once per
 * revocation, not once per retry, and not again after a restart.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Desk } from '../../main/api/desk.ts';
import { SyncClient } from '../../main/core/sync/client.ts';
import { openStore } from '../../main/core/store/open.ts';
import { revokeDevice } from '../../server/devices/enrollment.ts';
import { addStaff, keychain, PASSWORD, tempDesk, tempDir } from '../support/fixtures.ts';
import { startTestHub } from '../support/hub.ts';

const TIMEOUT = { timeout: 120_000 };
const hub = await startTestHub();

interface AuditRowOut {
  actor_id: string | null;
  actor_name: string;
  actor_role: string | null;
  action: string;
  target_id: string | null;
  detail: string;
}

const auditRows = (db: Desk['store']['db'], prefix: string) =>
  db
    .prepare('SELECT actor_id, actor_name, actor_role, action, target_id, detail FROM audit_log WHERE action LIKE ? ORDER BY seq')
    .all(`${prefix}%`) as AuditRowOut[];

let desks = 0;
/** A standalone desk with its own IT admin (each a different person: they all join the one hub's directory). */
async function itAdminDesk() {
  const desk = await tempDesk();
  const username = `quantri${++desks}`;
  const it = await addStaff(desk.store, username, 'it_admin');
  const call = (m: string, i: unknown = {}) => desk.dispatcher.call('it', m, i);
  assert.ok((await call('auth.signIn', { username, password: PASSWORD })).ok);
  return { desk, it, call };
}

test('sync.enroll: the enrollment and each failed attempt are audited under the IT admin who made them', TIMEOUT, async () => {
  const { desk, it, call } = await itAdminDesk();
  const wrongCode = await call('sync.enroll', { hubUrl: hub.url, code: 'ABCD-EFGH-JKLM-NPQR', deviceName: 'Máy 1' });
  assert.equal(wrongCode.ok, false);
  const badUrl = await call('sync.enroll', { hubUrl: 'http://hub.example.vn', code: 'ABCD-EFGH-JKLM-NPQR', deviceName: 'Máy 1' });
  assert.equal(badUrl.ok, false);
  const enrolled = await call('sync.enroll', { hubUrl: hub.url, code: await hub.enrollmentCode(), deviceName: 'Máy 1' });
  assert.ok(enrolled.ok, JSON.stringify(enrolled));
  const deviceId = (enrolled.result as { deviceId: string }).deviceId;

  const actor = { actor_id: it.id, actor_name: it.displayName, actor_role: 'it_admin' };
  assert.deepEqual(auditRows(desk.store.db, 'sync.enroll'), [
    { ...actor, action: 'sync.enroll_failed', target_id: null, detail: JSON.stringify({ reason: 'invalid_code', hub: hub.url }) },
    { ...actor, action: 'sync.enroll_failed', target_id: null, detail: JSON.stringify({ reason: 'bad_url' }) },
    { ...actor, action: 'sync.enroll', target_id: deviceId, detail: JSON.stringify({ hub: hub.url }) },
  ]);
});

/** Runs `backdesk enroll` as IT would, the code on stdin; the hub runs in this process, so the child must not block it. */
function backdeskEnroll(dataDir: string, code: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['bin/backdesk.mjs', 'enroll', '--data-dir', dataDir, '--hub-url', hub.url, '--name', 'Máy CLI'],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
        timeout: 60_000,
      },
    );
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.once('error', reject);
    child.once('close', (exit) => resolve({ code: exit, out }));
    child.stdin.end(`${code}\n`);
  });
}

test('backdesk enroll: the command line is the actor, for a failed attempt and for the enrollment', TIMEOUT, async () => {
  const dir = join(tempDir(), 'profile');
  const failed = await backdeskEnroll(dir, 'ABCD-EFGH-JKLM-NPQR');
  assert.equal(failed.code, 1, failed.out);
  const done = await backdeskEnroll(dir, await hub.enrollmentCode());
  assert.equal(done.code, 0, done.out);
  const deviceId = /as device (\S+);/.exec(done.out)?.[1];
  assert.ok(deviceId, done.out);

  const store = await openStore({ dataDir: dir, keychain });
  try {
    const actor = { actor_id: null, actor_name: 'backdesk enroll (command line)', actor_role: 'it_admin' };
    assert.deepEqual(auditRows(store.db, 'sync.enroll'), [
      { ...actor, action: 'sync.enroll_failed', target_id: null, detail: JSON.stringify({ reason: 'invalid_code', hub: hub.url }) },
      { ...actor, action: 'sync.enroll', target_id: deviceId, detail: JSON.stringify({ hub: hub.url }) },
    ]);
  } finally {
    store.close();
  }
});

test(
  'a revocation is audited once: not again on retries nor after a restart, but again for the next enrollment revoked',
  TIMEOUT,
  async () => {
    const { desk, call } = await itAdminDesk();
    const enrollNow = async () => {
      const enrolled = await call('sync.enroll', { hubUrl: hub.url, code: await hub.enrollmentCode(), deviceName: 'Máy 2' });
      assert.ok(enrolled.ok, JSON.stringify(enrolled));
      return (enrolled.result as { deviceId: string }).deviceId;
    };
    const revoked = () => auditRows(desk.store.db, 'sync.revoked').map((r) => [r.actor_id, r.actor_role, r.target_id]);

    const first = await enrollNow();
    await desk.sync.syncNow();
    assert.equal(desk.sync.current().hub, 'online', desk.sync.current().lastError ?? '');
    assert.ok(await revokeDevice(hub.db, first));
    for (let i = 0; i < 3; i++) await desk.sync.syncNow();
    assert.equal(desk.sync.current().hub, 'revoked');
    assert.deepEqual(revoked(), [[null, null, first]]);

    // A restarted desk (a new sync client on the same store) hears the same 401 and writes nothing new.
    const restarted = new SyncClient(desk.store, keychain);
    try {
      await restarted.syncNow();
      assert.equal(restarted.current().hub, 'revoked');
    } finally {
      restarted.stop();
    }
    assert.deepEqual(revoked(), [[null, null, first]]);

    const second = await enrollNow();
    await desk.sync.syncNow();
    assert.equal(desk.sync.current().hub, 'online', desk.sync.current().lastError ?? '');
    assert.ok(await revokeDevice(hub.db, second));
    await desk.sync.syncNow();
    await desk.sync.syncNow();
    assert.deepEqual(revoked(), [
      [null, null, first],
      [null, null, second],
    ]);
  },
);
