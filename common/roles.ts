import { SUBMISSION_KINDS, type SubmissionKind } from './vocabulary/submissions.ts';

export const ROLES = ['director', 'operator', 'it_admin'] as const;
export type Role = (typeof ROLES)[number];

/** Every inbox a grant can name; submissions kinds plus the comment and promotion queues. */
export const INBOXES = [...SUBMISSION_KINDS, 'comment', 'promotion'] as const;
export type Inbox = (typeof INBOXES)[number];

export interface Person {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  grants: Inbox[];
  /** Signed in with a one-time password a director gave out: nothing else until they choose their own. */
  mustChangePassword?: boolean;
}

/**
 * Who may work an inbox: directors see every inbox; operators only those they are granted;
 * IT admins none, because they must never receive customers' personal data.
 */
export function mayUseInbox(person: Pick<Person, 'role' | 'grants'>, inbox: Inbox): boolean {
  if (person.role === 'director') return true;
  return person.role === 'operator' && person.grants.includes(inbox);
}

/** The kinds of submission a person may see: the submission inboxes they may use. */
export const submissionKindsOf = (person: Pick<Person, 'role' | 'grants'>): SubmissionKind[] =>
  SUBMISSION_KINDS.filter((kind) => mayUseInbox(person, kind));

/**
 * What a desk may hold of the hub's feed: the inboxes, and `account_request`, customers' requests to change or
 * delete their account, which only directors handle. The staff directory and a desk's own seat list are
 * outside every scope: each desk gets them, since people sign in from them.
 */
export const SCOPES = [...INBOXES, 'account_request'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * The scope of a desk whose people are these (its seat list's, active ones only): every inbox one of them may
 * use, and account requests when a director is among them. IT admins add nothing; nobody, nothing.
 */
export function scopeOf(people: Pick<Person, 'role' | 'grants'>[]): Scope[] {
  return SCOPES.filter((s) => people.some((p) => (s === 'account_request' ? p.role === 'director' : mayUseInbox(p, s))));
}
