/**
 * One change to many submissions at once (a selection in a list): each submission is changed exactly as if the
 * person had changed it alone, in its own savepoint, so a rule that refuses one (it changed since the list was
 * read, a claim closed only by its steps, an assignee who does not work the inbox) refuses that one only, and
 * says why, while the others go through.
 */
import type { Status, SubmissionKind } from '../../../common/vocabulary/submissions.ts';
import type { Db } from '../store/open.ts';
import { DomainError } from './errors.ts';
import { assign, setStatus, setTags } from './submission-work.ts';

export type BulkAction =
  { do: 'assign'; assigneeId: string | null } | { do: 'status'; status: Status } | { do: 'tags'; add: string[]; remove: string[] };

/** A submission as the list showed it: the version the change is made on. */
export interface BulkItem {
  id: string;
  version: number;
}

export type BulkResult = { id: string; ok: true } | { id: string; ok: false; code: DomainError['code']; message: string };

export function changeEach(
  db: Db,
  kind: SubmissionKind,
  actorId: string,
  items: readonly BulkItem[],
  action: BulkAction,
  now = Date.now(),
) {
  const change = ({ id, version }: BulkItem) => {
    switch (action.do) {
      case 'assign':
        return assign(db, kind, id, actorId, version, action.assigneeId, now);
      case 'status':
        return setStatus(db, kind, id, actorId, version, action.status, now);
      case 'tags':
        // Tags carry no version: each names only the tags it adds and removes (submission-work.ts).
        return setTags(db, kind, id, actorId, { add: action.add, remove: action.remove }, now);
    }
  };
  return items.map((item): BulkResult => {
    try {
      change(item);
      return { id: item.id, ok: true };
    } catch (e) {
      // A rule's refusal is this item's answer; anything else is a fault, and undoes the whole selection.
      if (!(e instanceof DomainError)) throw e;
      return { id: item.id, ok: false, code: e.code, message: e.message };
    }
  });
}
