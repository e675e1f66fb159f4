/**
 * Readers' reports of website comments. Each is kept; the comment's `reports` marker is the count by reason, and
 * a published comment that is reported waits for another look (`review`) until a moderator decides again. Its row
 * changes, so every desk holding comments gets the new marker and the comment in its "reported" queue.
 */
import type { z } from 'zod';
import { newId } from '../../common/ids.ts';
import type { CommentMarker, ReportReason } from '../../common/moderation/markers.ts';
import type { CommentReport } from '../../common/protocol/website-intake.ts';
import type { Queryable } from '../db/connect.ts';
import { HttpError } from '../http-errors.ts';

export async function recordReport(tx: Queryable, r: z.output<typeof CommentReport>): Promise<{ id: string }> {
  const c = (
    await tx.query<{ id: string; markers: CommentMarker[] }>('SELECT id, markers FROM comments WHERE website_ref = $1 FOR UPDATE', [
      r.commentRef,
    ])
  ).rows[0];
  if (!c) throw new HttpError(404, 'not_found', 'no comment with this ref was received', 'commentRef');
  const id = newId();
  await tx.query('INSERT INTO comment_reports (id, comment_id, reason, note, reported_at) VALUES ($1, $2, $3, $4, $5)', [
    id,
    c.id,
    r.reason,
    r.note ?? null,
    r.reportedAt,
  ]);
  const counts = (
    await tx.query<{ reason: ReportReason; n: number }>(
      'SELECT reason, count(*)::int AS n FROM comment_reports WHERE comment_id = $1 GROUP BY reason ORDER BY reason',
      [c.id],
    )
  ).rows;
  const reports: CommentMarker = {
    reason: 'reports',
    count: counts.reduce((sum, x) => sum + x.n, 0),
    reasons: Object.fromEntries(counts.map((x) => [x.reason, x.n])),
  };
  const markers = [...c.markers.filter((m) => m.reason !== 'reports'), reports];
  await tx.query(`UPDATE comments SET markers = $2, review = review OR status = 'approved' WHERE id = $1`, [c.id, JSON.stringify(markers)]);
  return { id };
}
