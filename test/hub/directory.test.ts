/**
 * The organisation's staff directory across desks and the hub: the first director made once with
 * `backdesk-hub init`; a standalone desk's people joining it as the desk enrolls (a username someone else
 * holds refused, both people named); a person made on desk A signing in on desk B, offline, after B synced;
 * an assignment naming its person by id, so two people with one display name are never mixed up; a disabled
 * person refused on a desk once it has synced, their open session there ended.
 * Runs on PGlite and on PostgreSQL, like every hub file.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import type { Desk } from '../../main/api/desk.ts';
import { conflictCount, enqueue } from '../../main/core/domain/outbox.ts';
import { addNote, assign } from '../../main/core/domain/submission-work.ts';
import { createStaff, keyOfRow, listStaff, type StaffRow } from '../../main/core/security/staff.ts';
import { setSetting } from '../../main/core/store/settings.ts';
import { enroll } from '../../main/core/sync/enrollment.ts';
import { URL_KEY } from '../../main/core/sync/hub-link.ts';
import { enrolledDesk } from '../support/enrolled-desk.ts';
import { addStaff, holdKey, keychain, PASSWORD, tempDesk } from '../support/fixtures.ts';
import { complaint, startTestHub, testHubStorage, websiteComment } from '../support/hub.ts';

const hub = await startTestHub();

const signIn = (desk: Desk, connection: string, username: string) =>
  desk.dispatcher.call(connection, 'auth.signIn', { username, password: PASSWORD });

const directory = async () =>
  (
    await hub.db.query<{ id: string; username: string; display_name: string; role: string; joined_from: string | null }>(
      'SELECT id, username, display_name, role, joined_from FROM staff ORDER BY username',
    )
  ).rows;

/** Enrolls a desk through its IT admin's `sync.enroll`; the envelope as the API answers it. */
async function enrollThroughApi(desk: Desk, it: string, code: string) {
  assert.ok((await signIn(desk, `it-${it}`, it)).ok);
  return desk.dispatcher.call(`it-${it}`, 'sync.enroll', { hubUrl: hub.url, code, deviceName: `Máy ${it}` });
}

test(
  'backdesk-hub init makes the organisation’s first director once; the password comes from stdin, never argv',
  { timeout: 120_000 },
  async () => {
    const storage = await testHubStorage();
    const init = (username: string) =>
      spawnSync(
        process.execPath,
        ['bin/backdesk-hub.mjs', 'init', '--username', username, '--name', 'Trần Minh Đức', '--data-dir', storage.dataDir],
        { input: `${PASSWORD}\n`, env: { ...process.env, ...storage.env }, encoding: 'utf8', timeout: 60_000 },
      );
    const first = init('giamdoc');
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /Created director giamdoc/);
    const second = init('giamdoc2');
    assert.equal(second.status, 1, 'a second first director is refused');
    assert.match(second.stderr, /already has its staff directory/);
    const usage = spawnSync(process.execPath, ['bin/backdesk-hub.mjs', 'init', '--username', 'x', '--data-dir', storage.dataDir], {
      env: { ...process.env, ...storage.env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(usage.status, 64, usage.stderr);

    const db = await storage.connect();
    const rows = (
      await db.query<{ username: string; role: string; password_hash: string }>('SELECT username, role, password_hash FROM staff')
    ).rows;
    assert.deepEqual(
      rows.map((r) => [r.username, r.role]),
      [['giamdoc', 'director']],
    );
    assert.match(rows[0]!.password_hash, /^\$argon2id\$/);
    assert.ok(!rows[0]!.password_hash.includes(PASSWORD));
  },
);

test('a standalone desk’s people join the directory as it enrolls; a person made on desk A signs in on desk B after B synced, offline', async () => {
  const a = await enrolledDesk(hub, 'A', [['lan', 'operator', ['complaint']]]);
  const people = await directory();
  const lan = people.find((p) => p.username === 'lan')!;
  assert.equal(lan.id, a.staff.lan!.id, 'the directory keeps the id the desk made, so what lan did on A still names lan');
  assert.equal(lan.joined_from, a.deviceId);

  const b = await enrolledDesk(hub, 'B', [['lan', 'operator', ['complaint']]]);
  assert.equal(b.staff.lan!.id, lan.id, 'one person, the same id on both desks');
  // B loses its hub: signing in never needed it.
  setSetting(b.desk.store.db, URL_KEY, 'http://127.0.0.1:9');
  const signedIn = await signIn(b.desk, 'b-lan', 'lan');
  assert.ok(signedIn.ok, JSON.stringify(signedIn));
  const wrong = await b.desk.dispatcher.call('b-lan2', 'auth.signIn', { username: 'lan', password: 'not the password' });
  assert.equal(wrong.ok, false);
});

test('a username someone else holds in the directory refuses the enrollment, naming both people; the code stays usable', async () => {
  await enrolledDesk(hub, 'C', [['minh', 'operator', ['comment']]]);
  const desk = await tempDesk();
  await createStaff(desk.store.db, { username: 'MINH', displayName: 'Lê Văn Minh', role: 'director', password: PASSWORD });
  await addStaff(desk.store, 'it_clash', 'it_admin');
  const code = await hub.enrollmentCode();
  const refused = await enrollThroughApi(desk, 'it_clash', code);
  assert.equal(refused.ok, false);
  const { code: refusedAs, message, detail } = (refused as { error: { code: string; message: string; detail: unknown } }).error;
  assert.equal(refusedAs, 'username_taken');
  assert.deepEqual(
    detail,
    {
      clash: {
        username: 'MINH',
        joining: { displayName: 'Lê Văn Minh', role: 'director' },
        holder: { displayName: 'Nhân viên minh', role: 'operator' },
      },
    },
    'the two people, for the screen to name in its language',
  );
  assert.match(message, /MINH of Lê Văn Minh \(director\) on this workstation already belongs to Nhân viên minh \(operator\)/);
  assert.equal((await directory()).filter((p) => p.username.toLowerCase() === 'minh').length, 1, 'nobody joined');
  assert.equal((await directory()).filter((p) => p.username === 'it_clash').length, 0, 'not even the desk’s other accounts');

  const other = await tempDesk();
  await addStaff(other.store, 'it_after', 'it_admin');
  const enrolled = await enrollThroughApi(other, 'it_after', code);
  assert.ok(enrolled.ok, JSON.stringify(enrolled));
});

test('an assignment made on A names its person by id: B shows the right one of two people who share a display name', async () => {
  // Two people called the same, from a desk whose people joined the directory.
  const e = await tempDesk();
  const hoa1 = await createStaff(e.store.db, {
    username: 'hoa1',
    displayName: 'Nguyễn Thị Hoa',
    role: 'operator',
    password: PASSWORD,
    grants: ['complaint'],
  });
  const hoa2 = await createStaff(e.store.db, {
    username: 'hoa2',
    displayName: 'Nguyễn Thị Hoa',
    role: 'operator',
    password: PASSWORD,
    grants: ['complaint'],
  });
  await addStaff(e.store, 'it_E', 'it_admin');
  assert.ok((await enrollThroughApi(e, 'it_E', await hub.enrollmentCode())).ok);

  const a = await enrolledDesk(hub, 'F', [['dung', 'operator', ['complaint']]]);
  const b = await enrolledDesk(hub, 'G', [['hoa2', 'operator', ['complaint']]]);
  assert.deepEqual(
    listStaff(a.desk.store.db)
      .filter((p) => p.displayName === 'Nguyễn Thị Hoa')
      .map((p) => p.id)
      .sort(),
    [hoa1.id, hoa2.id].sort(),
    'A holds both, by their directory ids',
  );
  const id = (await hub.post('/intake/v1/submissions', complaint('dir-assign'))).body.id as string;
  await a.desk.sync.syncNow();
  assign(a.desk.store.db, 'complaint', id, a.staff.dung!.id, 1, hoa2.id);
  await a.desk.sync.syncNow();
  await b.desk.sync.syncNow();

  const onHub = (await hub.db.query('SELECT assignee_id FROM submissions WHERE id = $1', [id])).rows[0];
  assert.deepEqual(onHub, { assignee_id: hoa2.id });
  const event = (await hub.db.query(`SELECT actor_id, data FROM submission_events WHERE submission_id = $1 AND type = 'assignment'`, [id]))
    .rows[0];
  assert.deepEqual(event, { actor_id: a.staff.dung!.id, data: { from: null, to: hoa2.id, toName: 'Nguyễn Thị Hoa' } });
  const onB = b.desk.store.db.prepare('SELECT assignee_id AS id FROM submissions WHERE id = ?').get(id);
  assert.deepEqual(onB, { id: hoa2.id });
  const mine = await signIn(b.desk, 'g-hoa2', 'hoa2');
  assert.ok(mine.ok);
  const list = await b.desk.dispatcher.call('g-hoa2', 'complaints.list', { sort: 'newest', assignee: hoa2.id, limit: 10 });
  assert.ok(list.ok, JSON.stringify(list));
  assert.deepEqual(
    (list.result as { rows: { id: string }[] }).rows.map((r) => r.id),
    [id],
    'hoa2’s own list on B holds it',
  );
});

test('a person disabled in the directory can no longer sign in on a desk once it has synced, and their open session there ends', async () => {
  const d = await enrolledDesk(hub, 'H', [['tam', 'operator', ['complaint']]]);
  assert.ok((await signIn(d.desk, 'h-open', 'tam')).ok);
  assert.ok((await d.desk.dispatcher.call('h-open', 'complaints.list', { sort: 'newest', limit: 10 })).ok);
  // The directory's own change (the Staff screen makes it through the outbox; here the hub's table is edited).
  await hub.db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7002)');
    await tx.query(`UPDATE staff SET active = false, version = version + 1, updated_at = now() WHERE username = 'tam'`);
  });
  await d.desk.sync.syncNow();
  const after = await d.desk.dispatcher.call('h-open', 'complaints.list', { sort: 'newest', limit: 10 });
  assert.equal(after.ok, false);
  assert.equal((after as { error: { code: string } }).error.code, 'unauthenticated');
  const again = await signIn(d.desk, 'h-new', 'tam');
  assert.equal(again.ok, false);
  assert.equal((again as { error: { code: string } }).error.code, 'bad_credentials');
});

test('a director adds an operator on desk A; on desk B after a sync the one-time password opens only the form to choose her own, which reaches A', async () => {
  const a = await enrolledDesk(hub, 'I', [['giamdoc_i', 'director', []]]);
  const b = await enrolledDesk(hub, 'J', [['binh_j', 'operator', ['comment']]]);
  assert.ok((await signIn(a.desk, 'i-dir', 'giamdoc_i')).ok);
  const added = await a.desk.dispatcher.call('i-dir', 'staff.add', {
    username: 'thu',
    displayName: 'Phạm Thị Thu',
    role: 'operator',
    grants: ['complaint'],
  });
  assert.ok(added.ok, JSON.stringify(added));
  const { person, oneTimePassword } = added.result as { person: { id: string }; oneTimePassword: string };
  await a.desk.sync.syncNow();
  await b.desk.sync.syncNow();

  const thu = (password: string) => b.desk.dispatcher.call('j-thu', 'auth.signIn', { username: 'thu', password });
  const first = await thu(oneTimePassword);
  assert.ok(first.ok, JSON.stringify(first));
  assert.equal((first.result as { mustChangePassword?: boolean }).mustChangePassword, true);
  assert.equal((await b.desk.dispatcher.call('j-thu', 'complaints.list', { sort: 'newest', limit: 5 })).ok, false);
  const own = 'mật khẩu riêng của Thu';
  assert.ok((await b.desk.dispatcher.call('j-thu', 'auth.changePassword', { current: oneTimePassword, next: own })).ok);
  await b.desk.sync.syncNow();
  await a.desk.sync.syncNow();
  const onHub = (await hub.db.query('SELECT must_change_password, version FROM staff WHERE id = $1', [person.id])).rows[0];
  assert.deepEqual(onHub, { must_change_password: false, version: 2 });
  assert.ok((await a.desk.dispatcher.call('i-thu', 'auth.signIn', { username: 'thu', password: own })).ok, 'her own password works on A');
  assert.equal((await a.desk.dispatcher.call('i-thu2', 'auth.signIn', { username: 'thu', password: oneTimePassword })).ok, false);
});

test('a staff change queued by an operator (a forged outbox row) is refused by the hub and stays its author’s refused change', async () => {
  const d = await enrolledDesk(hub, 'K', [['khoa', 'operator', ['complaint']]]);
  const khoa = d.staff.khoa!;
  const row = d.desk.store.db.prepare('SELECT * FROM staff WHERE id = ?').get(khoa.id) as StaffRow;
  // What a tampered desk could queue: khoa making himself a director, signed with his own key.
  enqueue(d.desk.store.db, {
    mutation: 'staff.upsert',
    entityType: 'staff',
    entityId: khoa.id,
    baseVersion: row.version,
    actorId: khoa.id,
    payload: {
      username: 'khoa',
      displayName: khoa.displayName,
      role: 'director',
      grants: [],
      passwordHash: row.password_hash,
      active: true,
      mustChangePassword: false,
      key: keyOfRow(row),
    },
  });
  await d.desk.sync.syncNow();
  const refused = d.desk.store.db.prepare(`SELECT state, reason FROM outbox WHERE mutation = 'staff.upsert'`).get();
  assert.deepEqual(refused, { state: 'rejected', reason: 'only a director may change the staff directory' });
  assert.deepEqual((await hub.db.query('SELECT role FROM staff WHERE id = $1', [khoa.id])).rows, [{ role: 'operator' }]);
  assert.equal(conflictCount(d.desk.store.db, khoa.id), 1, 'khoa sees it among his refused changes');
});

test('the hub judges the person behind each change: unknown to the directory, without the inbox, or disabled before making it: refused; made before the disabling: kept', async () => {
  const d = await enrolledDesk(hub, 'L', [
    ['linh', 'operator', ['complaint']],
    ['son', 'operator', ['comment']],
  ]);
  const db = d.desk.store.db;
  const id = (await hub.post('/intake/v1/submissions', complaint('dir-judge'))).body.id as string;
  await d.desk.sync.syncNow();
  // An account made on this desk after it enrolled never joined the directory (no screen makes one now).
  const stranger = await createStaff(db, { username: 'la', displayName: 'Người lạ', role: 'director', password: PASSWORD });
  await holdKey(d.desk.store, stranger.id);
  addNote(db, 'complaint', id, stranger.id, 'Ghi chú của người lạ');
  // The API would refuse son a complaint; a tampered desk calls the store directly.
  addNote(db, 'complaint', id, d.staff.son!.id, 'Ghi chú của Sơn');
  const before = Date.now();
  addNote(db, 'complaint', id, d.staff.linh!.id, 'Ghi chú trước khi bị khóa', before);
  await hub.db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7002)');
    // As a director's push does: the new standing counts from when the director made the change.
    await tx.query(`SELECT set_config('backdesk.valid_from', $1, true)`, [new Date(before + 1000).toISOString()]);
    await tx.query(`UPDATE staff SET active = false, version = version + 1 WHERE username = 'linh'`);
  });
  addNote(db, 'complaint', id, d.staff.linh!.id, 'Ghi chú sau khi bị khóa', before + 2000);
  await d.desk.sync.syncNow();

  const notes = (
    await hub.db.query<{ body: string }>(`SELECT body FROM submission_events WHERE submission_id = $1 AND type = 'note'`, [id])
  ).rows;
  assert.deepEqual(
    notes.map((n) => n.body),
    ['Ghi chú trước khi bị khóa'],
  );
  const reasons = (db.prepare(`SELECT reason FROM outbox WHERE state = 'rejected' ORDER BY created_at`).all() as { reason: string }[]).map(
    (r) => r.reason,
  );
  assert.deepEqual(reasons, [
    'the person who made this change is not in the organisation’s staff directory',
    'Nhân viên son did not hold the complaint inbox when this change was made',
    'Nhân viên linh’s account was disabled before this change was made',
  ]);
});

test('a desk enrolled before anyone had an account: its first-run screen makes the organisation’s first director, once', async () => {
  const fresh = await startTestHub();
  const firstRun = async (name: string) => {
    const desk = await tempDesk();
    await enroll(desk.store, keychain, fresh.url, await fresh.enrollmentCode(), `Máy ${name}`, {
      id: null,
      name: 'backdesk enroll',
      role: 'it_admin',
    });
    await desk.sync.syncNow();
    const made = await desk.dispatcher.call(`first-${name}`, 'auth.createFirstDirector', {
      username: name,
      displayName: `Giám đốc ${name}`,
      password: PASSWORD,
    });
    assert.ok(made.ok, JSON.stringify(made));
    await desk.sync.syncNow();
    return desk;
  };
  await firstRun('duc');
  assert.deepEqual((await fresh.db.query('SELECT username, role FROM staff')).rows, [{ username: 'duc', role: 'director' }]);
  const b = await enrolledDesk(fresh, 'M', [['duc', 'director', []]]);
  assert.ok((await signIn(b.desk, 'm-duc', 'duc')).ok, 'the first director signs in on the next desk');

  // Another empty desk, enrolled before it received the directory, cannot make a second first director.
  const late = await tempDesk();
  await enroll(late.store, keychain, fresh.url, await fresh.enrollmentCode(), 'Máy trễ', {
    id: null,
    name: 'backdesk enroll',
    role: 'it_admin',
  });
  const made = await late.dispatcher.call('first-late', 'auth.createFirstDirector', {
    username: 'khac',
    displayName: 'Người khác',
    password: PASSWORD,
  });
  assert.ok(made.ok);
  await late.sync.syncNow();
  assert.deepEqual(late.store.db.prepare(`SELECT mutation, state, reason FROM outbox`).all(), [
    { mutation: 'staff.upsert', state: 'rejected', reason: 'the person who made this change is not in the organisation’s staff directory' },
  ]);
  assert.deepEqual((await fresh.db.query(`SELECT count(*)::int AS n FROM staff WHERE username = 'khac'`)).rows, [{ n: 0 }]);
});

test('a desk’s seat list: someone not on it cannot sign in there and their session ends; the hub keeps it for that desk only', async () => {
  const n = await enrolledDesk(hub, 'N', [
    ['giamdoc_n', 'director', []],
    ['lan_n', 'operator', ['complaint']],
    ['minh_n', 'operator', ['complaint']],
  ]);
  const o = await enrolledDesk(hub, 'O', [['minh_n', 'operator', ['complaint']]]);
  assert.ok((await signIn(n.desk, 'n-minh', 'minh_n')).ok);
  assert.ok((await signIn(n.desk, 'n-dir', 'giamdoc_n')).ok);
  const lockedOut = await n.desk.dispatcher.call('n-dir', 'desk.setSeats', { staffIds: [n.staff.lan_n!.id] });
  assert.equal(!lockedOut.ok && lockedOut.error.code, 'invalid_input', 'a director keeping the list stays on it');
  const seats = [n.staff.giamdoc_n!.id, n.staff.lan_n!.id];
  const set = await n.desk.dispatcher.call('n-dir', 'desk.setSeats', { staffIds: seats });
  assert.ok(set.ok, JSON.stringify(set));

  const ended = await n.desk.dispatcher.call('n-minh', 'complaints.list', { sort: 'newest', limit: 5 });
  assert.equal(!ended.ok && ended.error.code, 'unauthenticated', 'minh’s open session ended');
  const refused = await signIn(n.desk, 'n-minh2', 'minh_n');
  assert.equal(!refused.ok && refused.error.code, 'not_seated');
  assert.ok((await signIn(n.desk, 'n-lan', 'lan_n')).ok);
  assert.ok((await signIn(n.desk, 'n-dir2', 'giamdoc_n')).ok, 'the director is on it');
  const operator = await n.desk.dispatcher.call('n-lan', 'desk.setSeats', { staffIds: null });
  assert.equal(!operator.ok && operator.error.code, 'forbidden', 'an operator does not keep the seat list');

  await n.desk.sync.syncNow();
  await o.desk.sync.syncNow();
  const onHub = (await hub.db.query('SELECT id, staff_ids FROM device_seats')).rows;
  assert.deepEqual(onHub, [{ id: n.deviceId, staff_ids: seats }]);
  assert.ok((await signIn(o.desk, 'o-minh', 'minh_n')).ok, 'desk O keeps its own list: everyone');
  assert.equal(
    o.desk.store.db.prepare(`SELECT value FROM settings WHERE key = 'desk.seats'`).get(),
    undefined,
    'O never received N’s list',
  );

  assert.ok((await n.desk.dispatcher.call('n-dir', 'desk.setSeats', { staffIds: null })).ok);
  await n.desk.sync.syncNow();
  assert.deepEqual((await hub.db.query('SELECT staff_ids FROM device_seats WHERE id = $1', [n.deviceId])).rows, [{ staff_ids: null }]);
  assert.ok((await signIn(n.desk, 'n-minh3', 'minh_n')).ok, 'everyone again');
});

test('a standalone desk’s seat list goes with it as it enrolls: the hub keeps it and the first pull brings only what its people may see', async () => {
  const desk = await tempDesk();
  await addStaff(desk.store, 'sd_lan', 'operator', ['complaint']);
  await addStaff(desk.store, 'sd_boss', 'director');
  await addStaff(desk.store, 'sd_it', 'it_admin');
  const lan = listStaff(desk.store.db).find((p) => p.username === 'sd_lan')!;
  const it = (m: string, i: unknown) => desk.dispatcher.call('sd-it', m, i);
  assert.ok((await signIn(desk, 'sd-it', 'sd_it')).ok);
  assert.ok((await it('desk.setSeats', { staffIds: [lan.id] })).ok, 'kept while standalone');
  const posted = await hub.post('/intake/v1/comments', websiteComment('sd-comment', 'sd-customer'));
  const enrolled = await it('sync.enroll', { hubUrl: hub.url, code: await hub.enrollmentCode(), deviceName: 'Máy SD' });
  assert.ok(enrolled.ok, JSON.stringify(enrolled));
  const deviceId = (enrolled.result as { deviceId: string }).deviceId;
  assert.deepEqual((await hub.db.query('SELECT staff_ids FROM device_seats WHERE id = $1', [deviceId])).rows, [{ staff_ids: [lan.id] }]);
  await desk.sync.syncNow();
  assert.equal(desk.sync.current().hub, 'online', desk.sync.current().lastError ?? '');
  assert.equal(
    (desk.store.db.prepare('SELECT count(*) AS n FROM comments WHERE id = ?').get(posted.body.id) as { n: number }).n,
    0,
    'only lan, who holds complaints, may sign in here: no comments come, though the director’s account is on this desk',
  );
});
