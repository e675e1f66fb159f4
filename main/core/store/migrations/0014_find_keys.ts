/**
 * 0014: what the command palette finds by, each by an index, at any size of store:
 * - a submission by its reference (`KN-1A2B3C4D`: its kind's letters and the last 8 characters of its id,
 *   common/vocabulary/submissions.ts);
 * - a customer by their email, whatever its case, or phone number as customers type it (spaces, dots, dashes,
 *   +84 or 0): `phone_key` keeps the digits with a leading 84 read as 0.
 */
export default /* sql */ `
CREATE INDEX submissions_by_reference ON submissions (substr(id, -8));
ALTER TABLE customers ADD COLUMN phone_key TEXT GENERATED ALWAYS AS (
  CASE WHEN replace(replace(replace(replace(phone, ' ', ''), '.', ''), '-', ''), '+', '') LIKE '84%'
       THEN '0' || substr(replace(replace(replace(replace(phone, ' ', ''), '.', ''), '-', ''), '+', ''), 3)
       ELSE replace(replace(replace(replace(phone, ' ', ''), '.', ''), '-', ''), '+', '') END
) VIRTUAL;
CREATE INDEX customers_by_phone ON customers (phone_key);
CREATE INDEX customers_by_email ON customers (lower(email));
`;
