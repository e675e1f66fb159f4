/**
 * 0030: a copy of a customer's data (server/requests/data-copy.ts) leaves as two attachments of one email, JSON
 * and a readable HTML document; the queue clears them, with the address, once the message has gone.
 */
export default /* sql */ `
ALTER TABLE mail_outbox ADD COLUMN attachments jsonb CHECK (attachments IS NULL OR jsonb_typeof(attachments) = 'array');
`;
