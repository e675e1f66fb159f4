/**
 * Saved views: a person's own filters of one inbox, listed with how many submissions each holds now. A view
 * of an inbox the person no longer works stays theirs (to delete) but counts and opens nothing.
 */
import { newId } from '../../../common/ids.ts';
import { mayUseInbox, type Person } from '../../../common/roles.ts';
import { fold } from '../../../common/text/fold.ts';
import { shownSort, type SubmissionKind } from '../../../common/vocabulary/submissions.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { DomainError } from './errors.ts';
import { listSubmissions, type ListQuery } from './submission-list.ts';

export type ViewFilters = Omit<ListQuery, 'after' | 'limit'>;

export interface SavedView {
  id: string;
  name: string;
  kind: SubmissionKind;
  filters: ViewFilters;
  /** What the view holds now; null for an inbox the person no longer works. */
  count: { n: number; exact: boolean } | null;
}

export function listViews(db: Db, person: Person): SavedView[] {
  const rows = stmt(db, 'SELECT id, name, kind, filters FROM saved_views WHERE person_id = ? ORDER BY name_key, id').all(person.id) as {
    id: string;
    name: string;
    kind: SubmissionKind;
    filters: string;
  }[];
  return rows.map((r) => {
    const filters = JSON.parse(r.filters) as ViewFilters;
    // A first page of one row: its total is the count the inbox shows, exact but for a search with many hits. A
    // search comes in time order only (the inbox shows it newest first whatever sort was chosen): counted so.
    const sort = shownSort(filters.sort, filters.text !== undefined);
    const count = mayUseInbox(person, r.kind) ? listSubmissions(db, r.kind, { ...filters, sort, limit: 1 }).total : null;
    return { id: r.id, name: r.name, kind: r.kind, filters, count };
  });
}

/** A new view (no id) or a person's own one changed; one name per person, whatever its case and marks. */
export function saveView(
  db: Db,
  person: Person,
  view: { id?: string; name: string; kind: SubmissionKind; filters: ViewFilters },
  now = Date.now(),
): string {
  if (!mayUseInbox(person, view.kind)) throw new DomainError('invalid', `${person.displayName} does not work the ${view.kind} inbox`);
  return db.transaction(() => {
    const nameKey = fold(view.name.trim());
    const clash = stmt(db, 'SELECT id FROM saved_views WHERE person_id = ? AND name_key = ?').get(person.id, nameKey) as
      { id: string } | undefined;
    if (clash && clash.id !== view.id) throw new DomainError('invalid', `you have a view named ${view.name} already`, { viewId: clash.id });
    const filters = JSON.stringify(view.filters);
    if (view.id === undefined) {
      const id = newId();
      stmt(
        db,
        'INSERT INTO saved_views (id, person_id, name, name_key, kind, filters, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(id, person.id, view.name.trim(), nameKey, view.kind, filters, now, now);
      return id;
    }
    const changed = stmt(
      db,
      'UPDATE saved_views SET name = ?, name_key = ?, kind = ?, filters = ?, updated_at = ? WHERE id = ? AND person_id = ?',
    ).run(view.name.trim(), nameKey, view.kind, filters, now, view.id, person.id);
    // Another person's view is no more found than one that never was.
    if (changed.changes === 0) throw new DomainError('not_found', `no view of yours with id ${view.id}`);
    return view.id;
  })();
}

export function deleteView(db: Db, person: Person, id: string): void {
  if (stmt(db, 'DELETE FROM saved_views WHERE id = ? AND person_id = ?').run(id, person.id).changes === 0) {
    throw new DomainError('not_found', `no view of yours with id ${id}`);
  }
}
