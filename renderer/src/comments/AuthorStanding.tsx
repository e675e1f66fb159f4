/**
 * The author's standing in their panel: always pre-moderate, ban with a reason (and, asked with the count, reject
 * everything of theirs still pending, on the hub too), and the moderators' notes about them. Every change is
 * saved on this desk at once and reaches the hub and the other desks at the next sync; the website is told of bans
 * and pre-moderation from the hub's feed.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTHOR_NOTE_MAX, BAN_REASON_MAX, type AuthorStanding as Standing } from '../../../common/moderation/authors.ts';
import type { Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { formatDateTime } from '../format/dates.ts';

type Author = Output<'comments.author'>;

export function AuthorStanding({
  commentId,
  author,
  onChanged,
}: {
  commentId: string;
  author: Author;
  /** After a change: the panel reads the author again; `rejected` comments left the queue. */
  onChanged: (rejected: number) => void;
}) {
  const { t } = useTranslation();
  const report = useReport();
  const { standing, pendingIds } = author;
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [askingBan, setAskingBan] = useState(false);
  // While a change is on its way, nothing else is asked: each is built on the standing it read back.
  const [busy, setBusy] = useState(false);
  const name = author.username ?? '—';

  const set = (change: Partial<Standing>) => {
    setBusy(true);
    const next: Standing = {
      premoderate: standing.premoderate,
      banned: standing.banned,
      banReason: standing.banReason,
      rejectPending: false,
      ...change,
    };
    call('comments.authorStanding', { id: commentId, standing: next })
      .then(({ rejected }) => {
        setAskingBan(false);
        setReason('');
        onChanged(rejected);
      })
      .catch(report)
      .finally(() => setBusy(false));
  };
  const ban = (rejectPending: boolean) => set({ banned: true, banReason: reason.trim(), rejectPending });

  const addNote = (e: FormEvent) => {
    e.preventDefault();
    call('comments.authorNote', { id: commentId, body: note })
      .then(() => {
        setNote('');
        onChanged(0);
      })
      .catch(report);
  };

  return (
    <div className="author-standing" data-testid="author-standing">
      <label className="small">
        <input type="checkbox" disabled={busy} checked={standing.premoderate} onChange={(e) => set({ premoderate: e.target.checked })} />{' '}
        {t('comments.premoderate')}
      </label>
      {standing.banned ? (
        <p className="banned small" data-testid="author-banned">
          {t('comments.bannedBy', {
            reason: standing.banReason,
            name: standing.changedBy ?? '—',
            time: standing.changedAt ? formatDateTime(standing.changedAt) : '—',
          })}{' '}
          <button type="button" disabled={busy} onClick={() => set({ banned: false, banReason: null })}>
            {t('comments.unban')}
          </button>
        </p>
      ) : (
        <div className="ban small">
          <label>
            {t('comments.banReason')}{' '}
            <input value={reason} maxLength={BAN_REASON_MAX} onChange={(e) => setReason(e.target.value)} data-testid="ban-reason" />
          </label>{' '}
          <button type="button" disabled={busy || !reason.trim()} onClick={() => ban(false)}>
            {t('comments.ban')}
          </button>{' '}
          {pendingIds.length > 0 &&
            (askingBan ? (
              <span role="alertdialog" aria-labelledby="ban-all-question" className="bulk-confirm">
                <span id="ban-all-question">{t('comments.banRejectAllAsk', { count: pendingIds.length, name })}</span>{' '}
                <button type="button" className="primary" autoFocus disabled={busy || !reason.trim()} onClick={() => ban(true)}>
                  {t('comments.bulkConfirm')}
                </button>{' '}
                <button type="button" onClick={() => setAskingBan(false)}>
                  {t('comments.bulkCancel')}
                </button>
              </span>
            ) : (
              <button type="button" disabled={busy || !reason.trim()} onClick={() => setAskingBan(true)}>
                {t('comments.banRejectAll', { count: pendingIds.length })}
              </button>
            ))}
        </div>
      )}
      <h4 className="small">{t('comments.notesHeading')}</h4>
      {standing.notes.length ? (
        <ul className="author-notes small" data-testid="author-notes">
          {standing.notes.map((n) => (
            <li key={n.id}>
              <span className="muted">
                {n.by} · <time>{formatDateTime(n.at)}</time>:
              </span>{' '}
              {n.body}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{t('comments.noNotes')}</p>
      )}
      <form onSubmit={addNote} className="small">
        <label>
          {t('comments.noteLabel')}{' '}
          <input value={note} maxLength={AUTHOR_NOTE_MAX} onChange={(e) => setNote(e.target.value)} data-testid="author-note" />
        </label>{' '}
        <button type="submit" disabled={!note.trim()}>
          {t('comments.addNote')}
        </button>
      </form>
    </div>
  );
}
