/**
 * What a customer asks about their own data (privacy policy art. 4; Law 91/2025 and Decree 356/2025): to change
 * their details, to delete their account, to withdraw a consent, or to have a copy of their data. The website
 * sends them through intake; staff log those that arrive by email, phone or in person, with that channel.
 */
import { z } from 'zod';
import { Id } from '../ids.ts';
import { line, text } from '../text/schemas.ts';
import { PHONE_PATTERN } from '../vocabulary/customers.ts';

export const REQUEST_TYPES = ['profile_change', 'deletion', 'consent_withdrawal', 'data_copy'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** Where a request came from: the website's forms, or staff who took it by email, phone or at the counter. */
export const REQUEST_CHANNELS = ['website', 'email', 'phone', 'in_person'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
export const STAFF_CHANNELS = ['email', 'phone', 'in_person'] as const;

/** `pending`: received, not yet acknowledged; then acknowledged; then completed or rejected (with a reason). */
export const REQUEST_STATUSES = ['pending', 'acknowledged', 'completed', 'rejected'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const isOpen = (s: RequestStatus) => s === 'pending' || s === 'acknowledged';

/** The details a customer may ask to change: never their username or gender (policy art. 4). */
export const PROFILE_FIELDS = ['fullName', 'email', 'phone', 'address'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const REQUEST_LIMITS = { fullName: 200, email: 254, address: 500, note: 2000, reason: 2000 } as const;

/** A profile change as asked: at least one field, each a well-formed value. */
export const ProfileChanges = z
  .object({
    fullName: line(REQUEST_LIMITS.fullName),
    email: z.email('must be an email address').max(REQUEST_LIMITS.email),
    phone: z.string().regex(PHONE_PATTERN, 'must be a phone number'),
    address: line(REQUEST_LIMITS.address),
  })
  .partial()
  .strict()
  .refine((c) => Object.keys(c).length > 0, 'name at least one detail to change');
export type ProfileChanges = z.infer<typeof ProfileChanges>;

/** A request staff took by email, phone or in person, for a customer the store holds. */
export const LoggedRequest = z
  .object({
    customerId: Id,
    type: z.enum(REQUEST_TYPES),
    channel: z.enum(STAFF_CHANNELS),
    /** A processor or another party must act too: the completion clock is 20 days instead of 15. */
    thirdParty: z.boolean(),
    changes: ProfileChanges.optional(),
    /** What the customer said, in the staff member's words. */
    note: text(REQUEST_LIMITS.note).optional(),
  })
  .strict()
  .refine((r) => (r.type === 'profile_change') === (r.changes !== undefined), {
    message: 'a profile change names the details to change, and only a profile change does',
    path: ['changes'],
  });
export type LoggedRequest = z.infer<typeof LoggedRequest>;

/** The law allows one extension of at most 15 days, with its reason recorded. */
export const MAX_EXTENSION_DAYS = 15;
export const Extension = z.object({ days: z.number().int().min(1).max(MAX_EXTENSION_DAYS), reason: line(REQUEST_LIMITS.reason) }).strict();
export type Extension = z.infer<typeof Extension>;

/** A request carried out, or refused with the reason the customer is given. */
export const RequestDecision = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('completed') }).strict(),
  z.object({ outcome: z.literal('rejected'), reason: line(REQUEST_LIMITS.reason) }).strict(),
]);
export type RequestDecision = z.infer<typeof RequestDecision>;

/**
 * How a director made sure a deletion is asked by the account's owner before erasing it: the code the hub emailed
 * to the account's address, quoted back by the customer (the hub checks it), or another means they describe (the
 * customer came with their ID card…), recorded with the request.
 */
export const VERIFICATION_CODE = /^\d{6}$/;
export const Verification = z.discriminatedUnion('method', [
  z.object({ method: z.literal('email_code'), code: z.string().regex(VERIFICATION_CODE, 'the code is 6 digits') }).strict(),
  z.object({ method: z.literal('documented'), how: line(500) }).strict(),
]);
export type Verification = z.infer<typeof Verification>;
/** What the request records of a verification by code: that it was done, never the code. */
export const BY_EMAIL_CODE = 'Mã xác minh gửi tới email của tài khoản, khách đọc lại đúng';

/** Acknowledging may send the customer the acknowledgement letter, which names the deadline. */
export const Acknowledgement = z.object({ email: z.boolean().optional() }).strict();
export type Acknowledgement = z.infer<typeof Acknowledgement>;
