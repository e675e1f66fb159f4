/**
 * 0002: outgoing email. A reply that reaches the hub gets one row here, in the same transaction as its
 * timeline event; the sender works through the rows and writes the delivery state back to the event.
 */
export default /* sql */ `
CREATE TABLE mail_outbox (
  reply_id        text PRIMARY KEY REFERENCES submission_events(id),
  to_address      text NOT NULL,
  subject         text NOT NULL,
  body            text NOT NULL,
  message_id      text NOT NULL UNIQUE,
  state           text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error      text,
  sent_at         timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at);
`;
