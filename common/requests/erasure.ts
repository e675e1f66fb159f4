/**
 * What stays of a customer whose data was erased at their request (privacy policy art. 4, Law 91/2025): their
 * rows, so every count by kind, month, status and outcome is the same as before, with every personal value
 * removed or replaced by these placeholders, the same on the hub and on every desk.
 */
export const ERASED_NAME = 'Khách hàng đã xoá dữ liệu';
export const ERASED_TEXT = '[Đã xoá theo yêu cầu của khách hàng]';
/** The website ref an erased customer keeps, so a new account with their old ref is a new customer. */
export const erasedRef = (customerId: string) => `erased:${customerId}`;
/**
 * Timeline events whose data is only the organisation's own (statuses, assignments, delivery states, tags): kept.
 * Every other event's data (corrected details, warranty steps with their serials and reasons, where a submission
 * came from) is emptied.
 */
export const KEPT_EVENT_DATA = ['status_change', 'assignment', 'reply', 'notice', 'tags_change'] as const;
