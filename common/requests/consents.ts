/**
 * The consent ledger (Decree 356/2025: consent specific, provable, as easy to withdraw as to give): one record
 * per consent given or withdrawn, for one purpose, never changed afterwards: promotions by email, by SMS or by
 * phone call; the exact wording the customer was shown, where (the website's page, or the channel staff took it
 * by) and who recorded it. A customer may be sent a promotion on a channel while the latest record for it is a
 * consent given, and their data is not erased.
 */
import { z } from 'zod';
import { Id } from '../ids.ts';

export const CONSENT_CHANNELS = ['email', 'sms', 'phone'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
/** Where a record came from: the website's forms, or staff who took it by email, phone or in person. */
export const CONSENT_SOURCES = ['website', 'email', 'phone', 'in_person'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

/** A withdrawal staff take by email, phone or in person: one click, for one channel. */
export const ConsentWithdrawal = z
  .object({ customerId: Id, channel: z.enum(CONSENT_CHANNELS), source: z.enum(['email', 'phone', 'in_person']) })
  .strict();
export type ConsentWithdrawal = z.infer<typeof ConsentWithdrawal>;

/** The words a withdrawal taken by staff is recorded with. */
export const WITHDRAWN_BY_STAFF: Record<ConsentWithdrawal['source'], string> = {
  email: 'Khách rút lại đồng ý qua email gửi bộ phận chăm sóc khách hàng.',
  phone: 'Khách rút lại đồng ý qua điện thoại với bộ phận chăm sóc khách hàng.',
  in_person: 'Khách rút lại đồng ý trực tiếp tại cửa hàng.',
};
