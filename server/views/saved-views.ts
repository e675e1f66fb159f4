/**
 * Saved views on the hub (migration 0017): each one person's own filters of one inbox, pushed whole by any desk
 * where they sign in (common/protocol/saved-views.ts). The last save or deletion to arrive stands; a name the
 * person already gives another live view is numbered rather than refused, so two desks that each made "Gấp"
 * offline both keep their view. Only the person whose view it is changes it, and a view is saved only of an
 * inbox they held when they saved it; deleting one needs no grant (a view of an inbox no longer held is deleted).
 */
import { freeViewName, viewNameKey, type ViewFields } from '../../common/protocol/saved-views.ts';
import type { Queryable } from '../db/connect.ts';
import { checkPerson, DirectoryRefusal, knownPerson } from '../directory/staff.ts';

export async function saveView(
  tx: Queryable,
  m: { actorId: string; entityId: string; createdAt: number; payload: ViewFields },
): Promise<void> {
  const { entityId: id, actorId, payload: p } = m;
  const owner = (await tx.query<{ person_id: string }>('SELECT person_id FROM saved_views WHERE id = $1 FOR UPDATE', [id])).rows[0];
  if (owner && owner.person_id !== actorId) throw new DirectoryRefusal('a saved view is changed only by the person whose it is');
  if (p.deleted) {
    if (!(await knownPerson(tx, actorId))) throw new DirectoryRefusal('the person who made this change is not in the directory');
  } else {
    await checkPerson(tx, actorId, new Date(m.createdAt), p.kind);
  }
  const taken = new Set(
    (
      await tx.query<{ name_key: string }>('SELECT name_key FROM saved_views WHERE person_id = $1 AND id <> $2 AND NOT deleted', [
        actorId,
        id,
      ])
    ).rows.map((r) => r.name_key),
  );
  const name = p.deleted || !taken.has(viewNameKey(p.name)) ? p.name : freeViewName(p.name, (key) => taken.has(key));
  await tx.query(
    `INSERT INTO saved_views (id, person_id, name, name_key, kind, filters, deleted, seq) VALUES ($1, $2, $3, $4, $5, $6, $7, 0)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key, kind = excluded.kind, filters = excluded.filters,
       deleted = excluded.deleted, updated_at = now()`,
    [id, actorId, name, viewNameKey(name), p.kind, JSON.stringify(p.filters), p.deleted],
  );
}

/**
 * A desk's seat list changing: what `change` does, then the views of the people it names now and did not before
 * are sent again (before, null: everyone, so none is new). That desk has never held them, and the feed would
 * otherwise carry each only when it next changes. Touching a row gives it a new seq (bump_seq); a desk that
 * holds it already applies it again, unchanged.
 */
export async function resendingViewsOfNewSeats(tx: Queryable, deviceId: string, after: string[] | null, change: () => Promise<void>) {
  const before = (await tx.query<{ staff_ids: string[] | null }>('SELECT staff_ids FROM device_seats WHERE id = $1', [deviceId])).rows[0];
  await change();
  if (!before?.staff_ids) return;
  const seatedNow = after === null ? '' : ' AND person_id = ANY($2)';
  await tx.query(
    `UPDATE saved_views SET seq = 0 WHERE NOT deleted AND NOT (person_id = ANY($1))${seatedNow}`,
    after === null ? [before.staff_ids] : [before.staff_ids, after],
  );
}
