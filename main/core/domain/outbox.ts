/**
 * The outbox: every change a person makes is recorded here in the same transaction as the change,
 * with a client-made id, so the sync client can push it later, at most once per id at the hub.
 */
import { newId } from '../../../common/ids.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';

export interface Mutation {
  mutation: string;
  entityType: string;
  entityId: string;
  baseVersion?: number | null;
  payload: Record<string, unknown>;
  actorId: string;
}

export function enqueue(db: Db, m: Mutation, now = Date.now()): string {
  const id = newId();
  stmt(
    db,
    `INSERT INTO outbox (id, mutation, entity_type, entity_id, base_version, payload, actor_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, m.mutation, m.entityType, m.entityId, m.baseVersion ?? null, JSON.stringify(m.payload), m.actorId, now);
  return id;
}

export const pendingCount = (db: Db): number =>
  (stmt(db, `SELECT count(*) AS n FROM outbox WHERE state = 'pending'`).get() as { n: number }).n;
