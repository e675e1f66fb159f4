/**
 * 0031: merging two records of one customer (server/customers/merges.ts). The source stays, marked as merged into
 * the target; the merge keeps what it moved and the target's fields before it, so it can be undone while nothing
 * changed the target since. The website feed gets `customer.merge` and `customer.unmerge`.
 */
export default /* sql */ `
ALTER TABLE customers ADD COLUMN merged_into text REFERENCES customers(id);
ALTER TABLE customers ADD COLUMN merged_at timestamptz;
ALTER TABLE customers ADD CONSTRAINT customers_merged CHECK ((merged_into IS NULL) = (merged_at IS NULL) AND merged_into IS DISTINCT FROM id);

CREATE TABLE customer_merges (
  id            text PRIMARY KEY,
  source_id     text NOT NULL REFERENCES customers(id),
  target_id     text NOT NULL REFERENCES customers(id),
  target_before jsonb NOT NULL,
  moved         jsonb NOT NULL,
  merged_by     text NOT NULL,
  merged_by_id  text NOT NULL,
  merged_at     timestamptz NOT NULL,
  undone_by     text,
  undone_at     timestamptz
);
CREATE INDEX customer_merges_by_source ON customer_merges (source_id) WHERE undone_at IS NULL;

ALTER TABLE website_changes DROP CONSTRAINT website_changes_type_check;
ALTER TABLE website_changes ADD CONSTRAINT website_changes_type_check
  CHECK (type IN ('comment.publish', 'comment.hide', 'author.ban', 'author.unban', 'author.premoderate', 'request.decided', 'account.delete',
                  'consent.withdrawn', 'customer.merge', 'customer.unmerge'));
`;
