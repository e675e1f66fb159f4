/**
 * The product catalogue on the hub (migration 0012): a director's change to one product, whole, from any desk.
 * Like an account, it carries the version it was made on and is refused when someone changed it since; a SKU
 * another product holds is refused naming that product, so the catalogue never has two answers for one code.
 */
import type { ProductFields } from '../../common/protocol/products.ts';
import type { Queryable } from '../db/connect.ts';
import { directorThen, DirectoryRefusal } from '../directory/staff.ts';

export async function upsertProduct(
  tx: Queryable,
  m: { actorId: string; entityId: string; baseVersion: number | null; createdAt: number; payload: ProductFields },
): Promise<void> {
  const { entityId: id, baseVersion, payload: p } = m;
  if (!(await directorThen(tx, m.actorId, new Date(m.createdAt))))
    throw new DirectoryRefusal('only a director may change the product catalogue');
  const holder = (await tx.query<{ id: string; name: string }>('SELECT id, name FROM products WHERE lower(sku) = lower($1)', [p.sku]))
    .rows[0];
  if (holder && holder.id !== id) throw new DirectoryRefusal(`the SKU ${p.sku} already belongs to ${holder.name}`);
  const current = (await tx.query<{ version: number }>('SELECT version FROM products WHERE id = $1 FOR UPDATE', [id])).rows[0];
  const values = [id, p.sku, p.name, p.warrantyMonths, p.serialPattern, p.active];
  if (!current) {
    if (baseVersion !== null) throw new DirectoryRefusal('no such product in the catalogue');
    await tx.query(
      `INSERT INTO products (id, sku, name, warranty_months, serial_pattern, active, seq) VALUES ($1, $2, $3, $4, $5, $6, 0)`,
      values,
    );
    return;
  }
  if (baseVersion !== current.version) {
    throw new DirectoryRefusal(`changed by someone else since (version ${baseVersion ?? 'new'} → ${current.version})`, {
      version: current.version,
    });
  }
  await tx.query(
    `UPDATE products SET sku = $2, name = $3, warranty_months = $4, serial_pattern = $5, active = $6, version = version + 1,
       updated_at = now() WHERE id = $1`,
    values,
  );
}
