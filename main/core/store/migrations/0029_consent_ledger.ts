/** 0029: the consent ledger's records say where they came from and who recorded them (the hub's 0029). */
export default /* sql */ `
ALTER TABLE consents ADD COLUMN source TEXT NOT NULL DEFAULT 'website' CHECK (source IN ('website', 'email', 'phone', 'in_person'));
ALTER TABLE consents ADD COLUMN page_url TEXT;
ALTER TABLE consents ADD COLUMN recorded_by TEXT;
CREATE INDEX consents_by_customer ON consents (customer_id, channel, recorded_at);
`;
