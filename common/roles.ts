import { SUBMISSION_KINDS } from './vocabulary/submissions.ts';

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
