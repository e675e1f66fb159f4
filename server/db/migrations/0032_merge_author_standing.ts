/**
 * 0032: a merge carries the source's standing as a comment author to the target (server/customers/author-standing.ts)
 * and keeps what the target's was, so an undo puts it back: SQL NULL when the source had none (nothing was carried),
 * otherwise `{"row": null | {...}, "seq": "…"}`, the target's standing before (null: it had none) and the seq the
 * merge gave the target's row (an undo is refused once the row has another).
 */
export default /* sql */ `
ALTER TABLE customer_merges ADD COLUMN author_before jsonb CHECK (author_before IS NULL OR (author_before ? 'row' AND author_before ? 'seq'));
`;
