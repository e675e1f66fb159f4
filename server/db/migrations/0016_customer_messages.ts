/**
 * 0016: the customer writes again about a submission (POST /intake/v1/messages): a `customer_message` event on
 * its timeline.
 */
export default /* sql */ `
ALTER TABLE submission_events DROP CONSTRAINT submission_events_type_check;
ALTER TABLE submission_events ADD CONSTRAINT submission_events_type_check
  CHECK (type IN ('created', 'note', 'reply', 'status_change', 'assignment', 'details_change', 'warranty_step', 'notice', 'tags_change',
                  'customer_message'));
`;
