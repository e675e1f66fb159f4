/**
 * The emails a warranty claimant gets at the steps they care about (common/warranty/notices.ts): written by
 * the hub from the template in force (a director's, else the default), recorded as a `notice` event on the
 * claim's timeline so staff see what was sent and its delivery state, and sent through the mail queue like a
 * reply, in the transaction that records the step.
 */
import { newId } from '../../common/ids.ts';
import { claimReference, DEFAULT_TEMPLATES, render, type Notice, type Template } from '../../common/warranty/notices.ts';
import { formOfAddress, type Gender } from '../../common/vocabulary/customers.ts';
import type { Queryable } from '../db/connect.ts';
import { directorThen, DirectoryRefusal } from '../directory/staff.ts';
import { queueMail } from './queue.ts';

export async function templateOf(tx: Queryable, notice: Notice): Promise<Template> {
  const row = (await tx.query<Template>('SELECT subject, body FROM notice_templates WHERE id = $1', [notice])).rows[0];
  return row ?? DEFAULT_TEMPLATES[notice];
}

export async function queueNotice(
  tx: Queryable,
  submissionId: string,
  notice: Notice,
  by: { actorId: string | null; actorName: string | null; at: string },
): Promise<void> {
  const claim = (
    await tx.query<{ full_name: string; gender: Gender | null; details: Record<string, unknown> }>(
      'SELECT c.full_name, c.gender, s.details FROM submissions s JOIN customers c ON c.id = s.customer_id WHERE s.id = $1',
      [submissionId],
    )
  ).rows[0]!;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const letter = render(await templateOf(tx, notice), {
    xung_ho: formOfAddress(claim.gender),
    ten_khach: claim.full_name,
    ma_yeu_cau: claimReference(submissionId),
    san_pham: text(claim.details.product),
    so_serial: text(claim.details.serial),
    ly_do: text(claim.details.rejectReason),
    ma_van_don: text(claim.details.tracking),
  });
  const eventId = newId();
  await tx.query(
    `INSERT INTO submission_events (id, submission_id, type, actor_id, actor_name, body, data, created_at, seq)
     VALUES ($1, $2, 'notice', $3, $4, $5, $6, $7, 0)`,
    [eventId, submissionId, by.actorId, by.actorName, letter.body, JSON.stringify({ delivery: 'queued', notice }), by.at],
  );
  await queueMail(tx, eventId, submissionId, () => letter.subject, letter.body);
}

/** A director's wording of a notice, made on the version they saw (null: they changed the default). */
export async function saveTemplate(
  tx: Queryable,
  m: { actorId: string; entityId: Notice; baseVersion: number | null; createdAt: number; payload: Template },
): Promise<void> {
  if (!(await directorThen(tx, m.actorId, new Date(m.createdAt))))
    throw new DirectoryRefusal('only a director may change the emails to customers');
  const current = (await tx.query<{ version: number }>('SELECT version FROM notice_templates WHERE id = $1 FOR UPDATE', [m.entityId]))
    .rows[0];
  if ((current?.version ?? null) !== m.baseVersion) {
    throw new DirectoryRefusal(`changed by someone else since (version ${m.baseVersion ?? 'default'} → ${current?.version ?? 'default'})`, {
      version: current?.version ?? null,
    });
  }
  await tx.query(
    `INSERT INTO notice_templates (id, subject, body, seq) VALUES ($1, $2, $3, 0)
     ON CONFLICT (id) DO UPDATE SET subject = excluded.subject, body = excluded.body, version = notice_templates.version + 1, updated_at = now()`,
    [m.entityId, m.payload.subject, m.payload.body],
  );
}
