/** The vocabularies of a submission; plain constants, shared with the renderer. */
export const SUBMISSION_KINDS = ['complaint', 'question', 'trade_contact', 'warranty', 'feedback'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];
/** The letters a submission's reference starts with, by kind: khiếu nại, hỏi đáp, hợp tác, bảo hành, góp ý. */
export const REFERENCE_PREFIXES: Record<SubmissionKind, string> = {
  complaint: 'KN',
  question: 'HD',
  trade_contact: 'HT',
  warranty: 'BH',
  feedback: 'GY',
};
/** A submission's reference as customers see it: its kind's letters and the last 8 characters of its id, in capitals. */
export const submissionReference = (kind: SubmissionKind, id: string): string =>
  `${REFERENCE_PREFIXES[kind]}-${id.replace(/-/g, '').slice(-8).toUpperCase()}`;
export const STATUSES = ['new', 'open', 'waiting', 'closed'] as const;
export type Status = (typeof STATUSES)[number];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const SORTS = ['newest', 'oldest', 'due', 'priority'] as const;
export type Sort = (typeof SORTS)[number];
/** Search results come in time order only: the search index hands them out that way, any other order means sorting every hit. */
export const SEARCH_SORTS = ['newest', 'oldest'] as const satisfies readonly Sort[];
/** Whether a search can be shown in this sort; the sort a list is shown in is newest first when it cannot. */
export const searchable = (sort: Sort): boolean => (SEARCH_SORTS as readonly Sort[]).includes(sort);
export const shownSort = (sort: Sort, searching: boolean): Sort => (searching && !searchable(sort) ? 'newest' : sort);
/** A search counts its hits up to this many, then says "more than" it. */
export const SEARCH_COUNT_CAP = 1000;
/** A list page's cursor: the last row's sort key (priority and due order) and its place in time, `key:seq` or `seq`. */
export const LIST_CURSOR = /^(-?\d{1,19}:)?\d{1,19}$/;
/** What a submission's timeline records. */
export const EVENT_TYPES = [
  'created',
  'note',
  'reply',
  'status_change',
  'assignment',
  'details_change',
  'warranty_step',
  'notice',
  'tags_change',
  /** The customer wrote again (through the website); a submission waiting on them is open again. */
  'customer_message',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
