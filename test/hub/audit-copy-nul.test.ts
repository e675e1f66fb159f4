/**
 * Audit rows from before failed sign-in names were neutralised may hold NUL. Their hash covers that exact
 * text, so the hub must copy them as they are: the copy is taken, holds the NUL, and doctor's comparison
 * of the chains still matches. Runs on PGlite and on PostgreSQL (whose jsonb cannot hold NUL).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appendAudit } from '../../main/core/audit/chain.ts';
import { compareAuditWithHub } from '../../main/core/sync/audit-comparison.ts';
import { addStaff, keychain, PASSWORD, tempDesk } from '../support/fixtures.ts';
import { startTestHub } from '../support/hub.ts';
import { within } from '../support/wait.ts';

const hub = await startTestHub();

test(
  'an audit row with NUL in its actor name reaches the hub’s copy, exactly, and the chains still match',
  { timeout: 120_000 },
  async () => {
    const desk = await tempDesk();
    await addStaff(desk.store, 'quantri', 'it_admin');
    const it = (m: string, i: unknown) => desk.dispatcher.call('it', m, i);
    assert.ok((await it('auth.signIn', { username: 'quantri', password: PASSWORD })).ok);
    const enrolled = await it('sync.enroll', { hubUrl: hub.url, code: await hub.enrollmentCode(), deviceName: 'Máy cũ' });
    assert.ok(enrolled.ok, JSON.stringify(enrolled));
    const { deviceId } = enrolled.result as { deviceId: string };

    // A failed sign-in as the desk recorded it before the typed username was neutralised.
    const legacy = appendAudit(desk.store.db, { id: null, name: 'admin\u0000', role: null }, { action: 'auth.failed' });
    await within('a sync cycle', 30_000, desk.sync.syncNow());
    assert.deepEqual(desk.sync.current(), { ...desk.sync.current(), hub: 'online', lastError: null });

    const local = (desk.store.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const copy = (
      await hub.db.query<{ row: string; hash: string }>('SELECT row, hash FROM audit_copies WHERE device_id = $1 AND seq = $2', [
        deviceId,
        legacy.seq,
      ])
    ).rows[0]!;
    assert.equal(copy.hash, legacy.hash);
    assert.equal((JSON.parse(copy.row) as { actor_name: string }).actor_name, 'admin\u0000');
    const comparison = await compareAuditWithHub(desk.store, keychain);
    assert.deepEqual(comparison.kind === 'matches' && { ...comparison, signatures: comparison.signatures.invalid }, {
      kind: 'matches',
      compared: local,
      signatures: 0,
    });
  },
);
