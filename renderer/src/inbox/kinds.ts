/**
 * The submission inboxes the renderer shows, one entry per kind, in the order the navigation lists them: the
 * contract prefix of its methods, the i18n block holding its words, and the kind's own fields. Every inbox uses
 * the same components (Inbox, SubmissionList, SubmissionDetail), so an inbox is an entry here, its prefix in
 * the contract and its words in i18n.
 */
import type { TFunction } from 'i18next';
import type { EDITABLE_DETAILS, WEBSITE_DETAILS } from '../../../common/protocol/submission-details.ts';
import type { SubmissionKind } from '../../../common/vocabulary/submissions.ts';
import type { Input, MethodName, Output } from '../../../main/api/contract.ts';

/** The contract prefixes that carry a whole inbox (inboxMethods() in the contract). */
export type InboxApi = { [M in MethodName]: M extends `${infer P}.reload` ? P : never }[MethodName];

/** How a field is written: as it was typed, a trade (translated), a calendar day (dd/mm/yyyy), a rating out of 5. */
export type FactFormat = 'text' | 'trade' | 'day' | 'rating';
export interface Fact {
  format: FactFormat;
  /** Staff may correct it (EDITABLE_DETAILS): the edit form offers it. */
  editable: boolean;
}

export interface InboxConfig {
  api: InboxApi;
  /**
   * The i18n block with this inbox's words: nav, count, countMore, searchLabel, listLabel, empty, choose, loading,
   * close, created; item and itemStart (one submission, mid-sentence and at its start, for the shared texts that
   * name one: itemWords); for each of the kind's fields facts.<field> (its label) and factsInline.<field> (its
   * name mid-sentence, for the timeline).
   */
  words: string;
  /** The kind's own fields (a submission's `details`), in the order the detail pane shows them. */
  facts: Readonly<Record<string, Fact>>;
  /** Its submissions go through steps (a warranty claim's, warranty/WarrantyPanel.tsx): the `b` key opens them. */
  steps?: true;
}

/**
 * Fields the website may send with kind K, each marked editable exactly when staff may correct it: the types
 * check this list against the protocol's own (common/protocol/submission-details.ts), so no field is shown
 * that the kind does not have, and the form offers exactly the fields the API accepts among those shown.
 */
type FactsOf<K extends SubmissionKind> = {
  readonly [F in keyof (typeof WEBSITE_DETAILS)[K]]?: {
    format: FactFormat;
    editable: F extends keyof (typeof EDITABLE_DETAILS)[K] ? true : false;
  };
};

const text = { format: 'text', editable: true } as const;

export const INBOX_KINDS = {
  complaint: { api: 'complaints', words: 'kinds.complaint', facts: {} },
  question: { api: 'questions', words: 'kinds.question', facts: {} },
  trade_contact: {
    api: 'tradeContacts',
    words: 'kinds.trade_contact',
    facts: { trade: { format: 'trade', editable: true }, company: text, taxCode: text, region: text, expectedVolume: text },
  },
  warranty: {
    api: 'warrantyClaims',
    words: 'kinds.warranty',
    facts: { product: text, sku: text, serial: text, purchaseDate: { format: 'day', editable: true } },
    steps: true,
  },
  feedback: { api: 'feedback', words: 'kinds.feedback', facts: { rating: { format: 'rating', editable: false } } },
} as const satisfies { [K in SubmissionKind]: InboxConfig & { facts: FactsOf<K> } };
export type InboxKind = keyof typeof INBOX_KINDS;
export const inboxKinds = Object.keys(INBOX_KINDS) as InboxKind[];

/** The fields of an inbox's kind that staff may correct, in the order they are shown; none for most kinds. */
export const editableFields = (config: InboxConfig): string[] => Object.keys(config.facts).filter((f) => config.facts[f]!.editable);

/** What shared texts (shortcuts, errors) interpolate to name one submission of the inbox whose words these are. */
export const itemWords = (t: TFunction, words: string) => ({ item: t(`${words}.item`), itemStart: t(`${words}.itemStart`) });

/** One method of an inbox, typed by the contract. */
export const method = <N extends string>(api: InboxApi, name: N) => `${api}.${name}` as `${InboxApi}.${N}`;

export type Detail = Output<`${InboxApi}.get`>;
export type Row = Output<`${InboxApi}.list`>['rows'][number];
export type Filters = Omit<Input<`${InboxApi}.list`>, 'after' | 'limit'>;
