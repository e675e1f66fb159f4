/**
 * Why a comment waits, on its card: the markers the hub put on it (common/moderation/markers.ts) as labelled
 * chips, and its body with the listed words it contains highlighted (banned in red, suspect in amber), found again
 * on folded text as the hub found them. The body stays text: highlights are <mark> elements around slices of it.
 */
import { useTranslation } from 'react-i18next';
import { wordRanges, type CommentMarker } from '../../../common/moderation/markers.ts';

export function MarkerChips({ markers }: { markers: readonly CommentMarker[] }) {
  const { t } = useTranslation();
  if (!markers.length) return null;
  return (
    <ul className="markers" aria-label={t('comments.markers')} data-testid="comment-markers">
      {markers.map((m) => (
        <li key={m.reason} className={`marker ${m.reason}`} data-reason={m.reason}>
          {t(`comments.marker_${m.reason}`, {
            ...('words' in m && { words: m.words.join(', ') }),
            ...('count' in m && { count: m.count }),
            ...(m.reason === 'author_rejections' && { rejected: m.rejected, decided: m.decided }),
            ...(m.reason === 'reports' && {
              reasons: Object.entries(m.reasons)
                .map(([why, n]) => `${t(`comments.report_${why}`)} ${n}`)
                .join(', '),
            }),
          })}
        </li>
      ))}
    </ul>
  );
}

const listed = (markers: readonly CommentMarker[], reason: 'banned_words' | 'suspect_words') =>
  markers.flatMap((m) => (m.reason === reason ? m.words : []));

export function MarkedBody({ body, markers }: { body: string; markers: readonly CommentMarker[] }) {
  const banned = wordRanges(body, listed(markers, 'banned_words')).map(([s, e]) => ({ s, e, level: 'banned' }));
  const suspect = wordRanges(body, listed(markers, 'suspect_words')).map(([s, e]) => ({ s, e, level: 'suspect' }));
  // A suspect word inside a banned one is shown as banned.
  const ranges = [...banned, ...suspect.filter((r) => !banned.some((b) => r.s < b.e && b.s < r.e))].sort((a, b) => a.s - b.s);
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.s < at) continue;
    parts.push(body.slice(at, r.s));
    parts.push(
      <mark key={r.s} className={`word ${r.level}`}>
        {body.slice(r.s, r.e)}
      </mark>,
    );
    at = r.e;
  }
  parts.push(body.slice(at));
  return <div className="comment-body">{parts}</div>;
}
