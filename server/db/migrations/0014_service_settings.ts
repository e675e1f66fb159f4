/**
 * 0014: the business calendar and service targets directors set (common/sla/clock.ts ServiceSettings), one
 * row for the organisation; without it every desk uses the defaults. Pulled by every desk.
 */
export default /* sql */ `
CREATE TABLE service_settings (
  id         text PRIMARY KEY CHECK (id = 'service'),
  settings   jsonb NOT NULL,
  version    integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  seq        bigint NOT NULL
);
CREATE TRIGGER service_settings_seq BEFORE INSERT OR UPDATE ON service_settings FOR EACH ROW EXECUTE FUNCTION bump_seq();
CREATE INDEX service_settings_by_seq ON service_settings (seq);
`;
