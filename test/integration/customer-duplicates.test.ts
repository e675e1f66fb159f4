/**
 * The Duplicates tab's groups, through the API: customers linked by what they share are one group (a pair sharing
 * both an email and a phone is suggested once, not once per contact; A–B by email and B–C by phone is one group of
 * three), erased and merged customers are left out, the largest groups come first, and it is for directors only.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertCustomer } from '../../main/core/domain/customers.ts';
import { errorCode, result, signedIn } from '../support/api-calls.ts';
import { addStaff, tempDesk } from '../support/fixtures.ts';

interface Group {
  shared: string[];
  customers: { id: string; username: string | null }[];
}

test('customers linked by a shared email or phone are one group, each suggested once', { timeout: 60_000 }, async () => {
  const desk = await tempDesk();
  await addStaff(desk.store, 'giamdoc', 'director');
  await addStaff(desk.store, 'lan', 'operator', ['complaint']);
  const db = desk.store.db;
  let at = Date.now() - 10_000;
  const add = (fullName: string, email: string | undefined, phone: string | undefined) =>
    insertCustomer(db, { fullName, email, phone, createdAt: at++ });

  // Twins: the same email (in two spellings) and the same number (in two forms).
  const twin1 = add('Vũ Thị Hạnh', 'Hanh.Vu@Gmail.com', '0911 222 333');
  const twin2 = add('Vu Hanh', 'hanh.vu@gmail.com', '+84 911 222 333');
  // A chain: a–b share an email, b–c a phone.
  const a = add('Trần Văn An', 'an.tran@example.vn', undefined);
  const b = add('Tran An', 'AN.TRAN@example.vn', '0987 000 111');
  const c = add('An T.', undefined, '84987000111');
  // Alone, and a pair of which one is erased: no group.
  add('Lê Minh', 'minh@example.vn', '0900 000 001');
  add('Phạm Lan', 'lan.pham@example.vn', undefined);
  const erased = add('Phạm Lan', 'lan.pham@example.vn', undefined);
  db.prepare('UPDATE customers SET erased_at = ? WHERE id = ?').run(Date.now(), erased);

  const director = await signedIn(desk, 'giamdoc');
  const groups = result<Group[]>(await director('customers.duplicates', {}));
  const ids = (g: Group) => g.customers.map((x) => x.id).sort();
  assert.deepEqual(
    groups.map((g) => ({ shared: g.shared, ids: ids(g) })),
    [
      { shared: ['email', 'phone'], ids: [a, b, c].sort() },
      { shared: ['email', 'phone'], ids: [twin1, twin2].sort() },
    ],
    'the chain first (three customers), then the twins once; the erased customer’s former pair is not one',
  );
  assert.deepEqual(
    groups[1]!.customers.map((x) => x.id),
    [twin1, twin2],
    'within a group, the oldest customer first',
  );

  const operator = await signedIn(desk, 'lan');
  assert.equal(errorCode(await operator('customers.duplicates', {})), 'forbidden');
});
