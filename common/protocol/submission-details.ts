/**
 * The fields a submission has beyond subject and body, per kind: what the website sends with a trade contact
 * or a warranty claim, and which of them staff may correct afterwards (a mistyped serial, a company's tax
 * code). One definition for the website's intake, the desk's API, the sync protocol and the hub, so a value
 * one accepts the others accept too. A feedback's rating is the customer's own and is never edited.
 */
import { z } from 'zod';
import type { SubmissionKind } from '../vocabulary/submissions.ts';
import { line } from '../text/schemas.ts';
import { SKU } from './products.ts';
import { pastDate } from './time.ts';

export const DETAIL_LIMITS = { company: 200, product: 200, serial: 100, region: 100, expectedVolume: 200 } as const;

export const TRADES = ['wholesale', 'resale'] as const;
/** A Vietnamese enterprise tax code: 10 digits, or 13 for a branch written 10-3. */
export const TAX_CODE = /^\d{10}(-\d{3})?$/;

const trade = {
  trade: z.enum(TRADES),
  company: line(DETAIL_LIMITS.company),
  taxCode: z.string().regex(TAX_CODE, 'must be a tax code of 10 digits, or 10-3 for a branch'),
  region: line(DETAIL_LIMITS.region),
  expectedVolume: line(DETAIL_LIMITS.expectedVolume),
};
const warranty = {
  product: line(DETAIL_LIMITS.product),
  serial: line(DETAIL_LIMITS.serial),
  purchaseDate: pastDate,
  /** The catalogue product the claim is about, when the website or staff name it (domain/warranty.ts). */
  sku: z.string().trim().regex(SKU, 'must be a product code of letters, digits and . _ -'),
};

/** What the website may send with each kind (all optional except a trade contact's trade and a claim's product and serial). */
export const WEBSITE_DETAILS = {
  complaint: {},
  question: {},
  trade_contact: {
    ...trade,
    company: trade.company.optional(),
    taxCode: trade.taxCode.optional(),
    region: trade.region.optional(),
    expectedVolume: trade.expectedVolume.optional(),
  },
  warranty: { ...warranty, purchaseDate: warranty.purchaseDate.optional(), sku: warranty.sku.optional() },
  feedback: { rating: z.number().int().min(1).max(5).optional() },
} as const satisfies Record<SubmissionKind, z.ZodRawShape>;

/** The fields staff may correct, per kind, each with the schema its new value must pass. */
export const EDITABLE_DETAILS = {
  complaint: {},
  question: {},
  trade_contact: trade,
  warranty,
  feedback: {},
} as const satisfies Record<SubmissionKind, z.ZodRawShape>;

export type EditableKind = { [K in SubmissionKind]: keyof (typeof EDITABLE_DETAILS)[K] extends never ? never : K }[SubmissionKind];
export const EDITABLE_KINDS = (Object.keys(EDITABLE_DETAILS) as SubmissionKind[]).filter(
  (k) => Object.keys(EDITABLE_DETAILS[k]).length > 0,
) as EditableKind[];

/** A correction of one kind's fields: at least one field, each valid, nothing the kind does not let staff edit. */
export const detailsEdit = <K extends SubmissionKind>(kind: K) =>
  z
    .object(EDITABLE_DETAILS[kind])
    .partial()
    .strict()
    .refine((d) => Object.keys(d).length > 0, 'must change at least one field');

/** Any kind's correction, as the sync protocol carries it (the hub checks it again against the submission's kind). */
export const AnyDetailsEdit = z
  .object({ ...trade, ...warranty })
  .partial()
  .strict()
  .refine((d) => Object.keys(d).length > 0, 'must change at least one field');
export type DetailsChange = z.infer<typeof AnyDetailsEdit>;
