/**
 * The comment moderation queue: read each comment as text, then approve, reject or mark it spam. One tab
 * per status; the heading names the tab shown. Keys j/k/a/x/s, off while a dialog (the help) is open.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../main/api/contract.ts';
import { COMMENT_FILTERS, type Decision } from '../../../common/vocabulary/comments.ts';
import { call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { isTyping } from '../components/ShortcutsHelp.tsx';
import { formatDateTime } from '../format/dates.ts';

type Page = Output<'comments.list'>;
type Filter = (typeof COMMENT_FILTERS)[number];
const PAGE = 50;
const KEYS: Record<string, Decision> = { a: 'approved', x: 'rejected', s: 'spam' };

export function CommentsQueue({ shortcutsEnabled }: { shortcutsEnabled: boolean }) {
  const { t } = useTranslation();
  const report = useReport();
  const [filter, setFilter] = useState<Filter>('pending');
  const [page, setPage] = useState<Page | null>(null);
  const [selected, setSelected] = useState(0);

  const load = useCallback((limit = PAGE) => call('comments.list', { status: filter, limit }).then(setPage, report), [filter, report]);
  useEffect(() => {
    setSelected(0);
    void load();
  }, [load]);

  const decide = useCallback(
    async (id: string, decision: Decision) => {
      try {
        await call('comments.moderate', { id, decision });
      } catch (e) {
        report(e);
      }
      await load(Math.max(PAGE, page?.rows.length ?? 0));
    },
    [load, page, report],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!shortcutsEnabled || isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey || !page) return;
      const current = page.rows[selected];
      if (e.key === 'j') setSelected((s) => Math.min(s + 1, page.rows.length - 1));
      else if (e.key === 'k') setSelected((s) => Math.max(s - 1, 0));
      else if (KEYS[e.key] && current) void decide(current.id, KEYS[e.key]!);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shortcutsEnabled, page, selected, decide]);

  return (
    <section className="pane comments" aria-labelledby="comments-heading">
      <div className="comments-head">
        <h2 id="comments-heading">{t(`comments.heading_${filter}`)}</h2>
        <div role="tablist" className="tabs">
          {COMMENT_FILTERS.map((f) => (
            <button key={f} type="button" role="tab" aria-selected={filter === f} onClick={() => setFilter(f)}>
              {t(`comments.tab_${f}`)}
            </button>
          ))}
        </div>
        <span className="muted" data-testid="comment-count">
          {page ? t('comments.count', { count: page.total }) : '…'}
        </span>
      </div>
      {page?.rows.length === 0 && <p className="empty-state">{t('comments.empty')}</p>}
      <ol className="comment-list">
        {page?.rows.map((c, i) => (
          <li
            key={c.id}
            className={`comment ${i === selected ? 'selected' : ''}`}
            aria-current={i === selected}
            onClick={() => setSelected(i)}
          >
            <div className="muted small">
              {t('comments.by')} <strong>{c.authorUsername ?? '—'}</strong> · {t('comments.on')} <span className="url">{c.pageUrl}</span> ·{' '}
              <time>{formatDateTime(c.postedAt)}</time>
            </div>
            {/* Customer-written text is rendered as text, never as HTML. */}
            <div className="comment-body">{c.body}</div>
            {c.status === 'pending' ? (
              <div className="actions">
                <button type="button" className="primary" onClick={() => void decide(c.id, 'approved')}>
                  {t('comments.approve')}
                </button>
                <button type="button" onClick={() => void decide(c.id, 'rejected')}>
                  {t('comments.reject')}
                </button>
                <button type="button" onClick={() => void decide(c.id, 'spam')}>
                  {t('comments.spam')}
                </button>
              </div>
            ) : (
              <div className="muted small">
                {t('comments.decided', {
                  decision: t(`decision.${c.status}`),
                  name: c.decidedBy ?? '',
                  time: c.decidedAt ? formatDateTime(c.decidedAt) : '',
                })}
              </div>
            )}
          </li>
        ))}
      </ol>
      {page && page.rows.length < page.total && (
        <button type="button" onClick={() => void load(page.rows.length + PAGE)}>
          {t('comments.more')}
        </button>
      )}
    </section>
  );
}
