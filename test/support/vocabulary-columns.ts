/** Which column of the desk's and the hub's tables holds which shared vocabulary (for the CHECK-list tests). */
import { ROLES } from '../../common/roles.ts';
import { COMMENT_STATUSES } from '../../common/vocabulary/comments.ts';
import { GENDERS } from '../../common/vocabulary/customers.ts';
import { REQUEST_CHANNELS, REQUEST_STATUSES, REQUEST_TYPES } from '../../common/requests/requests.ts';
import { EVENT_TYPES, PRIORITIES, STATUSES, SUBMISSION_KINDS } from '../../common/vocabulary/submissions.ts';
import { TAG_COLORS } from '../../common/protocol/tags.ts';

/** table.column → the list it must allow, exactly; both stores have these. */
export const SHARED_VOCABULARY_COLUMNS: Record<string, readonly string[]> = {
  'customers.gender': GENDERS,
  'submissions.kind': SUBMISSION_KINDS,
  'submissions.status': STATUSES,
  'submissions.priority': PRIORITIES,
  'submission_events.type': EVENT_TYPES,
  'comments.status': COMMENT_STATUSES,
  'account_requests.type': REQUEST_TYPES,
  'account_requests.status': REQUEST_STATUSES,
  'account_requests.channel': REQUEST_CHANNELS,
  'staff.role': ROLES, // the desk's accounts and the organisation's directory on the hub
  'canned_replies.kind': SUBMISSION_KINDS, // or null: for every inbox
  'tags.color': TAG_COLORS,
  'saved_views.kind': SUBMISSION_KINDS,
};
