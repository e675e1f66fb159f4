/** The vocabularies of a submission; plain constants, shared with the renderer. */
export const SUBMISSION_KINDS = ['complaint', 'question', 'trade_contact', 'warranty', 'feedback'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];
export const STATUSES = ['new', 'open', 'waiting', 'closed'] as const;
export type Status = (typeof STATUSES)[number];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const SORTS = ['newest', 'oldest', 'due', 'priority'] as const;
export type Sort = (typeof SORTS)[number];
/** What a submission's timeline records. */
export const EVENT_TYPES = ['created', 'note', 'reply', 'status_change', 'assignment'] as const;
