/**
 * What the warranty desk shows beside a claim: the catalogue product it is about (by the SKU the website or
 * staff gave, else by the product's name as the customer wrote it), whether it is still in warranty
 * (common/warranty/eligibility.ts), and warnings about its serial: not the product's pattern, already on
 * another customer's claim, or on more claims than one product plausibly has.
 */
import type { Product } from '../../../common/protocol/products.ts';
import { serialFits } from '../../../common/protocol/products.ts';
import { fold } from '../../../common/text/fold.ts';
import { eligibility, todayInVietnam, type Eligibility } from '../../../common/warranty/eligibility.ts';
import { NEXT_STAGES, stageOf, type WarrantyStage } from '../../../common/warranty/stages.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { productBySku } from './products.ts';
import { inForce } from './sla.ts';

/** More claims than this on one serial is flagged, unless directors set another limit: one unit rarely fails that often. */
export const SERIAL_CLAIMS_LIMIT = 3;

export interface SerialCheck {
  /** The product has a serial pattern and this serial does not fit it. */
  unlikePattern: boolean;
  /** Claims of other customers with the same serial. */
  otherCustomers: number;
  /** Every claim with this serial, this one included. */
  claims: number;
  tooManyClaims: boolean;
}

export interface WarrantyView {
  /** Where the claim stands, and the steps it may take from there. */
  stage: WarrantyStage;
  next: WarrantyStage[];
  product: Pick<Product, 'sku' | 'name' | 'warrantyMonths'> | null;
  eligibility: Eligibility;
  serial: SerialCheck | null;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** The catalogue product a claim names: its SKU, else a product of exactly that name (ignoring case and marks). */
function productOf(db: Db, details: Record<string, unknown>): Product | null {
  const sku = text(details.sku);
  if (sku) return productBySku(db, sku);
  const name = text(details.product);
  if (!name) return null;
  const row = stmt(db, 'SELECT sku FROM products WHERE bd_fold(name) = ? ORDER BY active DESC LIMIT 1').get(fold(name)) as
    { sku: string } | undefined;
  return row ? productBySku(db, row.sku) : null;
}

function serialCheck(db: Db, serial: string, customerId: string, product: Product | null): SerialCheck {
  // The expression of migration 0010's index, so the lookup reads the claims with this serial only.
  const { claims, others } = stmt(
    db,
    `SELECT count(*) AS claims, count(*) FILTER (WHERE customer_id != @customer) AS others FROM submissions
     WHERE kind = 'warranty' AND upper(trim(json_extract(details, '$.serial'))) = upper(trim(@serial))`,
  ).get({ serial, customer: customerId }) as { claims: number; others: number };
  return {
    unlikePattern: product?.serialPattern ? !serialFits(serial, product.serialPattern) : false,
    otherCustomers: others,
    claims,
    tooManyClaims: claims > (inForce(db).settings.serialClaimsLimit ?? SERIAL_CLAIMS_LIMIT),
  };
}

export function warrantyView(db: Db, claim: { customerId: string; details: Record<string, unknown> }, now = Date.now()): WarrantyView {
  const product = productOf(db, claim.details);
  const serial = text(claim.details.serial);
  const stage = stageOf(claim.details);
  return {
    stage,
    next: [...NEXT_STAGES[stage]],
    product: product && { sku: product.sku, name: product.name, warrantyMonths: product.warrantyMonths },
    eligibility: eligibility(text(claim.details.purchaseDate), product?.warrantyMonths ?? null, todayInVietnam(now)),
    serial: serial ? serialCheck(db, serial, claim.customerId, product) : null,
  };
}
