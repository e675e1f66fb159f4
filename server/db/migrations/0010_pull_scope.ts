/**
 * 0010: pulls are cut to what each desk's people may see (server/sync/scope.ts). A desk that holds some kinds
 * of submissions reads each kind's after its cursor, in seq order, from an index range of its own. A customer
 * is in a desk's scope through the rows that name them (a submission of an inbox it holds, a comment, a
 * consent, an account request), and each page asks that of every customer it carries or could carry: by
 * customer, not by scanning. The kind and seq in the submissions' index answer "a row of these kinds, at or
 * before this seq" from the index alone.
 */
export default /* sql */ `
CREATE INDEX submissions_by_kind ON submissions (kind, seq);
CREATE INDEX submissions_by_customer ON submissions (customer_id, kind, seq);
CREATE INDEX comments_by_customer ON comments (customer_id, seq);
CREATE INDEX consents_by_customer ON consents (customer_id, seq);
CREATE INDEX account_requests_by_customer ON account_requests (customer_id, seq);
`;
