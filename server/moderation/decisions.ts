/**
 * A moderation decision as the hub records it, once push.ts (or a ban that rejects what is pending) has found it
 * stands: the comment's new status and who decided, a new version, and the change the website must act on.
 */
import type { Moderation, RejectReason } from '../../common/vocabulary/comments.ts';
import type { Queryable } from '../db/connect.ts';
import { recordWebsiteChange } from '../website/feed.ts';

export async function decideComment(
  tx: Queryable,
  comment: { id: string; ref: string },
  decision: Moderation,
  by: { actorId: string; actorName: string; at: string },
  reason?: RejectReason,
): Promise<void> {
  await tx.query(
    `UPDATE comments SET status = $2, decided_by = $3, decided_by_id = $4, decided_at = $5, version = version + 1, review = false,
       reject_reason = $6
     WHERE id = $1`,
    [comment.id, decision, by.actorName, by.actorId, by.at, reason ?? null],
  );
  // The website learns the decision from its feed: an approved comment is published, any other hidden.
  const ref = { ref: comment.ref };
  await recordWebsiteChange(
    tx,
    decision === 'approved'
      ? { type: 'comment.publish', comment: ref }
      : { type: 'comment.hide', comment: ref, reason: decision, ...(reason && { rejectReason: reason }) },
  );
}
