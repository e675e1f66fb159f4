/**
 * 0009: people sign what they do, and the hub judges a change by what its author could do when they made it.
 * - The staff row carries the person's current signing key (public half, and the private half wrapped under
 *   their password, which desks replicate so the person can sign on any desk). `staff_keys` keeps every key
 *   a person has had: a reset makes a new one, and what they signed with the old one still verifies.
 * - `staff_history` keeps each version of a person's role, grants and standing, from the time the change was
 *   made (the director's desk clock, set by the push in `backdesk.valid_from`; a first version counts from
 *   always, so a desk clock a little behind the hub's does not refuse a new person's first change).
 * - Each audit copy records whether its signature verified when it arrived.
 */
export default /* sql */ `
ALTER TABLE staff ADD COLUMN key_id text;
ALTER TABLE staff ADD COLUMN public_key text;
ALTER TABLE staff ADD COLUMN wrapped_key jsonb;

CREATE TABLE staff_keys (
  id         text PRIMARY KEY,
  staff_id   text NOT NULL REFERENCES staff(id),
  public_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX staff_keys_by_staff ON staff_keys (staff_id);

CREATE TABLE staff_history (
  id         bigserial PRIMARY KEY,
  staff_id   text NOT NULL REFERENCES staff(id),
  valid_from timestamptz NOT NULL,
  role       text NOT NULL,
  grants     jsonb NOT NULL,
  active     boolean NOT NULL
);
CREATE INDEX staff_history_by_staff ON staff_history (staff_id, valid_from);

CREATE FUNCTION staff_history_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.role IS NOT DISTINCT FROM OLD.role AND NEW.grants IS NOT DISTINCT FROM OLD.grants
     AND NEW.active IS NOT DISTINCT FROM OLD.active THEN
    RETURN NEW;
  END IF;
  INSERT INTO staff_history (staff_id, valid_from, role, grants, active) VALUES (
    NEW.id,
    CASE WHEN TG_OP = 'INSERT' THEN '-infinity'::timestamptz
         ELSE coalesce(nullif(current_setting('backdesk.valid_from', true), '')::timestamptz, now()) END,
    NEW.role, NEW.grants, NEW.active);
  RETURN NEW;
END $$;
CREATE TRIGGER staff_history AFTER INSERT OR UPDATE ON staff FOR EACH ROW EXECUTE FUNCTION staff_history_row();
-- The history says when an account was disabled, as of the director's change: 0008's column is no longer needed.
ALTER TABLE staff DROP COLUMN disabled_at;
-- The people already in the directory: their present version counts from always.
INSERT INTO staff_history (staff_id, valid_from, role, grants, active)
  SELECT id, '-infinity', role, grants, active FROM staff;

ALTER TABLE audit_copies ADD COLUMN signature text NOT NULL DEFAULT 'unsigned'
  CHECK (signature IN ('verified', 'unsigned', 'invalid'));
`;
