/**
 * 0028: emails about customers' data requests (common/requests/letters.ts) go through the same mail queue as
 * replies: a queued message names its request instead of a timeline event (its reply_id is then the message's
 * own id), and the request keeps each of its
 * emails' delivery state, which desks pull with it. A message whose address must not outlive its sending (the
 * erasure's confirmation) has it cleared once sent or given up. The codes that prove a requester owns the account
 * are kept here only, as hashes, never sent to desks.
 */
export default /* sql */ `
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_reply_id_fkey;
ALTER TABLE mail_outbox ADD COLUMN request_id text REFERENCES account_requests(id);
ALTER TABLE mail_outbox ADD COLUMN forget_address boolean NOT NULL DEFAULT false;

ALTER TABLE account_requests ADD COLUMN mails jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(mails) = 'object');

CREATE TABLE request_codes (
  request_id text PRIMARY KEY REFERENCES account_requests(id),
  code_hash  text NOT NULL,
  expires_at timestamptz NOT NULL
);
`;
