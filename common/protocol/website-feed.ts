/**
 * The website feed: what the website must act on, which it reads with its website key from
 * `GET /website/v1/changes?cursor=N&limit=M`. Changes come in the order the hub committed them, each once:
 * the website keeps the `cursor` of the last page it acted on and asks from there, so a page read again
 * (after a crash on either side) gives the same changes. A change names the website's own references only.
 */
import { z } from 'zod';
import { Id } from '../ids.ts';
import { counter } from './sync.ts';
import { REJECT_REASONS } from '../vocabulary/comments.ts';
import { ProfileChanges, REQUEST_TYPES } from '../requests/requests.ts';
import { CONSENT_CHANNELS } from '../requests/consents.ts';

export const WebsiteChangesQuery = z
  .object({
    cursor: counter(Number.MAX_SAFE_INTEGER).default(0),
    limit: counter(1000).pipe(z.number().min(1, 'must be at least 1')).default(100),
  })
  .strict();

/** The comment a change is about, by the `ref` the website gave it at intake. */
const CommentRef = z.object({ ref: z.string() }).strict();

/** Why a comment is hidden: a moderator rejected it, marked it as spam, or undid its approval (it waits again). */
export const HIDE_REASONS = ['rejected', 'spam', 'pending'] as const;

/** The comment author a change is about, by the customer `ref` the website gave at intake. */
const AuthorRef = z.object({ ref: z.string() }).strict();

/**
 * What each kind of change carries besides its place in the feed, as the hub records it. An author banned is
 * refused further comments; one on pre-moderation has each comment held until a `comment.publish` names it.
 */
export const WebsiteChangeData = z.discriminatedUnion('type', [
  z.object({ type: z.literal('comment.publish'), comment: CommentRef }).strict(),
  z
    .object({
      type: z.literal('comment.hide'),
      comment: CommentRef,
      reason: z.enum(HIDE_REASONS),
      rejectReason: z.enum(REJECT_REASONS).optional(),
    })
    .strict(),
  z.object({ type: z.literal('author.ban'), author: AuthorRef }).strict(),
  z.object({ type: z.literal('author.unban'), author: AuthorRef }).strict(),
  z.object({ type: z.literal('author.premoderate'), author: AuthorRef, on: z.boolean() }).strict(),
  // A customer's request about their data, decided: by the hub's id of it (what intake answered) and the customer's
  // ref. A completed profile change carries the new details, which the website must apply too (a request taken by
  // phone never passed through it); a completed consent withdrawal stops every promotion; a rejection says why.
  z
    .object({
      type: z.literal('request.decided'),
      request: z.object({ id: Id, type: z.enum(REQUEST_TYPES) }).strict(),
      customer: AuthorRef,
      outcome: z.enum(['completed', 'rejected']),
      changes: ProfileChanges.optional(),
      reason: z.string().optional(),
    })
    .strict(),
  // The customer's data was erased at their request (after its \`request.decided\`): the website deletes the account.
  z.object({ type: z.literal('account.delete'), customer: AuthorRef }).strict(),
  // A consent withdrawn through staff (by email, phone or in person): the website stops that channel's promotions.
  z.object({ type: z.literal('consent.withdrawn'), customer: AuthorRef, channel: z.enum(CONSENT_CHANNELS) }).strict(),
  // Two records of one customer merged (the source's history now the target's), or that merge undone.
  z.object({ type: z.literal('customer.merge'), from: AuthorRef, into: AuthorRef }).strict(),
  z.object({ type: z.literal('customer.unmerge'), from: AuthorRef, into: AuthorRef }).strict(),
]);
export type WebsiteChangeData = z.infer<typeof WebsiteChangeData>;

/** `seq` orders the feed; `id` names the change (the same in a webhook delivery); `at` is when the hub committed it. */
const Placed = z.object({ seq: z.number().int().positive(), id: Id, at: z.iso.datetime({ offset: true }) });
export const WebsiteChange = z.intersection(Placed, WebsiteChangeData);
export type WebsiteChange = z.infer<typeof WebsiteChange>;

/** `cursor`: where the next page starts (the last change's `seq`, or the asked cursor when none came); `more`: another page is waiting. */
export const WebsiteChangesPage = z.object({
  changes: z.array(WebsiteChange),
  cursor: z.number().int().nonnegative(),
  more: z.boolean(),
});
export type WebsiteChangesPage = z.infer<typeof WebsiteChangesPage>;
