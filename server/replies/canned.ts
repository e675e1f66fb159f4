/**
 * Canned replies on the hub (migration 0015): a director's reply, whole, from any desk (common/replies/canned.ts).
 * Like a catalogue product it carries the version it was made on and is refused when someone changed it since.
 * The body's variables were checked when the mutation was parsed (CannedReplyFields), here as on every desk.
 */
import type { CannedReplyFields } from '../../common/replies/canned.ts';
import type { Queryable } from '../db/connect.ts';
import { directorThen, DirectoryRefusal } from '../directory/staff.ts';

export async function saveCannedReply(
  tx: Queryable,
  m: { actorId: string; entityId: string; baseVersion: number | null; createdAt: number; payload: CannedReplyFields },
): Promise<void> {
  const { entityId: id, baseVersion, payload: p } = m;
  if (!(await directorThen(tx, m.actorId, new Date(m.createdAt))))
    throw new DirectoryRefusal('only a director may change the canned replies');
  const current = (await tx.query<{ version: number }>('SELECT version FROM canned_replies WHERE id = $1 FOR UPDATE', [id])).rows[0];
  const values = [id, p.title, p.body, p.kind, p.active];
  if (!current) {
    if (baseVersion !== null) throw new DirectoryRefusal('no such canned reply on the hub');
    await tx.query(`INSERT INTO canned_replies (id, title, body, kind, active, seq) VALUES ($1, $2, $3, $4, $5, 0)`, values);
    return;
  }
  if (baseVersion !== current.version) {
    throw new DirectoryRefusal(`changed by someone else since (version ${baseVersion ?? 'new'} → ${current.version})`, {
      version: current.version,
    });
  }
  await tx.query(
    `UPDATE canned_replies SET title = $2, body = $3, kind = $4, active = $5, version = version + 1, updated_at = now() WHERE id = $1`,
    values,
  );
}
