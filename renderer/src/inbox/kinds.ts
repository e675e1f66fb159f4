/**
 * The submission inboxes the renderer shows, one entry per kind: the contract prefix of its methods and the
 * i18n block holding its words. Every inbox uses the same components (Inbox, SubmissionList,
 * SubmissionDetail), so a new one (questions, trade contacts, warranty, feedback) is an entry here, its
 * prefix in the contract and its words in i18n.
 */
import type { TFunction } from 'i18next';
import type { SubmissionKind } from '../../../common/vocabulary/submissions.ts';
import type { Input, MethodName, Output } from '../../../main/api/contract.ts';

/** The contract prefixes that carry a whole inbox (inboxMethods() in the contract). */
export type InboxApi = { [M in MethodName]: M extends `${infer P}.reload` ? P : never }[MethodName];

export interface InboxConfig {
  api: InboxApi;
  /**
   * The i18n block with this inbox's words: nav, count, searchLabel, listLabel, empty, choose, loading, close,
   * created; item and itemStart (one submission, mid-sentence and at its start, for the shared texts that
   * name one: itemWords); and facts.<key> for each detail field shown.
   */
  words: string;
  /** Kind-specific fields of a submission's `details` shown under its facts (a warranty's serial number…). */
  facts: readonly string[];
}

export const INBOX_KINDS = {
  complaint: { api: 'complaints', words: 'kinds.complaint', facts: [] },
} as const satisfies Partial<Record<SubmissionKind, InboxConfig>>;
export type InboxKind = keyof typeof INBOX_KINDS;
export const inboxKinds = Object.keys(INBOX_KINDS) as InboxKind[];

/** What shared texts (shortcuts, errors) interpolate to name one submission of the inbox whose words these are. */
export const itemWords = (t: TFunction, words: string) => ({ item: t(`${words}.item`), itemStart: t(`${words}.itemStart`) });

/** One method of an inbox, typed by the contract. */
export const method = <N extends string>(api: InboxApi, name: N) => `${api}.${name}` as `${InboxApi}.${N}`;

export type Detail = Output<`${InboxApi}.get`>;
export type Row = Output<`${InboxApi}.list`>['rows'][number];
export type Filters = Omit<Input<`${InboxApi}.list`>, 'after' | 'limit'>;
