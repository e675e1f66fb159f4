/**
 * The command palette's lookups through the API: a submission by its reference (with or without its kind's
 * letters, any case), a customer by their whole email or phone number as people type them, each only among
 * the inboxes the person works, the customer masked; a customer found is audited, a reference is not; each
 * lookup goes down an index, of keyed hashes rather than the values.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { submissionReference } from '../../common/vocabulary/submissions.ts';
import { insertCustomer } from '../../main/core/domain/customers.ts';
import { insertSubmission } from '../../main/core/domain/submissions.ts';
import { result, signedIn } from '../support/api-calls.ts';
import { addStaff, tempDesk } from '../support/fixtures.ts';
import { contactKeyer } from '../../main/core/store/contact-keys.ts';

const TIMEOUT = { timeout: 60_000 };
interface Found {
  submissions: { id: string; kind: string; subject: string }[];
  customers: { id: string; name: string; latest: { id: string; kind: string }; submissionCount: number }[];
}

test('a reference finds its submission, a whole email or number its customer, within the person’s inboxes', TIMEOUT, async () => {
  const desk = await tempDesk();
  await addStaff(desk.store, 'giamdoc', 'director');
  await addStaff(desk.store, 'lan', 'operator', ['complaint']);
  const operator = await signedIn(desk, 'lan');
  const director = await signedIn(desk, 'giamdoc');
  const db = desk.store.db;
  const customerId = insertCustomer(db, {
    fullName: 'Nguyễn Thị Lan',
    email: 'Lan.Nguyen@Gmail.com',
    phone: '0912.345.123',
    createdAt: Date.now(),
  });
  const at = Date.now();
  const complaint = insertSubmission(db, { kind: 'complaint', customerId, subject: 'Giao trễ', body: 'Chưa nhận hàng', createdAt: at });
  const question = insertSubmission(db, { kind: 'question', customerId, subject: 'Hỏi giá', body: 'Giá máy lạnh?', createdAt: at + 1 });
  const find = async (call: typeof operator, text: string) => result<Found>(await call('work.find', { text }));
  const ids = (f: Found) => f.submissions.map((s) => s.id);

  const ref = submissionReference('complaint', complaint);
  assert.deepEqual(ids(await find(operator, ref)), [complaint]);
  assert.deepEqual(ids(await find(operator, ` ${ref.toLowerCase()} `)), [complaint]);
  assert.deepEqual(ids(await find(operator, ref.slice(3))), [complaint], 'the 8 characters alone');
  assert.deepEqual(ids(await find(operator, `HD-${ref.slice(3)}`)), [], 'the letters name the kind');
  assert.deepEqual(ids(await find(operator, submissionReference('question', question))), [], 'not her inbox');
  assert.deepEqual(ids(await find(director, submissionReference('question', question))), [question]);

  for (const typed of ['+84 912 345 123', '0912345123', '84-912-345-123', 'lan.nguyen@gmail.com']) {
    const { customers } = await find(operator, typed);
    assert.deepEqual(
      customers.map((c) => [c.id, c.latest, c.submissionCount]),
      [[customerId, { id: complaint, kind: 'complaint' }, 1]],
      typed,
    );
    assert.notEqual(customers[0]!.name, 'Nguyễn Thị Lan', 'masked, as on the card');
  }
  const director_sees = (await find(director, '0912345123')).customers[0]!;
  assert.deepEqual([director_sees.latest, director_sees.submissionCount], [{ id: question, kind: 'question' }, 2]);
  for (const part of ['0912', 'lan.nguyen', 'Nguyễn Thị Lan', 'gmail.com']) {
    assert.deepEqual((await find(operator, part)).customers, [], `${part}: only a whole email or number finds`);
  }

  const audited = db.prepare(`SELECT actor_name AS who, detail FROM audit_log WHERE action = 'customer.find'`).all() as {
    who: string;
    detail: string;
  }[];
  assert.equal(audited.length, 5, 'each lookup that found a customer, and only those');
  assert.ok(
    audited.every((a) => JSON.parse(a.detail).customerIds[0] === customerId && !a.detail.includes('0912')),
    'never what was typed',
  );

  const plan = (sql: string, ...args: unknown[]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join('; ');
  assert.match(plan('SELECT id FROM submissions WHERE substr(id, -8) = ?', 'abcdef12'), /submissions_by_reference/);
  assert.match(
    plan(`SELECT id FROM customers WHERE bd_contact('phone', phone) = bd_contact('phone', ?)`, '0912345123'),
    /customers_by_phone_key/,
  );
  assert.match(
    plan(`SELECT id FROM customers WHERE bd_contact('email', email) = bd_contact('email', ?)`, 'a@b.c'),
    /customers_by_email_key/,
  );
  // What the indexes hold are keyed hashes: one per number whatever its form, none of its digits, another under another store's key.
  const keyOf = (kind: string, v: string) => (db.prepare('SELECT bd_contact(?, ?) AS k').get(kind, v) as { k: string }).k;
  const forms = ['+84 912 345 123', '0912345123', '84912345123'].map((v) => keyOf('phone', v));
  assert.equal(new Set(forms).size, 1);
  assert.ok(!/912|345/.test(forms[0]!), forms[0]);
  assert.notEqual(contactKeyer('ab'.repeat(32))('phone', '0912345123'), forms[0]);
  const indexed = (
    db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers'`).all() as { sql: string | null }[]
  )
    .map((r) => r.sql ?? '')
    .filter((sql) => /\b(email|phone|phone_key)\b/.test(sql));
  assert.ok(
    indexed.every((sql) => sql.includes('bd_contact(')),
    `no index of customers holds an email or a number itself: ${indexed.join('; ')}`,
  );
});
