/**
 * A row directors keep whole and versioned on the desk (a catalogue product, a tag, a canned reply): a new one
 * (no id) at version 1, or a change made on the version the person saw, refused as stale otherwise. The
 * outbox mutation that follows carries `baseVersion` (null for a new row), which the hub checks the same way.
 */
import { newId } from '../../../common/ids.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { DomainError } from './errors.ts';

export function saveVersioned(
  db: Db,
  table: 'products' | 'tags' | 'canned_replies',
  /** How a refusal names the row ("no tag with id …", "this tag changed since you opened it"). */
  noun: string,
  change: { id?: string; version?: number },
  values: Record<string, unknown>,
): { id: string; version: number; baseVersion: number | null } {
  const columns = Object.keys(values);
  if (change.id === undefined) {
    const id = newId();
    stmt(db, `INSERT INTO ${table} (id, ${columns.join(', ')}, version) VALUES (@id, ${columns.map((c) => `@${c}`).join(', ')}, 1)`).run({
      id,
      ...values,
    });
    return { id, version: 1, baseVersion: null };
  }
  const current = stmt(db, `SELECT version FROM ${table} WHERE id = ?`).get(change.id) as { version: number } | undefined;
  if (!current) throw new DomainError('not_found', `no ${noun} with id ${change.id}`);
  if (current.version !== change.version) {
    throw new DomainError('stale', `this ${noun} changed since you opened it (version ${change.version}, now ${current.version})`, {
      currentVersion: current.version,
    });
  }
  const version = current.version + 1;
  stmt(db, `UPDATE ${table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')}, version = @version WHERE id = @id`).run({
    id: change.id,
    version,
    ...values,
  });
  return { id: change.id, version, baseVersion: current.version };
}
