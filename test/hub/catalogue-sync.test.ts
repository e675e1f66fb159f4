/**
 * The product catalogue across the loop: a director's product reaches the hub and every desk that works
 * warranty claims (and no other); the hub refuses a product change from anyone but a director, and a SKU
 * another desk's product took first.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId } from '../../common/ids.ts';
import type { Desk } from '../../main/api/desk.ts';
import { enqueue } from '../../main/core/domain/outbox.ts';
import { saveProduct } from '../../main/core/domain/products.ts';
import { enrolledDesk, seat } from '../support/enrolled-desk.ts';
import { startTestHub } from '../support/hub.ts';

const hub = await startTestHub();
const TIMEOUT = { timeout: 60_000 };
const fridge = { sku: 'NR-BV331', name: 'Tủ lạnh Panasonic NR-BV331', warrantyMonths: 24, serialPattern: 'NR9999AA', active: true };
const skus = (desk: Desk) => (desk.store.db.prepare('SELECT sku FROM products ORDER BY sku').all() as { sku: string }[]).map((r) => r.sku);
const rejected = (desk: Desk) =>
  (desk.store.db.prepare(`SELECT reason FROM outbox WHERE state = 'rejected' ORDER BY created_at`).all() as { reason: string }[]).map(
    (r) => r.reason,
  );

test('a product saved by a director reaches desks that work warranty claims, and only those', TIMEOUT, async () => {
  const office = await enrolledDesk(hub, 'A', [['giamdoc_a', 'director', []]]);
  const warranty = await enrolledDesk(hub, 'B', [['baohanh_b', 'operator', ['warranty']]]);
  const complaints = await enrolledDesk(hub, 'C', [['khieunai_c', 'operator', ['complaint']]]);
  // Only its own operator signs in there: the desk holds what she may see (without a seat list, everyone's).
  await seat(complaints, ['khieunai_c']);
  const { id } = saveProduct(office.desk.store.db, office.staff.giamdoc_a!.id, { fields: fridge });
  await office.desk.sync.syncNow();
  const onHub = await hub.db.query('SELECT sku, name, warranty_months, serial_pattern, active, version FROM products WHERE id = $1', [id]);
  assert.deepEqual(onHub.rows, [
    { sku: 'NR-BV331', name: 'Tủ lạnh Panasonic NR-BV331', warranty_months: 24, serial_pattern: 'NR9999AA', active: true, version: 1 },
  ]);
  await warranty.desk.sync.syncNow();
  await complaints.desk.sync.syncNow();
  assert.deepEqual(skus(warranty.desk), ['NR-BV331']);
  assert.deepEqual(skus(complaints.desk), [], 'a desk without the warranty inbox holds no catalogue');

  // Changed on the version it was made on, the change reaches the other desk too.
  saveProduct(office.desk.store.db, office.staff.giamdoc_a!.id, { id, version: 1, fields: { ...fridge, warrantyMonths: 36 } });
  await office.desk.sync.syncNow();
  await warranty.desk.sync.syncNow();
  assert.deepEqual(warranty.desk.store.db.prepare('SELECT warranty_months AS m, version AS v FROM products WHERE id = ?').get(id), {
    m: 36,
    v: 2,
  });
});

test('the hub refuses a product from an operator, and a second product with a SKU already taken', TIMEOUT, async () => {
  const a = await enrolledDesk(hub, 'D', [
    ['giamdoc_d', 'director', []],
    ['baohanh_d', 'operator', ['warranty']],
  ]);
  const b = await enrolledDesk(hub, 'E', [['giamdoc_e', 'director', []]]);
  // An operator's product, queued past the desk's own check (the API allows directors only).
  enqueue(a.desk.store.db, {
    mutation: 'product.upsert',
    entityType: 'product',
    entityId: newId(),
    baseVersion: null,
    payload: { ...fridge, sku: 'OP-1' },
    actorId: a.staff.baohanh_d!.id,
  });
  // Two directors, offline, each add a product under the same SKU: the first to reach the hub keeps it.
  saveProduct(a.desk.store.db, a.staff.giamdoc_d!.id, { fields: { ...fridge, sku: 'KS-COM18V', name: 'Nồi cơm Sharp (máy D)' } });
  saveProduct(b.desk.store.db, b.staff.giamdoc_e!.id, { fields: { ...fridge, sku: 'ks-com18v', name: 'Nồi cơm Sharp (máy E)' } });
  await a.desk.sync.syncNow();
  await b.desk.sync.syncNow();
  assert.deepEqual(rejected(a.desk), ['only a director may change the product catalogue']);
  assert.deepEqual(rejected(b.desk), ['the SKU ks-com18v already belongs to Nồi cơm Sharp (máy D)']);
  const onHub = await hub.db.query<{ name: string }>(`SELECT name FROM products WHERE lower(sku) = 'ks-com18v' OR sku = 'OP-1'`);
  assert.deepEqual(
    onHub.rows.map((r) => r.name),
    ['Nồi cơm Sharp (máy D)'],
  );
});
