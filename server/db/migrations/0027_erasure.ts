/**
 * 0027: erasing a customer's data at their request (server/requests/erasure.ts). The erasing update is the one
 * write allowed to clear a username and gender and to move the website ref aside (common/requests/erasure.ts),
 * once: it sets `erased_at`, and an erased customer stays erased. A deletion request records how the requester
 * was verified before a director may complete it. The website feed gets `account.delete`.
 */
export default /* sql */ `
ALTER TABLE customers ADD COLUMN erased_at timestamptz;

CREATE OR REPLACE FUNCTION customers_immutable() RETURNS trigger AS $$
BEGIN
  IF OLD.erased_at IS NOT NULL AND NEW.erased_at IS DISTINCT FROM OLD.erased_at THEN
    RAISE EXCEPTION 'an erased customer stays erased' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL AND NEW.username IS NULL AND NEW.gender IS NULL THEN
    RETURN NEW;
  END IF;
  IF OLD.username IS NOT NULL AND NEW.username IS DISTINCT FROM OLD.username THEN
    RAISE EXCEPTION 'customer username cannot change once set' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.gender IS NOT NULL AND NEW.gender IS DISTINCT FROM OLD.gender THEN
    RAISE EXCEPTION 'customer gender cannot change once set' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION customers_keys_immutable() RETURNS trigger AS $$
BEGIN
  IF NEW.id IS DISTINCT FROM OLD.id THEN
    RAISE EXCEPTION 'customer id and website ref cannot change' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.website_ref IS DISTINCT FROM OLD.website_ref
     AND NOT (OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL AND NEW.website_ref = 'erased:' || NEW.id) THEN
    RAISE EXCEPTION 'customer id and website ref cannot change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
DROP TRIGGER customers_keys_immutable ON customers;
CREATE TRIGGER customers_keys_immutable BEFORE UPDATE OF id, website_ref, erased_at ON customers
FOR EACH ROW EXECUTE FUNCTION customers_keys_immutable();

ALTER TABLE account_requests
  ADD COLUMN verified_by text,
  ADD COLUMN verified_at timestamptz,
  ADD COLUMN verification text;

ALTER TABLE website_changes DROP CONSTRAINT website_changes_type_check;
ALTER TABLE website_changes ADD CONSTRAINT website_changes_type_check
  CHECK (type IN ('comment.publish', 'comment.hide', 'author.ban', 'author.unban', 'author.premoderate', 'request.decided', 'account.delete'));
`;
