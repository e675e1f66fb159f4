/**
 * 0003: events pulled from hubs before 0004 of the hub carried ids that are not UUIDs, and a desk could not
 * open a submission holding one. The hub now gives them UUIDs and sends them again; the old copies go.
 */
export default /* sql */ `
DELETE FROM submission_events WHERE id LIKE '%-event';
`;
