import hub from './0001_hub.ts';
import mail from './0002_mail.ts';
import audit from './0003_audit.ts';
import eventIds from './0004_event_ids.ts';
import writeGuards from './0005_write_guards.ts';
import auditCopyText from './0006_audit_copy_text.ts';
import scrubDeliveryText from './0007_scrub_delivery_text.ts';
import directory from './0008_directory.ts';
import signatures from './0009_signatures.ts';
import pullScope from './0010_pull_scope.ts';
import detailsChanges from './0011_details_changes.ts';
import products from './0012_products.ts';
import noticeTemplates from './0013_notice_templates.ts';
import serviceSettings from './0014_service_settings.ts';
import cannedTags from './0015_canned_tags.ts';
import customerMessages from './0016_customer_messages.ts';
import savedViews from './0017_saved_views.ts';
import websiteFeed from './0018_website_feed.ts';
import commentMarkers from './0019_comment_markers.ts';
import commentReviews from './0020_comment_reviews.ts';
import wordLists from './0021_word_lists.ts';
import commentAuthors from './0022_comment_authors.ts';
import websiteWebhook from './0023_website_webhook.ts';
import commentSubmissions from './0024_comment_submissions.ts';
import rejectReasons from './0025_reject_reasons.ts';
import dataRequests from './0026_data_requests.ts';
import erasure from './0027_erasure.ts';
import requestMail from './0028_request_mail.ts';
import consentLedger from './0029_consent_ledger.ts';
import dataCopy from './0030_data_copy.ts';
import customerMerges from './0031_customer_merges.ts';
import mergeAuthorStanding from './0032_merge_author_standing.ts';

/**
 * The hub's numbered migrations; one set for PostgreSQL and PGlite. Append only. Entry N is version N
 * (migrate.ts numbers them by place), so the numbers run without a gap.
 */
export const hubMigrations: readonly string[] = [
  hub,
  mail,
  audit,
  eventIds,
  writeGuards,
  auditCopyText,
  scrubDeliveryText,
  directory,
  signatures,
  pullScope,
  detailsChanges,
  products,
  noticeTemplates,
  serviceSettings,
  cannedTags,
  customerMessages,
  savedViews,
  websiteFeed,
  commentMarkers,
  commentReviews,
  wordLists,
  commentAuthors,
  websiteWebhook,
  commentSubmissions,
  rejectReasons,
  dataRequests,
  erasure,
  requestMail,
  consentLedger,
  dataCopy,
  customerMerges,
  mergeAuthorStanding,
];
