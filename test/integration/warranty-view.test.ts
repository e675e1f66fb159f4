/**
 * A warranty claim as the desk shows it: its catalogue product (by SKU, else by name), its eligibility, and
 * warnings about its serial (another customer's claim, too many claims, not the product's pattern).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Envelope } from '../../main/api/contract.ts';
import { insertCustomer } from '../../main/core/domain/customers.ts';
import { saveProduct } from '../../main/core/domain/products.ts';
import { insertSubmission } from '../../main/core/domain/submissions.ts';
import { eligibility, todayInVietnam, type Eligibility } from '../../common/warranty/eligibility.ts';
import { addStaff, holdKey, PASSWORD, tempDesk } from '../support/fixtures.ts';

const TIMEOUT = { timeout: 60_000 };
interface View {
  stage: string;
  next: string[];
  product: { sku: string; name: string } | null;
  eligibility: Eligibility;
  serial: { unlikePattern: boolean; otherCustomers: number; claims: number; tooManyClaims: boolean } | null;
}

/** A date `months` months before today in Vietnam, as a purchase date. */
function monthsAgo(months: number): string {
  const [y, m, d] = todayInVietnam().split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 - months, Math.min(d, 28))).toISOString().slice(0, 10);
}

test('a claim shows its product, eligibility and serial warnings', TIMEOUT, async () => {
  const desk = await tempDesk();
  const duc = await addStaff(desk.store, 'duc', 'director');
  await addStaff(desk.store, 'hoa', 'operator', ['warranty']);
  await holdKey(desk.store, duc.id);
  const db = desk.store.db;
  saveProduct(db, duc.id, {
    fields: { sku: 'NR-BV331', name: 'Tủ lạnh Panasonic NR-BV331', warrantyMonths: 24, serialPattern: 'NR9999AA', active: true },
  });
  saveProduct(db, duc.id, {
    fields: { sku: 'KS-COM18V', name: 'Nồi cơm điện Sharp KS-COM18V', warrantyMonths: 12, serialPattern: null, active: true },
  });
  const mai = insertCustomer(db, { fullName: 'Trần Thị Mai', createdAt: 0 });
  const tam = insertCustomer(db, { fullName: 'Lê Văn Tâm', createdAt: 0 });
  const claim = (customerId: string, details: Record<string, unknown>) =>
    insertSubmission(db, { kind: 'warranty', customerId, subject: 'Bảo hành', body: 'Hỏng', details, createdAt: Date.now() });

  const bought = monthsAgo(6);
  const byName = claim(mai, { product: 'tu lanh panasonic nr-bv331', serial: 'NR1234AB', purchaseDate: bought });
  const bySku = claim(mai, { product: 'Nồi cơm', sku: 'ks-com18v', serial: 'SH-77', purchaseDate: monthsAgo(13) });
  const unknown = claim(tam, { product: 'Quạt không có trong danh mục', serial: 'nr1234ab ' });
  const strange = claim(tam, { product: 'Tủ lạnh Panasonic NR-BV331', serial: 'ABC', purchaseDate: bought });
  for (let i = 0; i < 3; i++) claim(tam, { product: 'Nồi cơm điện Sharp KS-COM18V', serial: 'SH-77', purchaseDate: bought });

  const call = (m: string, i: unknown = {}) => desk.dispatcher.call('hoa', m, i);
  assert.ok((await call('auth.signIn', { username: 'hoa', password: PASSWORD })).ok);
  const view = async (id: string) => {
    const out = (await call('warrantyClaims.get', { id })) as Envelope<{ warranty: View }>;
    assert.ok(out.ok, JSON.stringify(out));
    return out.result.warranty;
  };

  assert.deepEqual(await view(byName), {
    stage: 'received',
    next: ['inspecting', 'rejected'],
    product: { sku: 'NR-BV331', name: 'Tủ lạnh Panasonic NR-BV331', warrantyMonths: 24 },
    eligibility: eligibility(bought, 24, todayInVietnam()), // its days counted in the unit test
    // The same serial, typed in lower case with a space, on Tâm's claim.
    serial: { unlikePattern: false, otherCustomers: 1, claims: 2, tooManyClaims: false },
  });
  const sku = await view(bySku);
  assert.equal(sku.product?.sku, 'KS-COM18V');
  assert.equal(sku.eligibility.state, 'out');
  assert.deepEqual(sku.serial, { unlikePattern: false, otherCustomers: 3, claims: 4, tooManyClaims: true });
  assert.deepEqual((await view(unknown)).eligibility, { state: 'unknown', missing: ['purchaseDate', 'product'] });
  assert.equal((await view(strange)).serial?.unlikePattern, true);

  const complaint = insertSubmission(db, { kind: 'complaint', customerId: mai, subject: 'x', body: 'y', createdAt: Date.now() });
  const asDirector = (m: string, i: unknown) => desk.dispatcher.call('duc', m, i);
  assert.ok((await asDirector('auth.signIn', { username: 'duc', password: PASSWORD })).ok);
  const other = (await asDirector('complaints.get', { id: complaint })) as Envelope<{ warranty: unknown }>;
  assert.ok(other.ok);
  assert.equal(other.result.warranty, null);

  // The serial lookup reads the claims with that serial from its index, not every submission.
  const plan = db
    .prepare(
      `EXPLAIN QUERY PLAN SELECT count(*) FROM submissions
       WHERE kind = 'warranty' AND upper(trim(json_extract(details, '$.serial'))) = upper(trim(?))`,
    )
    .all('X') as { detail: string }[];
  assert.match(plan.map((p) => p.detail).join('\n'), /USING INDEX submissions_by_serial/);
});
