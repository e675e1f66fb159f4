/** 0024: why a comment was rejected, when the moderator said (the hub's 0025). */
export default /* sql */ `
ALTER TABLE comments ADD COLUMN reject_reason TEXT CHECK (reject_reason IN ('offensive', 'advertising', 'off_topic', 'personal_data'));
`;
