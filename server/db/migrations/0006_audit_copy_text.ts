/**
 * 0006: the audit copy's rows kept as their JSON text, not jsonb. A desk's rows from before failed sign-ins
 * were neutralised may hold NUL, which jsonb cannot store (it refuses \u0000), and the row cannot be cleaned
 * first: its hash covers the exact text. ALTER TABLE rewrites the table without firing the append-only row
 * or TRUNCATE triggers, and they guard the table as before. Nothing on the hub reads inside `row`.
 */
export default /* sql */ `
ALTER TABLE audit_copies ALTER COLUMN row TYPE text USING row::text;
`;
