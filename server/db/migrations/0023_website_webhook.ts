/**
 * 0023: the website webhook's place in the feed (server/website/webhook.ts). One row, kept in the hub's
 * database rather than in a hub process, so a restarted hub, or another hub on the same database, goes on
 * from the last page the receiver acknowledged. `delivered_seq` moves only on an acknowledgement; `attempts`
 * counts the failures in a row since the last one, and `next_attempt_at` (null: as soon as there is a change
 * to send) is the back-off's next try. `last_error` says how an attempt failed in the hub's words (a status
 * or a network error code), never with what the receiver answered.
 */
export default /* sql */ `
CREATE TABLE website_webhook (
  id              integer PRIMARY KEY CHECK (id = 1),
  delivered_seq   bigint NOT NULL DEFAULT 0 CHECK (delivered_seq >= 0),
  attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error      text,
  last_attempt_at timestamptz,
  last_success_at timestamptz,
  next_attempt_at timestamptz
);
INSERT INTO website_webhook (id) VALUES (1);
`;
