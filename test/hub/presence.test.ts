/**
 * Who else has a submission open, through a real hub: a person on one desk sees the person on another desk who
 * opened the same complaint, then that they are writing a reply, then nobody once they closed it. The hub
 * names only people seated at the reporting desk who work the submission's inbox; a desk without a hub knows
 * nobody, and says it does not know.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KEYCHAIN_SERVICE } from '../../main/core/security/keychain.ts';
import { tokenAccount } from '../../main/core/sync/hub-link.ts';
import { errorCode, result, signedIn } from '../support/api-calls.ts';
import { enrolledDesk, seat } from '../support/enrolled-desk.ts';
import { addComplaint, addStaff, keychain, tempDesk } from '../support/fixtures.ts';
import { complaint, startTestHub } from '../support/hub.ts';

const hub = await startTestHub();
const TIMEOUT = { timeout: 90_000 };
interface Presence {
  known: boolean;
  others: { name: string; state: string; since: number }[];
}

test('a person sees who else has the complaint open on another desk, and when they write a reply', TIMEOUT, async () => {
  const a = await enrolledDesk(hub, 'A', [['lan', 'operator', ['complaint']]]);
  const b = await enrolledDesk(hub, 'B', [
    ['minh', 'operator', ['complaint']],
    ['hoa', 'operator', ['question']],
  ]);
  const id = (await hub.post('/intake/v1/submissions', complaint('p1'))).body.id as string;
  await a.desk.sync.syncNow();
  await b.desk.sync.syncNow();
  const lan = await signedIn(a.desk, 'lan');
  const minh = await signedIn(b.desk, 'minh');
  const seen = async (call: typeof lan, state: string) => result<Presence>(await call('complaints.presence', { id, state }));

  assert.deepEqual(await seen(lan, 'viewing'), { known: true, others: [] });
  const first = await seen(minh, 'viewing');
  assert.deepEqual(
    first.others.map((o) => [o.name, o.state]),
    [['Nhân viên lan', 'viewing']],
  );
  assert.deepEqual(
    (await seen(lan, 'composing')).others.map((o) => [o.name, o.state]),
    [['Nhân viên minh', 'viewing']],
  );
  const writing = await seen(minh, 'viewing');
  assert.deepEqual(
    writing.others.map((o) => [o.name, o.state]),
    [['Nhân viên lan', 'composing']],
  );
  assert.equal(writing.others[0]!.since, first.others[0]!.since, 'open since she opened it, not since she started writing');
  await seen(lan, 'left');
  assert.deepEqual(await seen(minh, 'viewing'), { known: true, others: [] });

  // Hoa works questions only: her desk refuses, and so does the hub when her desk is bypassed.
  const hoa = await signedIn(b.desk, 'hoa');
  assert.equal(errorCode(await hoa('complaints.presence', { id, state: 'viewing' })), 'forbidden');
  const token = await keychain.get(KEYCHAIN_SERVICE, tokenAccount(b.desk.store));
  const direct = (personId: string) =>
    fetch(`${hub.url}/presence/v1`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ personId, submissionId: id, state: 'viewing' }),
    });
  assert.equal((await direct(b.staff.hoa!.id)).status, 403);
  // Lan is not seated at desk B once B has a seat list: B cannot show her as looking.
  await seat(b, ['minh', 'hoa']);
  assert.equal((await direct(a.staff.lan!.id)).status, 403);
  assert.equal((await direct(b.staff.minh!.id)).status, 200);
  const unenrolled = await fetch(`${hub.url}/presence/v1`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ personId: b.staff.minh!.id, submissionId: id, state: 'viewing' }),
  });
  assert.equal(unenrolled.status, 401);
});

test('a desk without a hub knows nobody, and says so', TIMEOUT, async () => {
  const desk = await tempDesk();
  await addStaff(desk.store, 'lan', 'operator', ['complaint']);
  const { id } = addComplaint(desk.store, 'Giao trễ', 'Chưa nhận hàng');
  const lan = await signedIn(desk, 'lan');
  assert.deepEqual(result<Presence>(await lan('complaints.presence', { id, state: 'viewing' })), { known: false, others: [] });
  assert.equal(errorCode(await lan('questions.presence', { id, state: 'viewing' })), 'forbidden');
});
