/**
 * 0013: the templates of the emails a warranty customer gets at each step (common/warranty/notices.ts), as
 * directors changed them; a notice without a row here uses its default. Pulled by desks that work claims.
 */
export default /* sql */ `
CREATE TABLE notice_templates (
  id         text PRIMARY KEY CHECK (id IN ('warranty_received', 'warranty_accepted', 'warranty_rejected', 'warranty_ready', 'warranty_shipped')),
  subject    text NOT NULL,
  body       text NOT NULL,
  version    integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  seq        bigint NOT NULL
);
CREATE TRIGGER notice_templates_seq BEFORE INSERT OR UPDATE ON notice_templates FOR EACH ROW EXECUTE FUNCTION bump_seq();
CREATE INDEX notice_templates_by_seq ON notice_templates (seq);
`;
