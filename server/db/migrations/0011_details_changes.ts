/**
 * 0011: a submission's own fields (a warranty claim's serial, a trade contact's tax code) can be corrected
 * by staff, each correction a `details_change` event on the timeline (common/protocol/submission-details.ts);
 * a warranty claim's steps are `warranty_step` events (common/warranty/stages.ts), and the emails the hub sends about them `notice` events.
 */
export default /* sql */ `
ALTER TABLE submission_events DROP CONSTRAINT submission_events_type_check;
ALTER TABLE submission_events ADD CONSTRAINT submission_events_type_check
  CHECK (type IN ('created', 'note', 'reply', 'status_change', 'assignment', 'details_change', 'warranty_step', 'notice'));
`;
