/**
 * 0005: the hub's guards checked against every write form. INSERT … ON CONFLICT DO UPDATE and MERGE meet
 * 0001's and 0003's row triggers, but TRUNCATE fires no row trigger and emptied the audit copy, and a
 * customer's website_ref (what the website names them by) could be moved to another row, handing that
 * customer another row's username and gender. Both are refused here.
 */
export default /* sql */ `
CREATE TRIGGER audit_copies_no_truncate BEFORE TRUNCATE ON audit_copies
FOR EACH STATEMENT EXECUTE FUNCTION audit_copies_append_only();

CREATE FUNCTION customers_keys_immutable() RETURNS trigger AS $$
BEGIN
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.website_ref IS DISTINCT FROM OLD.website_ref THEN
    RAISE EXCEPTION 'customer id and website ref cannot change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER customers_keys_immutable BEFORE UPDATE OF id, website_ref ON customers
FOR EACH ROW EXECUTE FUNCTION customers_keys_immutable();
`;
