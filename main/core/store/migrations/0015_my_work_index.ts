/**
 * 0015: My work in one walk. What is assigned to a person and not closed, soonest due first, is one index of
 * the open rows by assignee and due order (it ends in seq, the rowid), so a page of My work reads a page
 * whatever the number of inboxes and statuses, instead of merging a walk per inbox and status.
 */
export default /* sql */ `
CREATE INDEX submissions_my_work ON submissions (assignee_id, due_rank) WHERE status <> 'closed';
`;
