/**
 * The consent ledger's vocabularies (common/requests/consents.ts), spelled here so the renderer does without zod;
 * the types check them against the contract's. Also the duplicates' and merges' shapes, which record a merge
 * suggests keeping, and the words for the hub's refusals of a merge.
 */
import type { Input, Output } from '../../../main/api/contract.ts';

export type Customer = Output<'customers.get'>;
export type Found = Output<'customers.search'>[number];
export type Ledger = NonNullable<Customer['consents']>;
export type ConsentRecord = Ledger['records'][number];
export type ConsentChannel = ConsentRecord['channel'];
export type WithdrawSource = Input<'consents.withdraw'>['source'];

export const CONSENT_CHANNELS = ['email', 'sms', 'phone'] as const satisfies readonly ConsentChannel[];
/** How the customer told staff they withdraw: the phone first, as most do. */
export const WITHDRAW_SOURCES = ['phone', 'email', 'in_person'] as const satisfies readonly WithdrawSource[];

/** The name of an exported list's file: khuyen-mai-email-2026-11-24.csv (the local day). */
export function exportFileName(channel: ConsentChannel, now = new Date()): string {
  const slug = { email: 'email', sms: 'sms', phone: 'dien-thoai' }[channel];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `khuyen-mai-${slug}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

export type DuplicateGroup = Output<'customers.duplicates'>[number];
export type DuplicateCustomer = DuplicateGroup['customers'][number];
export type MergePreview = Output<'customers.mergePreview'>;
export type MergeChoice = Input<'customers.mergePreview'>['choose'];
export type ProfileField = MergePreview['fields'][number]['field'];
export type MergedFrom = NonNullable<Customer['mergedFrom']>[number];

/** The record a merge suggests keeping: the one with a username, else the older (the first when as old). */
export function suggestedTarget(a: DuplicateCustomer, b: DuplicateCustomer): DuplicateCustomer {
  if ((a.username === null) !== (b.username === null)) return a.username !== null ? a : b;
  return b.since < a.since ? b : a;
}
