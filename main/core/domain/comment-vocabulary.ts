/** Moderation decisions and the queue's filters; plain constants, shared with the renderer. */
export const DECISIONS = ['approved', 'rejected', 'spam'] as const;
export type Decision = (typeof DECISIONS)[number];
export const COMMENT_FILTERS = ['pending', ...DECISIONS] as const;
