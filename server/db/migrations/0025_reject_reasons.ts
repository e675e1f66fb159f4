/** 0025: why a comment was rejected, when the moderator said (common/vocabulary/comments.ts REJECT_REASONS). */
export default /* sql */ `
ALTER TABLE comments ADD COLUMN reject_reason text CHECK (reject_reason IN ('offensive', 'advertising', 'off_topic', 'personal_data'));
ALTER TABLE comments ADD CONSTRAINT comments_reject_reason_rejected CHECK (reject_reason IS NULL OR status = 'rejected');
`;
