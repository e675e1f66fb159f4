/**
 * Why the hub will not take a step on a customer's request about their data: its English words for the hub's log,
 * by a code the desk words in the person's language (the hub sends the code, and the names it needs, with its
 * refusal; the desk's conflict list reads them).
 */
export const REQUEST_REFUSALS = {
  not_director: "only a director handles customers' requests about their data",
  no_request: 'no such request on the hub',
  no_customer: 'no such customer on the hub',
  decided: 'the request was already decided',
  extended: 'the request was already extended once (the law allows one extension)',
  not_deletion: 'only a deletion request is verified',
  verified: 'the requester is verified already',
  no_email_to_verify: 'the account has no email address: verify the requester another way',
  no_email_for_copy: 'the account has no email address to send the copy to',
  not_verified: 'the requester was not verified as the account’s owner: verify before erasing',
  no_code: 'no code was sent for this request',
  code_expired: 'the code has expired: send a new one',
  code_mismatch: 'the code does not match the one sent to the account’s email',
} as const;
export type RequestRefusal = keyof typeof REQUEST_REFUSALS;

/** Who and what a refusal's words name: the status a request was decided with, the person who decided or extended it. */
export interface RefusalNames {
  status?: string;
  by?: string | null;
}

/** The English words of a refusal with the names it carries, for the hub's log and the desk's own errors. */
export const requestRefusalWords = (code: RequestRefusal, names: RefusalNames = {}): string =>
  `${REQUEST_REFUSALS[code]}${names.status ? ` (${names.status})` : ''}${names.by ? `, by ${names.by}` : ''}`;
