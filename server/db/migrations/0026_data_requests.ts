/**
 * 0026: customers' requests about their own data (common/requests/requests.ts) become an inbox with legal clocks:
 * two more types (consent withdrawal, a copy of the data), the channel a request came through and who logged
 * one taken by email or phone, whether a third party must act (20 days instead of 15), its acknowledgement, its
 * one extension with the reason, and its outcome, which the website
 * feed carries as `request.decided`.
 */
export default /* sql */ `
ALTER TABLE account_requests DROP CONSTRAINT account_requests_type_check;
ALTER TABLE account_requests ADD CONSTRAINT account_requests_type_check
  CHECK (type IN ('profile_change', 'deletion', 'consent_withdrawal', 'data_copy'));
ALTER TABLE account_requests ADD CONSTRAINT account_requests_status_check
  CHECK (status IN ('pending', 'acknowledged', 'completed', 'rejected'));
ALTER TABLE account_requests
  ADD COLUMN channel text NOT NULL DEFAULT 'website' CHECK (channel IN ('website', 'email', 'phone', 'in_person')),
  ADD COLUMN note text,
  ADD COLUMN logged_by text,
  ADD COLUMN logged_by_id text,
  ADD COLUMN third_party boolean NOT NULL DEFAULT false,
  ADD COLUMN acknowledged_by text,
  ADD COLUMN acknowledged_at timestamptz,
  ADD COLUMN extension_days integer CHECK (extension_days BETWEEN 1 AND 15),
  ADD COLUMN extension_reason text,
  ADD COLUMN extended_by text,
  ADD COLUMN extended_at timestamptz,
  ADD COLUMN decided_by text,
  ADD COLUMN decided_by_id text,
  ADD COLUMN decided_at timestamptz,
  ADD COLUMN decision_reason text,
  ADD CONSTRAINT account_requests_extension_reason CHECK ((extension_days IS NULL) = (extension_reason IS NULL)),
  ADD CONSTRAINT account_requests_decided CHECK ((status IN ('completed', 'rejected')) = (decided_at IS NOT NULL)),
  ADD CONSTRAINT account_requests_rejection_reason CHECK (status <> 'rejected' OR decision_reason IS NOT NULL);
ALTER TABLE website_changes DROP CONSTRAINT website_changes_type_check;
ALTER TABLE website_changes ADD CONSTRAINT website_changes_type_check
  CHECK (type IN ('comment.publish', 'comment.hide', 'author.ban', 'author.unban', 'author.premoderate', 'request.decided'));
CREATE INDEX account_requests_open ON account_requests (requested_at) WHERE status IN ('pending', 'acknowledged');
`;
