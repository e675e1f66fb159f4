/**
 * 0010: the warranty desk. The desk's copy of the product catalogue (common/protocol/products.ts), pulled from the hub and edited
 * by directors through the outbox. The SKU is not unique here: the hub decides which of two desks' products
 * with one SKU stands, and a pulled row must never fail to apply because a local one still holds its SKU.
 * Warranty claims are looked up by serial (domain/warranty.ts: the same serial on another customer's claim,
 * or on many claims), written as people type them: trimmed, in capitals. The templates of the emails sent to
 * claimants (common/warranty/notices.ts) as directors changed them are pulled too, for directors to edit.
 */
export default /* sql */ `
CREATE TABLE products (
  id              TEXT PRIMARY KEY,
  sku             TEXT NOT NULL,
  name            TEXT NOT NULL,
  warranty_months INTEGER NOT NULL CHECK (warranty_months BETWEEN 0 AND 240),
  serial_pattern  TEXT,
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version         INTEGER NOT NULL DEFAULT 1,
  updated_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX products_sku ON products (sku COLLATE NOCASE);
CREATE TABLE notice_templates (
  id         TEXT PRIMARY KEY CHECK (id IN ('warranty_received', 'warranty_accepted', 'warranty_rejected', 'warranty_ready', 'warranty_shipped')),
  subject    TEXT NOT NULL,
  body       TEXT NOT NULL,
  version    INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX submissions_by_serial ON submissions (upper(trim(json_extract(details, '$.serial')))) WHERE kind = 'warranty';
`;
