/**
 * 0007: a desk holds only what its people may see, and purges what they no longer may (sync/purge.ts).
 * A purge deletes submissions, whose trigger deletes their folded text from the search index; FTS5 would
 * only mark those entries deleted and keep the words in its index pages until a merge, so the index uses
 * secure-delete, which removes them at once. After the purge, customers nothing names any more go: the
 * question "does any comment, consent or account request name this customer" is asked of every customer,
 * and must not scan those tables each time.
 */
export default /* sql */ `
INSERT INTO submissions_fts (submissions_fts, rank) VALUES ('secure-delete', 1);
CREATE INDEX comments_customer ON comments (customer_id);
CREATE INDEX consents_customer ON consents (customer_id);
CREATE INDEX account_requests_customer ON account_requests (customer_id);
`;
