/**
 * The author of the selected comment (`u`): their comments with how each was decided, how many of their decided
 * comments of the last 90 days were rejected, their standing and the moderators' notes (AuthorStanding.tsx), and
 * "reject everything pending from this author", which names the count and asks before it acts. Opening it is
 * audited (a customer's history of comments is theirs).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { formatDateTime } from '../format/dates.ts';
import { AuthorStanding } from './AuthorStanding.tsx';

type Author = Output<'comments.author'>;

export function AuthorPanel({
  commentId,
  onRejectAll,
  onStandingChanged,
  onClose,
}: {
  commentId: string;
  onRejectAll: (ids: string[]) => void;
  /** After a change of standing or a note; `rejected` comments of theirs were rejected with a ban. */
  onStandingChanged: (rejected: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const report = useReport();
  const [author, setAuthor] = useState<Author | null>(null);
  const [asking, setAsking] = useState(false);
  // Bumped after a change of standing or a note, so the panel reads the author again.
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    let live = true;
    setAsking(false);
    call('comments.author', { id: commentId })
      .then((a) => live && setAuthor(a))
      .catch(report);
    return () => void (live = false);
  }, [commentId, report, changes]);
  useEffect(() => setAuthor(null), [commentId]);

  if (!author) return <section className="author-panel muted">{t('comments.authorLoading')}</section>;
  const rate = author.decided ? Math.round((100 * author.rejected) / author.decided) : 0;
  return (
    <section className="author-panel" aria-labelledby="author-heading" data-testid="author-panel">
      <h3 id="author-heading">{t('comments.authorHeading', { name: author.username ?? '—' })}</h3>
      <p className="small">
        {author.decided
          ? t('comments.authorRate', { rejected: author.rejected, decided: author.decided, rate })
          : t('comments.authorNoDecisions')}
      </p>
      <AuthorStanding
        commentId={commentId}
        author={author}
        onChanged={(rejected) => {
          setChanges((n) => n + 1);
          onStandingChanged(rejected);
        }}
      />
      <ol className="author-comments small">
        {author.comments.map((c) => (
          <li key={c.id} className={c.id === commentId ? 'current' : ''}>
            <span className={`badge ${c.status}`}>{t(`decision.${c.status}`)}</span> <time>{formatDateTime(c.postedAt)}</time>
            {c.pageTitle && <span className="muted"> · {c.pageTitle}</span>}
            <div>{c.body}</div>
          </li>
        ))}
      </ol>
      {author.pendingIds.length > 0 &&
        (asking ? (
          <div role="alertdialog" aria-labelledby="reject-all-question" className="bulk-confirm">
            <p id="reject-all-question">{t('comments.rejectAllAsk', { count: author.pendingIds.length, name: author.username ?? '—' })}</p>
            {/* Focused, so Enter confirms (and Escape closes the panel) as for a selection. */}
            <button type="button" className="primary" autoFocus onClick={() => onRejectAll(author.pendingIds)}>
              {t('comments.bulkConfirm')}
            </button>{' '}
            <button type="button" onClick={() => setAsking(false)}>
              {t('comments.bulkCancel')}
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setAsking(true)}>
            {t('comments.rejectAll', { count: author.pendingIds.length })}
          </button>
        ))}{' '}
      <button type="button" onClick={onClose}>
        {t('comments.authorClose')}
      </button>
    </section>
  );
}
