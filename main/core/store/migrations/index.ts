import initial from './0001_initial.ts';
import sync from './0002_sync.ts';
import eventIds from './0003_event_ids.ts';
import replaceGuards from './0004_replace_guards.ts';
import decidedById from './0005_decided_by_id.ts';
import signatures from './0006_signatures.ts';
import scopedPull from './0007_scoped_pull.ts';
import keysetLists from './0008_keyset_lists.ts';
import detailsChanges from './0009_details_changes.ts';
import warrantyDesk from './0010_warranty_desk.ts';
import slaClocks from './0011_sla_clocks.ts';
import cannedTags from './0012_canned_tags.ts';
import savedViews from './0013_saved_views.ts';
import findKeys from './0014_find_keys.ts';
import myWorkIndex from './0015_my_work_index.ts';
import customerMessages from './0016_customer_messages.ts';
import customerTimelineKeys from './0017_customer_timeline_keys.ts';
import searchCountKeys from './0018_search_count_keys.ts';
import syncedViews from './0019_synced_views.ts';
import commentMarkers from './0020_comment_markers.ts';
import commentReviews from './0021_comment_reviews.ts';
import moderationLists from './0022_moderation_lists.ts';
import commentSubmissions from './0023_comment_submissions.ts';
import rejectReasons from './0024_reject_reasons.ts';
import dataRequests from './0025_data_requests.ts';
import erasure from './0026_erasure.ts';
import requestMail from './0027_request_mail.ts';
import contactKeys from './0028_contact_keys.ts';
import consentLedger from './0029_consent_ledger.ts';
import customerMerges from './0030_customer_merges.ts';

/**
 * Numbered migrations; entry N brings the store to PRAGMA user_version N. Append only, never edit a shipped one.
 * The version is the place in this list, so the numbers run without a gap.
 */
export const migrations: readonly string[] = [
  initial,
  sync,
  eventIds,
  replaceGuards,
  decidedById,
  signatures,
  scopedPull,
  keysetLists,
  detailsChanges,
  warrantyDesk,
  slaClocks,
  cannedTags,
  savedViews,
  findKeys,
  myWorkIndex,
  customerMessages,
  customerTimelineKeys,
  searchCountKeys,
  syncedViews,
  commentMarkers,
  commentReviews,
  moderationLists,
  commentSubmissions,
  rejectReasons,
  dataRequests,
  erasure,
  requestMail,
  contactKeys,
  consentLedger,
  customerMerges,
];
