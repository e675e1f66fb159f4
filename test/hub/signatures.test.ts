/**
 * Changes signed by the person who made them, across desks and the hub: a change altered in a desk's outbox
 * after it was signed, or a real signature moved onto another row, is refused; a desk with a device token
 * but nobody's password can push nothing the hub takes; the hub judges a change by the grants its author
 * held when they made it; a password change re-wraps the same key and a reset makes a new one, while old
 * signatures still verify; an audit row with a forged signature is marked on the hub, by doctor (exit 9)
 * and in the director's audit view; an account from before keys gets its first key at sign-in.
 * Runs on PGlite and on PostgreSQL, like every hub file.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { newId } from '../../common/ids.ts';
import { hashPassword } from '../../common/node/passwords.ts';
import { makeSigningKey } from '../../common/node/signing-keys.ts';
import { appendAudit } from '../../main/core/audit/chain.ts';
import { enqueue } from '../../main/core/domain/outbox.ts';
import { addNote } from '../../main/core/domain/submission-work.ts';
import { keyRingOf } from '../../main/core/security/key-ring.ts';
import type { Db } from '../../main/core/store/open.ts';
import { KEYCHAIN_SERVICE } from '../../main/core/security/keychain.ts';
import { compareAuditWithHub } from '../../main/core/sync/audit-comparison.ts';
import { tokenAccount } from '../../main/core/sync/hub-link.ts';
import { doctor } from '../../main/cli/doctor.ts';
import { enrolledDesk } from '../support/enrolled-desk.ts';
import { keychain, PASSWORD } from '../support/fixtures.ts';
import { complaint, startTestHub } from '../support/hub.ts';
import { testSigner } from '../support/signer.ts';

const hub = await startTestHub();
const TIMEOUT = { timeout: 120_000 };

const post = async (ref: string) => (await hub.post('/intake/v1/submissions', complaint(ref))).body.id as string;
const hubNotes = async (submission: string) =>
  (
    await hub.db.query<{ body: string }>(`SELECT body FROM submission_events WHERE submission_id = $1 AND type = 'note' ORDER BY body`, [
      submission,
    ])
  ).rows.map((r) => r.body);
const outboxRow = (db: Db, id: string) => db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as Record<string, string | number | null>;

test('a change altered in the outbox after it was signed, or a real signature moved onto another row, is refused', TIMEOUT, async () => {
  const d = await enrolledDesk(hub, 'S1', [['sig_lan', 'operator', ['complaint']]]);
  const lan = d.staff.sig_lan!;
  const [s1, s2] = [await post('sig-1'), await post('sig-2')];
  await d.desk.sync.syncNow();
  const db = d.desk.store.db;
  addNote(db, 'complaint', s1, lan.id, 'Ghi chú thật');
  const real = db.prepare(`SELECT id FROM outbox WHERE state = 'pending'`).get() as { id: string };
  addNote(db, 'complaint', s1, lan.id, 'Ghi chú sẽ bị sửa');
  const edited = db.prepare(`SELECT id FROM outbox WHERE state = 'pending' AND id != ?`).get(real.id) as { id: string };
  // Someone with the desk's database key edits what lan wrote, after she signed it.
  db.prepare(`UPDATE outbox SET payload = json_set(payload, '$.body', 'Ghi chú đã bị sửa') WHERE id = ?`).run(edited.id);
  // And replays her real signature, with everything else of the real row, on the other complaint.
  const r = outboxRow(db, real.id);
  const replayId = newId();
  db.prepare(
    `INSERT INTO outbox (id, mutation, entity_type, entity_id, base_version, payload, actor_id, created_at, key_id, signature)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(replayId, r.mutation, r.entity_type, s2, r.base_version, r.payload, r.actor_id, r.created_at, r.key_id, r.signature);
  await d.desk.sync.syncNow();

  const outcome = (id: string) => db.prepare('SELECT state, reason FROM outbox WHERE id = ?').get(id);
  const forged = {
    state: 'rejected',
    reason: 'this change’s signature does not match it: it was altered after its author signed it, or signed by someone else',
  };
  assert.deepEqual(outcome(real.id), { state: 'applied', reason: null });
  assert.deepEqual(outcome(edited.id), forged);
  assert.deepEqual(outcome(replayId), forged);
  assert.deepEqual(await hubNotes(s1), ['Ghi chú thật']);
  assert.deepEqual(await hubNotes(s2), []);
});

test('a desk with a valid device token but nobody’s password can push nothing the hub takes', TIMEOUT, async () => {
  const d = await enrolledDesk(hub, 'S2', [['sig_minh', 'operator', ['complaint']]]);
  const minh = d.staff.sig_minh!;
  const s = await post('sig-3');
  await d.desk.sync.syncNow();
  const db = d.desk.store.db;
  keyRingOf(db).dropAll(); // nobody signed in: no key open on this desk
  assert.throws(() => addNote(db, 'complaint', s, minh.id, 'Không ai ký'), /signing key is not open/);
  assert.equal((db.prepare(`SELECT count(*) AS n FROM outbox WHERE state = 'pending'`).get() as { n: number }).n, 0);

  // By hand, with the desk's own device token: a key of the forger's, and minh's key id with a made-up signature.
  const token = (await keychain.get(KEYCHAIN_SERVICE, tokenAccount(d.desk.store)))!;
  const forger = testSigner();
  const minhKey = (db.prepare('SELECT key_id FROM staff WHERE id = ?').get(minh.id) as { key_id: string }).key_id;
  const note = () => ({
    id: newId(),
    mutation: 'submission.note',
    entityType: 'submission',
    entityId: s,
    baseVersion: null,
    payload: { eventId: newId(), body: 'Giả mạo' },
    actorId: minh.id,
    actorName: minh.displayName,
    createdAt: Date.now(),
  });
  const madeUp = { ...forger.sign(note()), keyId: minhKey };
  const res = await fetch(`${hub.url}/sync/push`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ mutations: [forger.sign(note()), madeUp] }),
  });
  assert.equal(res.status, 200);
  const { results } = (await res.json()) as { results: { outcome: string; reason: string }[] };
  assert.deepEqual(
    results.map((x) => [x.outcome, x.reason]),
    [
      ['rejected', 'this change is signed with a key that is not its author’s in the staff directory'],
      ['rejected', 'this change’s signature does not match it: it was altered after its author signed it, or signed by someone else'],
    ],
  );
  assert.deepEqual(await hubNotes(s), []);
});

test('the hub judges a change by the grants its author held when they made it', TIMEOUT, async () => {
  const a = await enrolledDesk(hub, 'S3A', [
    ['sig_director', 'director', []],
    ['sig_hoa', 'operator', ['complaint']],
  ]);
  const b = await enrolledDesk(hub, 'S3B', [['sig_hoa', 'operator', ['complaint']]]);
  const hoa = b.staff.sig_hoa!;
  const s = await post('sig-4');
  await b.desk.sync.syncNow();
  const now = Date.now();
  // On B, offline: one note before the director's change, one after (B has not heard of it yet).
  addNote(b.desk.store.db, 'complaint', s, hoa.id, 'Trước khi mất quyền', now - 60_000);
  const director = a.desk.dispatcher;
  assert.ok((await director.call('dir', 'auth.signIn', { username: 'sig_director', password: PASSWORD })).ok);
  const listed = await director.call('dir', 'staff.list', {});
  const account = (listed.ok ? (listed.result as { id: string; version: number; displayName: string }[]) : []).find(
    (p) => p.id === hoa.id,
  )!;
  const removed = await director.call('dir', 'staff.update', {
    id: hoa.id,
    version: account.version,
    displayName: account.displayName,
    role: 'operator',
    grants: ['question'],
  });
  assert.ok(removed.ok, JSON.stringify(removed));
  await a.desk.sync.syncNow();
  addNote(b.desk.store.db, 'complaint', s, hoa.id, 'Sau khi mất quyền', Date.now() + 1000);
  await b.desk.sync.syncNow();

  assert.deepEqual(await hubNotes(s), ['Trước khi mất quyền']);
  const refused = b.desk.store.db.prepare(`SELECT reason FROM outbox WHERE state = 'rejected'`).all();
  assert.deepEqual(refused, [{ reason: 'Nhân viên sig_hoa did not hold the complaint inbox when this change was made' }]);
});

test(
  'a password change re-wraps the same key; a director’s reset makes a new one; what the old key signed still verifies',
  TIMEOUT,
  async () => {
    const a = await enrolledDesk(hub, 'S4A', [
      ['sig_boss', 'director', []],
      ['sig_an', 'operator', ['complaint']],
    ]);
    const b = await enrolledDesk(hub, 'S4B', [['sig_an', 'operator', ['complaint']]]);
    const an = a.staff.sig_an!;
    const keys = async () =>
      (await hub.db.query<{ id: string }>('SELECT id FROM staff_keys WHERE staff_id = $1 ORDER BY created_at', [an.id])).rows.map(
        (r) => r.id,
      );
    const [first] = await keys();
    assert.ok(first);

    // An chooses a new password on A: the same key, wrapped again.
    const asAn = (m: string, i: unknown) => a.desk.dispatcher.call('an', m, i);
    assert.ok((await asAn('auth.signIn', { username: 'sig_an', password: PASSWORD })).ok);
    const NEW = 'mật khẩu mới của An 2026';
    assert.ok((await asAn('auth.changePassword', { current: PASSWORD, next: NEW })).ok);
    await a.desk.sync.syncNow();
    assert.deepEqual(await keys(), [first]);
    await b.desk.sync.syncNow();
    // On B, the new password opens the key the directory holds; what An does there is signed and taken.
    const s = await post('sig-5');
    await b.desk.sync.syncNow();
    const onB = (m: string, i: unknown) => b.desk.dispatcher.call('an-b', m, i);
    assert.ok((await onB('auth.signIn', { username: 'sig_an', password: NEW })).ok);
    assert.ok((await onB('complaints.addNote', { id: s, body: 'Ghi chú bằng mật khẩu mới' })).ok);
    await b.desk.sync.syncNow();
    assert.deepEqual(await hubNotes(s), ['Ghi chú bằng mật khẩu mới']);

    // The director resets An's password: a new key pair; the hub keeps both.
    const boss = (m: string, i: unknown) => a.desk.dispatcher.call('boss', m, i);
    assert.ok((await boss('auth.signIn', { username: 'sig_boss', password: PASSWORD })).ok);
    const listed = await boss('staff.list', {});
    const version = (listed.ok ? (listed.result as { id: string; version: number }[]) : []).find((p) => p.id === an.id)!.version;
    assert.ok((await boss('staff.resetPassword', { id: an.id, version })).ok);
    await a.desk.sync.syncNow();
    const after = await keys();
    assert.equal(after.length, 2);
    assert.equal(after[0], first);
    assert.equal(
      (await hub.db.query<{ key_id: string }>('SELECT key_id FROM staff WHERE id = $1', [an.id])).rows[0]!.key_id,
      after[1],
      'the new key is current',
    );
    // Every audit row An signed with the first key, on either desk, still verifies on the hub.
    await b.desk.sync.syncNow();
    const verdicts = (
      await hub.db.query<{ signature: string; n: number }>(
        `SELECT signature, count(*)::int AS n FROM audit_copies WHERE (row::jsonb)->>'actor_id' = $1 GROUP BY signature`,
        [an.id],
      )
    ).rows;
    assert.deepEqual(
      verdicts.map((v) => v.signature),
      ['verified'],
    );
    assert.ok(verdicts[0]!.n >= 4, 'sign-ins, the password change and sign-outs were copied');
  },
);

test('an audit row with a forged signature is marked on the hub, by doctor (exit 9) and in the audit view', TIMEOUT, async () => {
  const d = await enrolledDesk(hub, 'S5', [
    ['sig_giam_doc', 'director', []],
    ['sig_binh', 'operator', ['complaint']],
  ]);
  const binh = d.staff.sig_binh!;
  const db = d.desk.store.db;
  const binhKey = (db.prepare('SELECT key_id FROM staff WHERE id = ?').get(binh.id) as { key_id: string }).key_id;
  // A key that is not Binh's, presented under Binh's key id.
  keyRingOf(db).hold('forger', binh.id, { keyId: binhKey, privateKey: generateKeyPairSync('ed25519').privateKey });
  keyRingOf(db).drop(`test-${binh.id}`);
  const forged = appendAudit(db, { id: binh.id, name: binh.displayName, role: 'operator' }, { action: 'submission.view' });
  keyRingOf(db).drop('forger');
  await d.desk.sync.syncNow();

  const copy = await compareAuditWithHub(d.desk.store, keychain);
  assert.equal(copy.kind, 'matches');
  assert.deepEqual(copy.kind === 'matches' && [copy.signatures.invalid, copy.signatures.firstInvalidSeq], [1, forged.seq]);
  assert.equal(await doctor(d.desk.store.dataDir), 9);

  const asDirector = (m: string, i: unknown) => d.desk.dispatcher.call('gd', m, i);
  assert.ok((await asDirector('auth.signIn', { username: 'sig_giam_doc', password: PASSWORD })).ok);
  const listed = await asDirector('audit.list', {});
  const rows = listed.ok ? (listed.result as { seq: number; hubSignature: string | null }[]) : [];
  assert.equal(rows.find((r) => r.seq === forged.seq)?.hubSignature, 'invalid');
  assert.equal(rows.find((r) => r.seq === forged.seq - 1)?.hubSignature, 'verified');
  assert.equal(rows[0]!.hubSignature, null, 'the director’s own sign-in has not been copied yet');
});

test('an account from before keys gets its first key at sign-in; nobody can register a second one for them', TIMEOUT, async () => {
  const d = await enrolledDesk(hub, 'S6', [['sig_it_probe', 'operator', ['complaint']]]);
  // An account the directory held before keys (migration 0009 found it without one).
  const old = newId();
  await hub.db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7002)');
    await tx.query(
      `INSERT INTO staff (id, username, display_name, role, grants, password_hash, seq) VALUES ($1, 'sig_cu', 'Người cũ', 'operator', '["complaint"]', $2, 0)`,
      [old, await hashPassword(PASSWORD)],
    );
  });
  await d.desk.sync.syncNow();
  assert.ok((await d.desk.dispatcher.call('cu', 'auth.signIn', { username: 'sig_cu', password: PASSWORD })).ok);
  await d.desk.sync.syncNow();
  const held = (await hub.db.query<{ key_id: string | null }>('SELECT key_id FROM staff WHERE id = $1', [old])).rows[0]!;
  assert.ok(held.key_id, 'the key made at sign-in reached the directory');
  assert.equal(held.key_id, (d.desk.store.db.prepare('SELECT key_id FROM staff WHERE id = ?').get(old) as { key_id: string }).key_id);

  // A second key for the same person, however well signed with itself, is refused.
  const { key, unwrapped } = await makeSigningKey(PASSWORD);
  const ring = keyRingOf(d.desk.store.db);
  ring.drop('cu');
  enqueue(
    d.desk.store.db,
    { mutation: 'staff.key', entityType: 'staff', entityId: old, payload: { key }, actorId: old },
    Date.now(),
    unwrapped,
  );
  await d.desk.sync.syncNow();
  assert.deepEqual(
    d.desk.store.db.prepare(`SELECT state, reason FROM outbox WHERE mutation = 'staff.key' ORDER BY created_at DESC LIMIT 1`).get(),
    {
      state: 'rejected',
      reason: 'this change is signed with a key that is not its author’s in the staff directory',
    },
  );
  assert.equal((await hub.db.query('SELECT 1 FROM staff_keys WHERE staff_id = $1', [old])).rows.length, 1);
});
