/**
 * My work: what is assigned to the signed-in person and still to do, across the inboxes they hold, soonest
 * due first, paged by cursor without skipping or repeating a row.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Envelope } from '../../main/api/contract.ts';
import type { Desk } from '../../main/api/desk.ts';
import { insertCustomer } from '../../main/core/domain/customers.ts';
import { insertSubmission, type Status, type SubmissionKind } from '../../main/core/domain/submissions.ts';
import { addStaff, PASSWORD, roundTheClock, tempDesk } from '../support/fixtures.ts';

const TIMEOUT = { timeout: 60_000 };
const HOUR = 3_600_000;
const errorCode = (e: Envelope) => (e.ok ? 'ok' : e.error.code);
interface Page {
  rows: { id: string; kind: SubmissionKind; subject: string; dueAt: number | null }[];
  next: string | null;
  total: { n: number; exact: boolean } | null;
}

async function signedIn(desk: Desk, username: string) {
  const call = (m: string, i: unknown = {}) => desk.dispatcher.call(`conn-${username}`, m, i);
  assert.equal(errorCode(await call('auth.signIn', { username, password: PASSWORD })), 'ok');
  return call;
}

test(
  'My work lists my open assignments in the inboxes I hold, soonest due first, and pages through them exactly once',
  TIMEOUT,
  async () => {
    const desk = await tempDesk();
    const hoa = await addStaff(desk.store, 'hoa', 'operator', ['warranty', 'question']);
    const lan = await addStaff(desk.store, 'lan', 'operator', ['warranty', 'question', 'complaint']);
    await addStaff(desk.store, 'quantri', 'it_admin');
    const customerId = insertCustomer(desk.store.db, { fullName: 'Lê Văn Tâm', createdAt: 0 });
    // A claim has five hours more than a question: sent five hours earlier, it is due at the same time.
    const target = roundTheClock(desk.store, { question: 24, warranty: 29 });
    const now = Date.UTC(2026, 11, 5, 2);
    // Due `due` hours from now; with no due time, waiting on the customer (its clock stopped) since `age` hours ago.
    const add = (kind: SubmissionKind, subject: string, assigneeId: string | null, status: Status, due: number | null, age = 0) =>
      insertSubmission(desk.store.db, {
        kind,
        customerId,
        subject,
        body: 'Nội dung',
        status: due === null ? 'waiting' : status,
        assigneeId,
        createdAt: due === null ? now - age * HOUR : now + due * HOUR - target(kind),
      });
    add('warranty', 'W due in 5h', hoa.id, 'open', 5);
    add('question', 'Q due in 1h', hoa.id, 'new', 1);
    add('warranty', 'W overdue 3h', hoa.id, 'open', -3);
    add('question', 'Q no due, newer', hoa.id, 'waiting', null, 1);
    add('question', 'Q no due, older', hoa.id, 'waiting', null, 2);
    add('warranty', 'W due in 1h, older', hoa.id, 'open', 1); // same due as "Q due in 1h", sent earlier: the newer first
    add('warranty', 'W closed', hoa.id, 'closed', 2); // done: not listed
    add('warranty', 'W someone else', lan.id, 'open', 0); // not mine
    add('complaint', 'C from an old grant', hoa.id, 'open', -10); // an inbox hoa no longer holds
    add('question', 'Q unassigned', null, 'new', 0);

    const expected = ['W overdue 3h', 'Q due in 1h', 'W due in 1h, older', 'W due in 5h', 'Q no due, newer', 'Q no due, older'];
    const call = await signedIn(desk, 'hoa');
    const first = (await call('work.mine', {})) as Envelope<Page>;
    assert.ok(first.ok, JSON.stringify(first));
    assert.deepEqual(
      first.result.rows.map((r) => r.subject),
      expected,
    );
    assert.deepEqual(first.result.total, { n: expected.length, exact: true });
    assert.equal(first.result.next, null);
    assert.equal(first.result.rows[0]!.kind, 'warranty');

    // Two at a time; a row assigned between pages, due before the cursor, does not shift what follows.
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; ; i++) {
      const page = (await call('work.mine', { after, limit: 2 })) as Envelope<Page>;
      assert.ok(page.ok);
      assert.equal(page.result.total === null, after !== undefined, 'the total comes with the first page only');
      seen.push(...page.result.rows.map((r) => r.subject));
      if (i === 0) add('question', 'Q assigned meanwhile, overdue', hoa.id, 'open', -20);
      if (!page.result.next) break;
      after = page.result.next;
    }
    assert.deepEqual(seen, expected);

    // Another person sees their own; IT, who holds no inbox, is refused.
    const lanCall = await signedIn(desk, 'lan');
    const lans = (await lanCall('work.mine', {})) as Envelope<Page>;
    assert.ok(lans.ok);
    assert.deepEqual(
      lans.result.rows.map((r) => r.subject),
      ['W someone else'],
    );
    const it = await signedIn(desk, 'quantri');
    assert.equal(errorCode(await it('work.mine', {})), 'forbidden');
    assert.equal(errorCode(await call('work.mine', { after: 'not-a-cursor' })), 'invalid_input');
  },
);
