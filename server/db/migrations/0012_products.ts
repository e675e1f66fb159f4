/**
 * 0012: the product catalogue of the warranty desk (common/protocol/products.ts): kept by directors from any
 * desk, pulled by every desk that works warranty claims. A SKU names one product, whatever its case.
 */
export default /* sql */ `
CREATE TABLE products (
  id              text PRIMARY KEY,
  sku             text NOT NULL,
  name            text NOT NULL,
  warranty_months integer NOT NULL CHECK (warranty_months BETWEEN 0 AND 240),
  serial_pattern  text,
  active          boolean NOT NULL DEFAULT true,
  version         integer NOT NULL DEFAULT 1,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  seq             bigint NOT NULL
);
CREATE UNIQUE INDEX products_sku ON products (lower(sku));
CREATE TRIGGER products_seq BEFORE INSERT OR UPDATE ON products FOR EACH ROW EXECUTE FUNCTION bump_seq();
CREATE INDEX products_by_seq ON products (seq);
`;
