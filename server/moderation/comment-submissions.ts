/**
 * A comment turned into a submission (`submission.fromComment`): a question asked in a comment ("does this still
 * have the official warranty?") is answered by email and counted like any other, in the inbox the moderator chose.
 * The submission is the customer's, with the comment's text as its body and its first words as its subject; it
 * enters the inbox when it was turned (its service clock starts then), and its `created` event says by whom and
 * from which page. The comment keeps its own decision to be made.
 */
import { newId } from '../../common/ids.ts';
import { BIDI_CONTROLS } from '../../common/text/rules.ts';
import type { CommentSubmissionKind } from '../../common/vocabulary/comments.ts';
import type { Queryable } from '../db/connect.ts';
import { checkPerson, DirectoryRefusal } from '../directory/staff.ts';

const SUBJECT_MAX = 80;
const BIDI = new RegExp(BIDI_CONTROLS.source, 'g');

/**
 * The comment's first words, on one line, as the submission's subject: without bidirectional controls (a subject
 * from the website's form may not have them either), cut between characters, never inside one.
 */
function subjectOf(body: string): string {
  const chars = Array.from(body.replace(BIDI, '').replace(/\s+/g, ' ').trim());
  return chars.length <= SUBJECT_MAX
    ? chars.join('')
    : `${chars
        .slice(0, SUBJECT_MAX - 1)
        .join('')
        .trimEnd()}…`;
}

export async function submissionFromComment(
  tx: Queryable,
  m: {
    actorId: string;
    actorName: string;
    entityId: string;
    createdAt: number;
    payload: { commentId: string; kind: CommentSubmissionKind };
  },
): Promise<void> {
  const { commentId, kind } = m.payload;
  const madeAt = new Date(m.createdAt);
  await checkPerson(tx, m.actorId, madeAt, 'comment');
  await checkPerson(tx, m.actorId, madeAt, kind);
  const c = (
    await tx.query<{
      customer_id: string;
      body: string;
      page_url: string;
      page_title: string | null;
      website_ref: string;
      submission_id: string | null;
    }>('SELECT customer_id, body, page_url, page_title, website_ref, submission_id FROM comments WHERE id = $1 FOR UPDATE', [commentId])
  ).rows[0];
  if (!c) throw new DirectoryRefusal('no such comment on the hub');
  if (c.submission_id) {
    const s = (await tx.query<{ kind: string }>('SELECT kind FROM submissions WHERE id = $1', [c.submission_id])).rows[0]!;
    throw new DirectoryRefusal(`this comment was already turned into a ${s.kind}`, { submissionId: c.submission_id, kind: s.kind });
  }
  const at = madeAt.toISOString();
  await tx.query(
    `INSERT INTO submissions (id, website_ref, kind, customer_id, subject, body, details, created_at, comment_id, seq)
     VALUES ($1, $2, $3, $4, $5, $6, '{}', $7, $8, 0)`,
    [m.entityId, `comment:${c.website_ref}`, kind, c.customer_id, subjectOf(c.body), c.body, at, commentId],
  );
  await tx.query(
    `INSERT INTO submission_events (id, submission_id, type, actor_id, actor_name, data, created_at, seq) VALUES ($1, $2, 'created', $3, $4, $5, $6, 0)`,
    [
      newId(),
      m.entityId,
      m.actorId,
      m.actorName,
      JSON.stringify({ fromComment: { id: commentId, pageUrl: c.page_url, pageTitle: c.page_title } }),
      at,
    ],
  );
  await tx.query('UPDATE comments SET submission_id = $2, submission_kind = $3 WHERE id = $1', [commentId, m.entityId, kind]);
}
