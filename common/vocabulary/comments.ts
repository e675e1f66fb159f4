/** Moderation decisions and the queue's filters; plain constants, shared with the renderer. */
export const DECISIONS = ['approved', 'rejected', 'spam'] as const;
export type Decision = (typeof DECISIONS)[number];
/** Where a comment stands: waiting for a moderator, or decided. */
export const COMMENT_STATUSES = ['pending', ...DECISIONS] as const;
/** What a moderator may do to a comment: decide it, or undo their decision (it waits again). */
export const MODERATIONS = [...DECISIONS, 'pending'] as const;
export type Moderation = (typeof MODERATIONS)[number];
/** The queue's tabs: each status, and the published comments readers reported, which wait for another look. */
export const COMMENT_FILTERS = ['pending', 'reported', ...DECISIONS] as const;
/** What a comment may be turned into: a question or a complaint asked in a comment, or feedback on a product. */
export const COMMENT_SUBMISSION_KINDS = ['question', 'complaint', 'feedback'] as const;
export type CommentSubmissionKind = (typeof COMMENT_SUBMISSION_KINDS)[number];
/**
 * Why a comment was rejected, when the moderator says (keys 1–4; `x` rejects without one): a reason the website may
 * show its author. A fixed list, never free text, so the feed and the website carry no one's words.
 */
export const REJECT_REASONS = ['offensive', 'advertising', 'off_topic', 'personal_data'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
