/**
 * A comment turned into a submission (server/moderation/comment-submissions.ts says what the hub makes of it). The
 * comment names the new submission here at once; the submission itself arrives with the pull after the hub made it.
 */
import { newId } from '../../../common/ids.ts';
import type { CommentSubmissionKind } from '../../../common/vocabulary/comments.ts';
import type { Db } from '../store/open.ts';
import { stmt } from '../store/statements.ts';
import { DomainError } from './errors.ts';
import { enqueue } from './outbox.ts';

export function submissionFromComment(
  db: Db,
  commentId: string,
  actorId: string,
  kind: CommentSubmissionKind,
  now = Date.now(),
): { id: string } {
  return db.transaction(() => {
    const c = stmt(db, 'SELECT submission_id AS submissionId FROM comments WHERE id = ?').get(commentId) as
      { submissionId: string | null } | undefined;
    if (!c) throw new DomainError('not_found', `no comment with id ${commentId}`);
    if (c.submissionId) throw new DomainError('stale', 'this comment was already turned into a submission');
    const id = newId();
    stmt(db, 'UPDATE comments SET submission_id = ?, submission_kind = ? WHERE id = ?').run(id, kind, commentId);
    enqueue(db, { mutation: 'submission.fromComment', entityType: 'submission', entityId: id, payload: { commentId, kind }, actorId }, now);
    return { id };
  })();
}
