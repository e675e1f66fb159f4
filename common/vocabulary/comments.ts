/** Moderation decisions and the queue's filters; plain constants, shared with the renderer. */
export const DECISIONS = ['approved', 'rejected', 'spam'] as const;
export type Decision = (typeof DECISIONS)[number];
/** Where a comment stands: waiting for a moderator, or decided. */
export const COMMENT_STATUSES = ['pending', ...DECISIONS] as const;
export const COMMENT_FILTERS = COMMENT_STATUSES;
