/**
 * 0003: status and assignment events pulled from hubs before the hub's 0004 had ids that are not UUIDs
 * (`<outbox id>-event`), and a desk could not open a submission holding one. The hub renames them to UUIDs
 * and sends them again, so the old copies go. The desk that made such a change also kept its own copy of
 * the event (same submission, type, person and time as the outbox row): it goes too, or the change would
 * show twice once the renamed copy arrives.
 */
export default /* sql */ `
DELETE FROM submission_events WHERE id IN (
  SELECT own.id FROM submission_events pulled
  JOIN outbox o ON pulled.id = o.id || '-event'
  JOIN submission_events own ON own.submission_id = pulled.submission_id AND own.type = pulled.type
    AND own.created_at = o.created_at AND own.actor_id = o.actor_id AND own.id <> pulled.id
);
DELETE FROM submission_events WHERE id LIKE '%-event';
`;
