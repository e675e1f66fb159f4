/**
 * Every kind of submission is its own inbox behind its own grant, with the complaint inbox's methods; and a
 * kind's own fields can be corrected (setDetails) where the kind allows it, as a versioned, audited edit.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contract, type Envelope } from '../../main/api/contract.ts';
import type { Desk } from '../../main/api/desk.ts';
import { insertCustomer } from '../../main/core/domain/customers.ts';
import { insertSubmission, type SubmissionKind } from '../../main/core/domain/submissions.ts';
import { addStaff, PASSWORD, tempDesk } from '../support/fixtures.ts';

const TIMEOUT = { timeout: 60_000 };
const PREFIX: Record<SubmissionKind, string> = {
  complaint: 'complaints',
  question: 'questions',
  trade_contact: 'tradeContacts',
  warranty: 'warrantyClaims',
  feedback: 'feedback',
};
const DETAILS: Record<SubmissionKind, Record<string, unknown>> = {
  complaint: {},
  question: {},
  trade_contact: { trade: 'wholesale', company: 'Cửa hàng Điện máy Hưng Thịnh' },
  warranty: { product: 'Tủ lạnh Panasonic NR-BV331', serial: 'NR331-8812', purchaseDate: '2026-03-15' },
  feedback: { rating: 4 },
};
const errorCode = (e: Envelope) => (e.ok ? 'ok' : e.error.code);
const result = <T>(e: Envelope) => {
  assert.ok(e.ok, JSON.stringify(e));
  return e.result as T;
};

async function signedIn(desk: Desk, username: string) {
  const call = (m: string, i: unknown = {}) => desk.dispatcher.call(`conn-${username}`, m, i);
  assert.equal(errorCode(await call('auth.signIn', { username, password: PASSWORD })), 'ok');
  return call;
}

/** One submission of each kind, by one customer. */
function fill(desk: Desk): Record<SubmissionKind, string> {
  const customerId = insertCustomer(desk.store.db, { fullName: 'Trần Thị Mai', email: 'mai@gmail.com', createdAt: Date.now() });
  return Object.fromEntries(
    (Object.keys(PREFIX) as SubmissionKind[]).map((kind) => [
      kind,
      insertSubmission(desk.store.db, {
        kind,
        customerId,
        subject: `Một ${kind}`,
        body: 'Nội dung',
        details: DETAILS[kind],
        createdAt: Date.now(),
      }),
    ]),
  ) as Record<SubmissionKind, string>;
}

test('an operator granted only warranty claims may call every warranty method and no method of another inbox', TIMEOUT, async () => {
  const desk = await tempDesk();
  await addStaff(desk.store, 'hoa', 'operator', ['warranty']);
  await addStaff(desk.store, 'duc', 'director');
  const ids = fill(desk);
  const hoa = await signedIn(desk, 'hoa');
  const duc = await signedIn(desk, 'duc');
  for (const [kind, prefix] of Object.entries(PREFIX) as [SubmissionKind, string][]) {
    const methods = Object.keys(contract).filter((m) => m.startsWith(`${prefix}.`));
    assert.ok(methods.length >= 12, `${prefix} has the inbox's methods: ${methods.join(', ')}`);
    const list = await hoa(`${prefix}.list`);
    const get = await hoa(`${prefix}.get`, { id: ids[kind] });
    if (kind === 'warranty') {
      assert.deepEqual(
        result<{ rows: { id: string }[] }>(list).rows.map((r) => r.id),
        [ids.warranty],
      );
      assert.deepEqual(result<{ details: unknown }>(get).details, DETAILS.warranty);
    } else {
      for (const m of methods) assert.equal(errorCode(await hoa(m, { id: ids[kind] })), 'forbidden', m);
    }
    // A director reads every inbox, and only that kind's rows in it.
    assert.deepEqual(
      result<{ rows: { id: string }[] }>(await duc(`${prefix}.list`)).rows.map((r) => r.id),
      [ids[kind]],
    );
    // An id of another kind is not found through this inbox, even for a director.
    const other = kind === 'complaint' ? ids.question : ids.complaint;
    assert.equal(errorCode(await duc(`${prefix}.get`, { id: other })), 'not_found');
  }
});

test(
  'a warranty claim’s serial is corrected: new version, a details_change event, an audit row without the values, a signed mutation queued',
  TIMEOUT,
  async () => {
    const desk = await tempDesk();
    await addStaff(desk.store, 'hoa', 'operator', ['warranty']);
    const ids = fill(desk);
    const hoa = await signedIn(desk, 'hoa');
    const before = result<{ version: number }>(await hoa('warrantyClaims.get', { id: ids.warranty }));
    const out = result<{ version: number }>(
      await hoa('warrantyClaims.setDetails', { id: ids.warranty, version: before.version, changes: { serial: 'NR331-8813' } }),
    );
    assert.equal(out.version, before.version + 1);
    const after = result<{
      version: number;
      details: Record<string, unknown>;
      timeline: { type: string; actorName: string; data: unknown }[];
    }>(await hoa('warrantyClaims.get', { id: ids.warranty }));
    assert.deepEqual(after.details, { ...DETAILS.warranty, serial: 'NR331-8813' });
    const event = after.timeline.find((e) => e.type === 'details_change');
    assert.deepEqual(event?.data, { fields: { serial: { from: 'NR331-8812', to: 'NR331-8813' } } });
    assert.equal(event?.actorName, 'Nhân viên hoa');

    const audit = desk.store.db.prepare(`SELECT detail FROM audit_log WHERE action = 'submission.details'`).all() as { detail: string }[];
    assert.deepEqual(
      audit.map((a) => JSON.parse(a.detail)),
      [{ fields: ['serial'] }],
    );
    assert.ok(!audit[0]!.detail.includes('NR331'), 'the audit log never holds the values');
    const queued = desk.store.db.prepare(`SELECT base_version, payload FROM outbox WHERE mutation = 'submission.details'`).all() as {
      base_version: number;
      payload: string;
    }[];
    assert.equal(queued.length, 1);
    assert.equal(queued[0]!.base_version, before.version);
    assert.deepEqual(JSON.parse(queued[0]!.payload).changes, { serial: 'NR331-8813' });

    // The same value again is no change: no new version, event or mutation.
    const again = await hoa('warrantyClaims.setDetails', { id: ids.warranty, version: out.version, changes: { serial: 'NR331-8813' } });
    assert.equal(result<{ version: number }>(again).version, out.version);
    assert.equal(
      (desk.store.db.prepare(`SELECT count(*) AS n FROM outbox WHERE mutation = 'submission.details'`).get() as { n: number }).n,
      1,
    );
    // Made on the version before: stale, with the current version.
    const stale = await hoa('warrantyClaims.setDetails', { id: ids.warranty, version: before.version, changes: { serial: 'X-1' } });
    assert.equal(errorCode(stale), 'stale');
  },
);

test('corrections the kind does not allow are refused before they reach the store', TIMEOUT, async () => {
  const desk = await tempDesk();
  await addStaff(desk.store, 'duc', 'director');
  const ids = fill(desk);
  const duc = await signedIn(desk, 'duc');
  const version = 1;
  const refused: [string, string, Record<string, unknown>][] = [
    ['complaints', ids.complaint, { serial: 'A' }], // complaints have no fields to correct
    ['questions', ids.question, {}],
    ['feedback', ids.feedback, { rating: 5 }], // a customer's rating is theirs
    ['warrantyClaims', ids.warranty, {}], // nothing to change
    ['warrantyClaims', ids.warranty, { rating: 5 }],
    ['warrantyClaims', ids.warranty, { purchaseDate: '2999-01-01' }],
    ['warrantyClaims', ids.warranty, { purchaseDate: '15/03/2026' }],
    ['warrantyClaims', ids.warranty, { serial: 'line\nbreak' }],
    ['tradeContacts', ids.trade_contact, { taxCode: '12345' }],
    ['tradeContacts', ids.trade_contact, { trade: 'retail' }],
    ['tradeContacts', ids.trade_contact, { serial: 'A' }],
  ];
  for (const [prefix, id, changes] of refused) {
    const out = await duc(`${prefix}.setDetails`, { id, version, changes });
    assert.equal(errorCode(out), 'invalid_input', `${prefix} ${JSON.stringify(changes)}`);
  }
  const ok = await duc('tradeContacts.setDetails', {
    id: ids.trade_contact,
    version,
    changes: { taxCode: '0312345678-001', region: 'TP. Hồ Chí Minh' },
  });
  assert.equal(errorCode(ok), 'ok');
  assert.equal(
    (desk.store.db.prepare(`SELECT count(*) AS n FROM outbox WHERE mutation = 'submission.details'`).get() as { n: number }).n,
    1,
  );
});
