/**
 * 0029: the consent ledger (common/requests/consents.ts): promotions by phone call besides email and SMS, where
 * each record came from (the website's page, or the channel staff took it by) and who recorded it. Records are
 * appended, never changed. The website feed gets `consent.withdrawn`, so it stops at once.
 */
export default /* sql */ `
ALTER TABLE consents ADD CONSTRAINT consents_channel CHECK (channel IN ('email', 'sms', 'phone'));
ALTER TABLE consents
  ADD COLUMN source text NOT NULL DEFAULT 'website' CHECK (source IN ('website', 'email', 'phone', 'in_person')),
  ADD COLUMN page_url text,
  ADD COLUMN recorded_by text,
  ADD COLUMN recorded_by_id text;
CREATE INDEX consents_by_customer_channel ON consents (customer_id, channel, recorded_at);

ALTER TABLE website_changes DROP CONSTRAINT website_changes_type_check;
ALTER TABLE website_changes ADD CONSTRAINT website_changes_type_check
  CHECK (type IN ('comment.publish', 'comment.hide', 'author.ban', 'author.unban', 'author.premoderate', 'request.decided', 'account.delete',
                  'consent.withdrawn'));
`;
