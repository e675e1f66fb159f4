/**
 * The business calendar and service targets directors set (common/sla/), held for every desk: the hub only
 * keeps them and hands them out; each desk computes its submissions' clocks with them.
 */
import type { ServiceSettings } from '../../common/sla/clock.ts';
import type { Queryable } from '../db/connect.ts';
import { directorThen, DirectoryRefusal } from '../directory/staff.ts';

/** A director's calendar and targets, made on the version they saw (null: the defaults). */
export async function saveServiceSettings(
  tx: Queryable,
  m: { actorId: string; baseVersion: number | null; createdAt: number; payload: ServiceSettings },
): Promise<void> {
  if (!(await directorThen(tx, m.actorId, new Date(m.createdAt))))
    throw new DirectoryRefusal('only a director may change the business calendar and service targets');
  const current = (await tx.query<{ version: number }>('SELECT version FROM service_settings FOR UPDATE')).rows[0];
  if ((current?.version ?? null) !== m.baseVersion) {
    throw new DirectoryRefusal(`changed by someone else since (version ${m.baseVersion ?? 'default'} → ${current?.version ?? 'default'})`, {
      version: current?.version ?? null,
    });
  }
  await tx.query(
    `INSERT INTO service_settings (id, settings, seq) VALUES ('service', $1, 0)
     ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, version = service_settings.version + 1, updated_at = now()`,
    [JSON.stringify(m.payload)],
  );
}
