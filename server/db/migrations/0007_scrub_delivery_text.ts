/**
 * 0007: reply events written before the sender sorted failures into categories carry the mail server's own
 * words (`lastError`, `reason`), which usually quote the customer's address: every desk showed it unmasked.
 * They lose those words (a refused reply keeps that it was refused, as "other"); the seq trigger re-sends
 * them, and each desk's copy is replaced by the scrubbed one. The hub keeps the text in mail_outbox only.
 */
export default /* sql */ `
UPDATE submission_events
SET data = (data - 'lastError' - 'reason')
  || CASE WHEN data->>'delivery' = 'failed' AND data->>'code' = 'refused' AND NOT data ? 'failure'
          THEN '{"failure": {"category": "other"}}'::jsonb ELSE '{}'::jsonb END
WHERE type = 'reply' AND (data ? 'lastError' OR data ? 'reason');
`;
