/**
 * 0026: a customer's data erased at their request (the hub's 0027; main/core/domain/erasure.ts). The erasing
 * write is the one allowed to clear a username and gender once set: it sets `erased_at`, and an erased customer
 * stays erased. A deletion request keeps how its requester was verified.
 */
export default /* sql */ `
ALTER TABLE customers ADD COLUMN erased_at INTEGER;

DROP TRIGGER customers_username_immutable;
CREATE TRIGGER customers_username_immutable BEFORE UPDATE OF username ON customers
WHEN OLD.username IS NOT NULL AND NEW.username IS NOT OLD.username
  AND NOT (OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL AND NEW.username IS NULL)
BEGIN SELECT RAISE(ABORT, 'customer username cannot change once set'); END;

DROP TRIGGER customers_gender_immutable;
CREATE TRIGGER customers_gender_immutable BEFORE UPDATE OF gender ON customers
WHEN OLD.gender IS NOT NULL AND NEW.gender IS NOT OLD.gender
  AND NOT (OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL AND NEW.gender IS NULL)
BEGIN SELECT RAISE(ABORT, 'customer gender cannot change once set'); END;

DROP TRIGGER customers_insert_username_immutable;
CREATE TRIGGER customers_insert_username_immutable BEFORE INSERT ON customers
WHEN EXISTS (SELECT 1 FROM customers c WHERE c.id = NEW.id AND c.username IS NOT NULL AND c.username IS NOT NEW.username)
  AND NOT (NEW.erased_at IS NOT NULL AND NEW.username IS NULL)
BEGIN SELECT RAISE(ABORT, 'customer username cannot change once set'); END;

DROP TRIGGER customers_insert_gender_immutable;
CREATE TRIGGER customers_insert_gender_immutable BEFORE INSERT ON customers
WHEN EXISTS (SELECT 1 FROM customers c WHERE c.id = NEW.id AND c.gender IS NOT NULL AND c.gender IS NOT NEW.gender)
  AND NOT (NEW.erased_at IS NOT NULL AND NEW.gender IS NULL)
BEGIN SELECT RAISE(ABORT, 'customer gender cannot change once set'); END;

CREATE TRIGGER customers_stay_erased BEFORE UPDATE OF erased_at ON customers
WHEN OLD.erased_at IS NOT NULL AND NEW.erased_at IS NOT OLD.erased_at
BEGIN SELECT RAISE(ABORT, 'an erased customer stays erased'); END;

ALTER TABLE account_requests ADD COLUMN verified_by TEXT;
ALTER TABLE account_requests ADD COLUMN verified_at INTEGER;
ALTER TABLE account_requests ADD COLUMN verification TEXT;
`;
