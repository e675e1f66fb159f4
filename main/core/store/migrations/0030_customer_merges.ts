/**
 * 0030: a customer merged into another record of theirs (the hub's 0031). A submission that moves to another
 * customer takes its staff replies' place in that customer's timeline with it (customer_replies, 0017).
 */
export default /* sql */ `
ALTER TABLE customers ADD COLUMN merged_into TEXT;
ALTER TABLE customers ADD COLUMN merged_at INTEGER;
CREATE INDEX customers_merged_into ON customers (merged_into) WHERE merged_into IS NOT NULL;
CREATE TRIGGER customer_replies_move AFTER UPDATE OF customer_id ON submissions WHEN NEW.customer_id IS NOT OLD.customer_id BEGIN
  UPDATE customer_replies SET customer_id = NEW.customer_id WHERE submission_id = NEW.id;
END;
`;
