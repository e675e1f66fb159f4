/** What the website's server may post, with size limits. Every field is named in a 4xx when it is wrong. */
import { z } from 'zod';
import { line, text } from '../text/schemas.ts';
import { GENDERS, PHONE_PATTERN } from '../vocabulary/customers.ts';

const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time with a time zone' });

export const Customer = z
  .object({
    ref: line(100),
    username: line(64).optional(),
    gender: z.enum(GENDERS).optional(),
    fullName: line(200),
    email: z.email('must be an email address').max(254).optional(),
    phone: z.string().regex(PHONE_PATTERN, 'must be a phone number').optional(),
    address: line(500).optional(),
  })
  .strict();

const base = { customer: Customer, subject: line(300), body: text(20_000), submittedAt: instant };

export const Submission = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('complaint'), ...base }).strict(),
  z.object({ kind: z.literal('question'), ...base }).strict(),
  z.object({ kind: z.literal('trade_contact'), ...base, trade: z.enum(['wholesale', 'resale']), company: line(200).optional() }).strict(),
  z
    .object({
      kind: z.literal('warranty'),
      ...base,
      product: line(200),
      serial: line(100),
      purchaseDate: z.iso.date('must be a date (YYYY-MM-DD)').refine((d) => Date.parse(d) <= Date.now(), 'must not be in the future'),
    })
    .strict(),
  z.object({ kind: z.literal('feedback'), ...base, rating: z.number().int().min(1).max(5).optional() }).strict(),
]);

export const Comment = z
  .object({ ref: line(100), customer: Customer, pageUrl: z.url().max(2000), body: text(5000), postedAt: instant })
  .strict();

export const Consent = z
  .object({ customer: Customer, optedIn: z.boolean(), channel: z.enum(['email', 'sms']), wording: text(2000), recordedAt: instant })
  .strict();

export const AccountRequest = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('profile_change'),
      customer: Customer,
      // Username and gender are not here: a request to change them is refused as an unknown field.
      changes: z
        .object({
          fullName: line(200),
          email: z.email().max(254),
          phone: z.string().regex(PHONE_PATTERN, 'must be a phone number'),
          address: line(500),
        })
        .partial()
        .strict(),
      requestedAt: instant,
    })
    .strict(),
  z.object({ type: z.literal('deletion'), customer: Customer, reason: text(2000).optional(), requestedAt: instant }).strict(),
]);

export type CustomerIn = z.infer<typeof Customer>;
