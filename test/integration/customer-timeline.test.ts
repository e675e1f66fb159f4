/**
 * The customer card's timeline: every submission, reply and comment of the customer that the person reading
 * may see, newest first, paged; and the card's count is of what that person may see too.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId } from '../../common/ids.ts';
import type { Envelope } from '../../main/api/contract.ts';
import type { Desk } from '../../main/api/desk.ts';
import { insertCustomer } from '../../main/core/domain/customers.ts';
import { queueReply } from '../../main/core/domain/submission-work.ts';
import { insertSubmission, type SubmissionKind } from '../../main/core/domain/submissions.ts';
import { addStaff, holdKey, PASSWORD, tempDesk } from '../support/fixtures.ts';

const TIMEOUT = { timeout: 60_000 };
const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 1);

interface Timeline {
  items: { type: string; id: string; kind?: string; subject?: string; excerpt?: string; at: number }[];
  next: string | null;
}

async function signedIn(desk: Desk, username: string) {
  const call = (m: string, i: unknown = {}) => desk.dispatcher.call(`conn-${username}`, m, i);
  assert.ok((await call('auth.signIn', { username, password: PASSWORD })).ok);
  return call;
}
const result = <T>(e: Envelope) => {
  assert.ok(e.ok, JSON.stringify(e));
  return e.result as T;
};
/** What an item reads as, for comparing whole timelines. */
const label = (i: Timeline['items'][number]) => `${i.type}:${i.subject ?? i.excerpt}`;

test('the timeline holds what the reader may see of the customer, newest first, and pages through it exactly once', TIMEOUT, async () => {
  const desk = await tempDesk();
  const hoa = await addStaff(desk.store, 'hoa', 'operator', ['warranty']);
  await addStaff(desk.store, 'duc', 'director');
  await holdKey(desk.store, hoa.id);
  const db = desk.store.db;
  const customerId = insertCustomer(db, { fullName: 'Phạm Thị Hạnh', createdAt: T0 });
  const other = insertCustomer(db, { fullName: 'Võ Văn Kiệt', createdAt: T0 });
  const add = (kind: SubmissionKind, subject: string, minutes: number, who = customerId) =>
    insertSubmission(db, { kind, customerId: who, subject, body: 'Nội dung', createdAt: T0 + minutes * MIN });
  add('complaint', 'Giao hàng trễ', 1);
  const claim = add('warranty', 'Tủ lạnh không lạnh', 2);
  add('question', 'Có trả góp không?', 4);
  add('warranty', 'Máy giặt của người khác', 5, other);
  queueReply(db, 'warranty', claim, hoa.id, 'Chúng tôi đã nhận máy, kỹ thuật viên sẽ kiểm tra.', T0 + 3 * MIN);
  db.prepare(`INSERT INTO comments (id, customer_id, page_url, body, posted_at) VALUES (?, ?, ?, ?, ?)`).run(
    newId(),
    customerId,
    'https://shop.example.vn/p/tu-lanh',
    'Tủ lạnh này có bền không?',
    T0 + 6 * MIN,
  );

  const operator = await signedIn(desk, 'hoa');
  const seen = result<Timeline>(await operator('warrantyClaims.customerTimeline', { submissionId: claim }));
  assert.deepEqual(seen.items.map(label), ['reply:Tủ lạnh không lạnh', 'submission:Tủ lạnh không lạnh']);
  assert.equal(seen.next, null);
  const card = result<{ submissionCount: number }>(await operator('warrantyClaims.customerCard', { submissionId: claim }));
  assert.equal(card.submissionCount, 1, 'the operator’s count is of the inboxes they hold');

  const director = await signedIn(desk, 'duc');
  const all = [
    'comment:Tủ lạnh này có bền không?',
    'submission:Có trả góp không?',
    'reply:Tủ lạnh không lạnh',
    'submission:Tủ lạnh không lạnh',
    'submission:Giao hàng trễ',
  ];
  const whole = result<Timeline>(await director('warrantyClaims.customerTimeline', { submissionId: claim }));
  assert.deepEqual(whole.items.map(label), all);
  assert.equal(
    result<{ submissionCount: number }>(await director('warrantyClaims.customerCard', { submissionId: claim })).submissionCount,
    3,
  );

  const paged: string[] = [];
  let before: string | undefined;
  do {
    const page = result<Timeline>(await director('warrantyClaims.customerTimeline', { submissionId: claim, before, limit: 2 }));
    assert.ok(page.items.length <= 2);
    paged.push(...page.items.map(label));
    before = page.next ?? undefined;
  } while (before);
  assert.deepEqual(paged, all);

  const audited = db
    .prepare(`SELECT actor_id AS actorId, target_id AS targetId FROM audit_log WHERE action = 'customer.view_timeline'`)
    .all();
  assert.equal(audited.length, 2 + Math.ceil(all.length / 2));
  assert.deepEqual(audited[0], { actorId: hoa.id, targetId: customerId });
});
