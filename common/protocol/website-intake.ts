/**
 * What the website's server may post, with size limits. Every field is named in a 4xx when it is wrong,
 * and whatever these schemas accept the hub can store as it was sent (text in common/text/schemas.ts,
 * times in ./time.ts).
 */
import { z } from 'zod';
import { ProfileChanges } from '../requests/requests.ts';
import { CONSENT_CHANNELS } from '../requests/consents.ts';
import { line, text } from '../text/schemas.ts';
import { GENDERS, PHONE_PATTERN } from '../vocabulary/customers.ts';
import { WEBSITE_DETAILS } from './submission-details.ts';
import { websiteInstant as instant } from './time.ts';
import { Id } from '../ids.ts';
import { REPORT_REASONS } from '../moderation/markers.ts';

/** The longest each text may be; the sync protocol's rows carry the same text, so they use the same limits. */
export const LIMITS = {
  ref: 100,
  username: 64,
  fullName: 200,
  email: 254,
  phone: 21, // PHONE_PATTERN: a + and up to 20 digits, spaces, dots or dashes
  address: 500,
  subject: 300,
  body: 20_000,
  pageUrl: 2000,
  pageTitle: 300,
  reportNote: 500,
  comment: 5000,
  wording: 2000,
  reason: 2000,
} as const;

/** A page of the website: http(s) only, so a `javascript:` address never reaches a desk as a link. */
const pageUrl = line(LIMITS.pageUrl).pipe(z.url({ protocol: /^https?$/, message: 'must be an http(s) address' }));

export const Customer = z
  .object({
    ref: line(LIMITS.ref),
    username: line(LIMITS.username).optional(),
    gender: z.enum(GENDERS).optional(),
    fullName: line(LIMITS.fullName),
    email: z.email('must be an email address').max(LIMITS.email).optional(),
    phone: z.string().regex(PHONE_PATTERN, 'must be a phone number').optional(),
    address: line(LIMITS.address).optional(),
  })
  .strict();

const base = { customer: Customer, subject: line(LIMITS.subject), body: text(LIMITS.body), submittedAt: instant };

export const Submission = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('complaint'), ...base, ...WEBSITE_DETAILS.complaint }).strict(),
  z.object({ kind: z.literal('question'), ...base, ...WEBSITE_DETAILS.question }).strict(),
  z.object({ kind: z.literal('trade_contact'), ...base, ...WEBSITE_DETAILS.trade_contact }).strict(),
  z.object({ kind: z.literal('warranty'), ...base, ...WEBSITE_DETAILS.warranty }).strict(),
  z.object({ kind: z.literal('feedback'), ...base, ...WEBSITE_DETAILS.feedback }).strict(),
]);

/**
 * The customer writes again about a submission of theirs (a reply on the website to what staff sent): the
 * hub's id of the submission, as its intake answered, and the customer's reference, which must be its owner's.
 */
export const CustomerMessage = z
  .object({ submissionId: Id, customerRef: line(LIMITS.ref), body: text(LIMITS.body), sentAt: instant })
  .strict();

/** `pageTitle`: the title of the page it was posted on; `inReplyTo`: the `ref` of the comment it answers, posted before. */
export const Comment = z
  .object({
    ref: line(LIMITS.ref),
    customer: Customer,
    pageUrl,
    pageTitle: line(LIMITS.pageTitle).optional(),
    inReplyTo: line(LIMITS.ref).optional(),
    body: text(LIMITS.comment),
    postedAt: instant,
  })
  .strict();

/** A reader reports a comment (by the `ref` it was posted with) from the website. */
export const CommentReport = z
  .object({ commentRef: line(LIMITS.ref), reason: z.enum(REPORT_REASONS), note: text(LIMITS.reportNote).optional(), reportedAt: instant })
  .strict();

export const Consent = z
  .object({
    customer: Customer,
    optedIn: z.boolean(),
    channel: z.enum(CONSENT_CHANNELS),
    wording: text(LIMITS.wording),
    /** The page the customer ticked or unticked it on. */
    pageUrl: pageUrl.optional(),
    recordedAt: instant,
  })
  .strict();

export const AccountRequest = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('profile_change'),
      customer: Customer,
      // Username and gender are not here: a request to change them is refused as an unknown field.
      changes: ProfileChanges,
      requestedAt: instant,
    })
    .strict(),
  z.object({ type: z.literal('deletion'), customer: Customer, reason: text(LIMITS.reason).optional(), requestedAt: instant }).strict(),
  // The customer withdraws their consent to promotions (every purpose and channel), or asks for a copy of their data.
  z
    .object({ type: z.literal('consent_withdrawal'), customer: Customer, reason: text(LIMITS.reason).optional(), requestedAt: instant })
    .strict(),
  z.object({ type: z.literal('data_copy'), customer: Customer, reason: text(LIMITS.reason).optional(), requestedAt: instant }).strict(),
]);

export type CustomerIn = z.infer<typeof Customer>;
