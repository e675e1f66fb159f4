/**
 * 0017: a customer's timeline a page at a time whatever their history. Each part of it (their submissions,
 * the replies staff sent them, their comments) is walked down an index in the timeline's order:
 * - submissions and comments by customer and time (replacing the indexes by customer alone, which it serves);
 * - `customer_replies`, each staff reply under its customer, kept by triggers on the events table: a reply's
 *   customer is its submission's, which the events table does not hold. A rebuild of the events table drops
 *   these triggers with it and must make them again (as 0012 and 0016 did for the clock's).
 */
export default /* sql */ `
DROP INDEX submissions_customer;
CREATE INDEX submissions_customer_time ON submissions (customer_id, created_at, id);
DROP INDEX comments_customer;
CREATE INDEX comments_customer_time ON comments (customer_id, posted_at, id);

CREATE TABLE customer_replies (
  customer_id   TEXT NOT NULL,
  at            INTEGER NOT NULL,
  event_id      TEXT NOT NULL,
  submission_id TEXT NOT NULL,
  kind          TEXT NOT NULL,
  PRIMARY KEY (customer_id, at, event_id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX customer_replies_event ON customer_replies (event_id);
INSERT INTO customer_replies (customer_id, at, event_id, submission_id, kind)
SELECT s.customer_id, e.created_at, e.id, s.id, s.kind FROM submission_events e JOIN submissions s ON s.id = e.submission_id
WHERE e.type = 'reply';
CREATE TRIGGER customer_replies_insert AFTER INSERT ON submission_events WHEN NEW.type = 'reply' BEGIN
  INSERT INTO customer_replies (customer_id, at, event_id, submission_id, kind)
  SELECT customer_id, NEW.created_at, NEW.id, id, kind FROM submissions WHERE id = NEW.submission_id;
END;
CREATE TRIGGER customer_replies_delete AFTER DELETE ON submission_events WHEN OLD.type = 'reply' BEGIN
  DELETE FROM customer_replies WHERE event_id = OLD.id;
END;
`;
