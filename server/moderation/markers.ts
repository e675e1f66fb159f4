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

/**
 * The folded text's hash, which the comment keeps so that a later one with the same text finds it by index; none
 * for a text of fewer than 8 letters and digits ("👍", "!!!", "ok"), which many write without copying anyone.
 */
export function repeatHash(body: string): string | null {
  const key = repeatKey(body);
  return key.replace(/ /g, '').length < 8 ? null : createHash('sha256').update(key).digest('hex');
}

export async function markersFor(tx: Queryable, c: { customerId: string; body: string; postedAt: string }): Promise<CommentMarker[]> {
  // One round trip: the word lists, the author's record and the same text's count (a post waits for this).
  const known = (
    await tx.query<{
      words: { word: string; level: 'banned' | 'suspect' }[] | null;
      total: number;
      decided: number;
      rejected: number;
      repeats: number;
    }>(
      `SELECT (SELECT json_agg(json_build_object('word', word, 'level', level) ORDER BY word) FROM moderation_words WHERE NOT removed) AS words,
              count(*)::int AS total,
              count(*) FILTER (WHERE status <> 'pending' AND posted_at > $2::timestamptz - make_interval(days => $3))::int AS decided,
              count(*) FILTER (WHERE status IN ('rejected', 'spam') AND posted_at > $2::timestamptz - make_interval(days => $3))::int AS rejected,
              (SELECT count(*)::int FROM comments WHERE repeat_key = $4::text) AS repeats
       FROM comments WHERE customer_id = $1`,
      [c.customerId, c.postedAt, REJECTIONS_WINDOW_DAYS, repeatHash(c.body)],
    )
  ).rows[0]!;
  const markers: CommentMarker[] = [];
  for (const level of ['banned', 'suspect'] as const) {
    const found = listedWordsIn(
      c.body,
      (known.words ?? []).filter((w) => w.level === level).map((w) => w.word),
    );
    if (found.length) markers.push({ reason: `${level}_words`, words: found });
  }
  const links = countLinks(c.body);
  if (links >= LINKS_FLAGGED_AT) markers.push({ reason: 'links', count: links });
  if (known.total === 0) markers.push({ reason: 'first_comment' });
  if (known.decided >= REJECTIONS_MIN_DECIDED && known.rejected / known.decided > REJECTIONS_FLAGGED_ABOVE)
    markers.push({ reason: 'author_rejections', rejected: known.rejected, decided: known.decided });
  if (known.repeats > 0) markers.push({ reason: 'repeat', count: known.repeats });
  return markers;
}
