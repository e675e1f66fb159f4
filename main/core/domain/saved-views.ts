/**
 * Saved views: a person's own filters of one inbox, listed with how many submissions each holds now. A view
 * of an inbox the person no longer works stays theirs (to delete) but counts and opens nothing. Each save or
 * deletion is pushed through the outbox, whole, so the person finds their views on every desk where they sign
 * in (common/protocol/saved-views.ts: the last to reach the hub stands).
 */
import { newId } from '../../../common/ids.ts';
import { mayUseInbox, type Person } from '../../../common/roles.ts';
import { viewNameKey, type ViewFields } from '../../../common/protocol/saved-views.ts';
import { shownSort, type SubmissionKind } from '../../../common/vocabulary/submissions.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { DomainError } from './errors.ts';
import { enqueue } from './outbox.ts';
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
    const name = view.name.trim();
    const nameKey = viewNameKey(name);
    const clash = stmt(db, 'SELECT id FROM saved_views WHERE person_id = ? AND name_key = ? AND id IS NOT ? LIMIT 1').get(
      person.id,
      nameKey,
      view.id ?? null,
    ) as { id: string } | undefined;
    if (clash) throw new DomainError('invalid', `you have a view named ${view.name} already`, { viewId: clash.id });
    const filters = JSON.stringify(view.filters);
    let id = view.id;
    if (id === undefined) {
      id = newId();
      stmt(
        db,
        'INSERT INTO saved_views (id, person_id, name, name_key, kind, filters, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(id, person.id, name, nameKey, view.kind, filters, now, now);
    } else {
      const changed = stmt(
        db,
        'UPDATE saved_views SET name = ?, name_key = ?, kind = ?, filters = ?, updated_at = ? WHERE id = ? AND person_id = ?',
      ).run(name, nameKey, view.kind, filters, now, id, person.id);
      // Another person's view is no more found than one that never was.
      if (changed.changes === 0) throw new DomainError('not_found', `no view of yours with id ${id}`);
    }
    pushView(db, person, id, { name, kind: view.kind, filters: view.filters, deleted: false }, now);
    return id;
  })();
}

export function deleteView(db: Db, person: Person, id: string, now = Date.now()): void {
  db.transaction(() => {
    const row = stmt(db, 'SELECT name, kind, filters FROM saved_views WHERE id = ? AND person_id = ?').get(id, person.id) as
      { name: string; kind: SubmissionKind; filters: string } | undefined;
    if (!row) throw new DomainError('not_found', `no view of yours with id ${id}`);
    stmt(db, 'DELETE FROM saved_views WHERE id = ?').run(id);
    pushView(db, person, id, { name: row.name, kind: row.kind, filters: JSON.parse(row.filters) as ViewFilters, deleted: true }, now);
  })();
}

const pushView = (db: Db, person: Person, id: string, payload: ViewFields, now: number) =>
  enqueue(db, { mutation: 'view.save', entityType: 'saved_view', entityId: id, baseVersion: null, payload, actorId: person.id }, now);
