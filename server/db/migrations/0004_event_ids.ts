/**
 * 0004: status and assignment events made by the hub before this version had ids that were not UUIDs
 * (`<mutation id>-event`), which desks refuse. They get UUIDs; the seq trigger re-sends them to every desk.
 */
export default /* sql */ `
UPDATE submission_events SET id = gen_random_uuid()::text WHERE id LIKE '%-event';
`;
