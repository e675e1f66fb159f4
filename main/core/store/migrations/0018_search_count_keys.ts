/**
 * 0018: a search's count without reading whole rows. Counting the hits of a search in one inbox (up to the cap,
 * SEARCH_COUNT_CAP) looks up each hit's kind and filters by its seq; through the table, each lookup reads the
 * row's page, body and all. This index holds just what the count filters by, in seq order, so the count reads
 * small index pages instead (submission-list.ts searchTotal).
 */
export default /* sql */ `
CREATE INDEX submissions_search_keys ON submissions (seq, kind, status, assignee_id);
`;
