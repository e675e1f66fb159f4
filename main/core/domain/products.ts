/**
 * The desk's copy of the product catalogue (common/protocol/products.ts): read by everyone who works warranty
 * claims, changed by directors. A change is saved here at once and pushed through the outbox; the hub keeps
 * SKUs unique and refuses a change made on a version someone else has changed since.
 */
import type { Product, ProductFields } from '../../../common/protocol/products.ts';
import { fold } from '../../../common/text/fold.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { DomainError } from './errors.ts';
import { saveVersioned } from './versioned-rows.ts';
import { enqueue } from './outbox.ts';

interface ProductRow {
  id: string;
  sku: string;
  name: string;
  warranty_months: number;
  serial_pattern: string | null;
  active: number;
  version: number;
  updated_at: number;
}

const productOf = (r: ProductRow): Product => ({
  id: r.id,
  sku: r.sku,
  name: r.name,
  warrantyMonths: r.warranty_months,
  serialPattern: r.serial_pattern,
  active: r.active === 1,
  version: r.version,
  updatedAt: r.updated_at,
});

/** The catalogue by name; `text` matches a SKU or a name, without regard to case or Vietnamese marks. */
export function listProducts(db: Db, q: { text?: string; includeInactive?: boolean } = {}): Product[] {
  const rows = stmt(
    db,
    `SELECT * FROM products WHERE (@all OR active = 1)
       AND (@text IS NULL OR instr(bd_fold(sku), @text) > 0 OR instr(bd_fold(name), @text) > 0)
     ORDER BY name COLLATE NOCASE, sku`,
  ).all({ all: q.includeInactive ? 1 : 0, text: q.text ? fold(q.text) : null }) as ProductRow[];
  return rows.map(productOf);
}

/** The product a SKU names, whatever its case. */
export function productBySku(db: Db, sku: string): Product | null {
  const r = stmt(db, 'SELECT * FROM products WHERE sku = ? COLLATE NOCASE ORDER BY active DESC LIMIT 1').get(sku) as ProductRow | undefined;
  return r ? productOf(r) : null;
}

/**
 * Saves a product as a director entered it: a new one (no id) or a change made on `version`. Returns its id and
 * new version. A SKU another product holds on this desk is refused here already, naming that product.
 */
export function saveProduct(
  db: Db,
  actorId: string,
  change: { id?: string; version?: number; fields: ProductFields },
  now = Date.now(),
): { id: string; version: number } {
  return db.transaction(() => {
    const { fields } = change;
    const holder = productBySku(db, fields.sku);
    if (holder && holder.id !== change.id) throw new DomainError('invalid', `the SKU ${fields.sku} already belongs to ${holder.name}`);
    const values = {
      sku: fields.sku,
      name: fields.name,
      warranty_months: fields.warrantyMonths,
      serial_pattern: fields.serialPattern,
      active: fields.active ? 1 : 0,
      updated_at: now,
    };
    const { id, version, baseVersion } = saveVersioned(db, 'products', 'product', change, values);
    enqueue(db, { mutation: 'product.upsert', entityType: 'product', entityId: id, baseVersion, payload: fields, actorId }, now);
    return { id, version };
  })();
}
