/**
 * The markers a comment gets as it arrives (common/moderation/markers.ts says what each means), from what the hub
 * knows then: the word lists, the author's earlier comments and their outcomes, the same text posted before.
 */
import { createHash } from 'node:crypto';
import {
  countLinks,
  listedWordsIn,
  LINKS_FLAGGED_AT,
  REJECTIONS_FLAGGED_ABOVE,
  REJECTIONS_MIN_DECIDED,
  REJECTIONS_WINDOW_DAYS,
  repeatKey,
  type CommentMarker,
} from '../../common/moderation/markers.ts';
import type { Queryable } from '../db/connect.ts';

/** The folded text's hash, which the comment keeps so that a later one with the same text finds it by index. */
export const repeatHash = (body: string): string => createHash('sha256').update(repeatKey(body)).digest('hex');

export async function markersFor(tx: Queryable, c: { customerId: string; body: string; postedAt: string }): Promise<CommentMarker[]> {
  const markers: CommentMarker[] = [];
  const words = (await tx.query<{ word: string; level: 'banned' | 'suspect' }>('SELECT word, level FROM moderation_words ORDER BY word'))
    .rows;
  for (const level of ['banned', 'suspect'] as const) {
    const found = listedWordsIn(
      c.body,
      words.filter((w) => w.level === level).map((w) => w.word),
    );
    if (found.length) markers.push({ reason: `${level}_words`, words: found });
  }
  const links = countLinks(c.body);
  if (links >= LINKS_FLAGGED_AT) markers.push({ reason: 'links', count: links });
  const author = (
    await tx.query<{ total: number; decided: number; rejected: number }>(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE status <> 'pending' AND posted_at > $2::timestamptz - make_interval(days => $3))::int AS decided,
              count(*) FILTER (WHERE status IN ('rejected', 'spam') AND posted_at > $2::timestamptz - make_interval(days => $3))::int AS rejected
       FROM comments WHERE customer_id = $1`,
      [c.customerId, c.postedAt, REJECTIONS_WINDOW_DAYS],
    )
  ).rows[0]!;
  if (author.total === 0) markers.push({ reason: 'first_comment' });
  if (author.decided >= REJECTIONS_MIN_DECIDED && author.rejected / author.decided > REJECTIONS_FLAGGED_ABOVE)
    markers.push({ reason: 'author_rejections', rejected: author.rejected, decided: author.decided });
  const { n } = (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM comments WHERE repeat_key = $1', [repeatHash(c.body)]))
    .rows[0]!;
  if (n > 0) markers.push({ reason: 'repeat', count: n });
  return markers;
}
