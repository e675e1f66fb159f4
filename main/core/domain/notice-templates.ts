/**
 * The emails warranty claimants get (common/warranty/notices.ts), as directors read and change them on a desk:
 * each notice's wording in force (a director's, else the default) with its version, saved here and pushed
 * through the outbox; the hub sends with what it holds.
 */
import { DEFAULT_TEMPLATES, NOTICES, type Notice, type Template } from '../../../common/warranty/notices.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { DomainError } from './errors.ts';
import { enqueue } from './outbox.ts';

export interface NoticeTemplate extends Template {
  notice: Notice;
  /** null while the default is in force. */
  version: number | null;
}

export function listTemplates(db: Db): NoticeTemplate[] {
  const saved = new Map(
    (stmt(db, 'SELECT id, subject, body, version FROM notice_templates').all() as (Template & { id: Notice; version: number })[]).map(
      (r) => [r.id, r],
    ),
  );
  return NOTICES.map((notice) => {
    const row = saved.get(notice);
    return row
      ? { notice, subject: row.subject, body: row.body, version: row.version }
      : { notice, ...DEFAULT_TEMPLATES[notice], version: null };
  });
}

/** Saves a director's wording, made on the version they saw (null: the default); returns the new version. */
export function saveTemplate(
  db: Db,
  actorId: string,
  notice: Notice,
  baseVersion: number | null,
  template: Template,
  now = Date.now(),
): number {
  return db.transaction(() => {
    const current = stmt(db, 'SELECT version FROM notice_templates WHERE id = ?').get(notice) as { version: number } | undefined;
    if ((current?.version ?? null) !== baseVersion) {
      throw new DomainError(
        'stale',
        `this email changed since you opened it (version ${baseVersion ?? 'default'}, now ${current?.version ?? 'default'})`,
        {
          currentVersion: current?.version ?? null,
        },
      );
    }
    const version = (baseVersion ?? 0) + 1;
    stmt(
      db,
      `INSERT INTO notice_templates (id, subject, body, version, updated_at) VALUES (@id, @subject, @body, @version, @now)
       ON CONFLICT (id) DO UPDATE SET subject = excluded.subject, body = excluded.body, version = excluded.version, updated_at = excluded.updated_at`,
    ).run({ id: notice, ...template, version, now });
    enqueue(
      db,
      { mutation: 'notice.template', entityType: 'notice_template', entityId: notice, baseVersion, payload: template, actorId },
      now,
    );
    return version;
  })();
}
