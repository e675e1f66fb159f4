/**
 * "Đã gộp từ" on a customer's page (directors): the records merged into this customer (masked name, when),
 * each with "Hoàn tác gộp", which asks first, then queues the undoing for the hub; the hub refuses it if this
 * customer changed since the merge (the refusal shows among the sync's conflicts).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.ts';
import { messageFor } from '../components/Notices.tsx';
import { formatDateTime } from '../format/dates.ts';
import type { MergedFrom } from './vocab.ts';

export function MergedFromSection({ merged }: { merged: MergedFrom[] }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState<ReadonlySet<string>>(new Set());
  const [said, setSaid] = useState('');
  const [error, setError] = useState<string | null>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);

  const undo = async (m: MergedFrom) => {
    setBusy(true);
    setError(null);
    try {
      await call('customers.unmerge', { sourceId: m.id });
      setQueued((q) => new Set([...q, m.id]));
      setAsking(null);
      setSaid(t('customers.mergedFrom.queued', { name: m.name }));
    } catch (e) {
      setError(messageFor(e, t));
    }
    setBusy(false);
  };

  return (
    <section aria-labelledby="merged-from-title" className="merged-from" data-testid="merged-from">
      <h4 id="merged-from-title">{t('customers.mergedFrom.title')}</h4>
      <ul className="merged-from-list" aria-label={t('customers.mergedFrom.listLabel')}>
        {merged.map((m) => (
          <li key={m.id} data-testid="merged-from-item" data-id={m.id}>
            <div className="merged-from-row">
              <strong>{m.name}</strong>
              <span className="muted small">{t('customers.mergedFrom.at', { time: formatDateTime(m.mergedAt) })}</span>
              <span className="spacer" />
              {queued.has(m.id) ? (
                <span className="badge">{t('customers.mergedFrom.waiting')}</span>
              ) : (
                asking !== m.id && (
                  <button
                    type="button"
                    onClick={() => {
                      setAsking(m.id);
                      setError(null);
                    }}
                    aria-label={t('customers.mergedFrom.undoLabel', { name: m.name })}
                  >
                    {t('customers.mergedFrom.undo')}
                  </button>
                )
              )}
            </div>
            {asking === m.id && (
              <div
                role="alertdialog"
                aria-labelledby={`unmerge-${m.id}-question`}
                aria-describedby={`unmerge-${m.id}-what`}
                className="bulk-confirm"
                data-testid="unmerge-confirm"
                onKeyDown={(e) => {
                  if (e.key === 'Escape') {
                    e.stopPropagation();
                    setAsking(null);
                  }
                }}
              >
                <p id={`unmerge-${m.id}-question`}>{t('customers.mergedFrom.ask', { name: m.name })}</p>
                <span id={`unmerge-${m.id}-what`} className="small">
                  {t('customers.mergedFrom.what')}
                </span>
                <button ref={confirm} type="button" className="primary" disabled={busy} onClick={() => void undo(m)}>
                  {t('customers.mergedFrom.confirm')}
                </button>
                <button type="button" disabled={busy} onClick={() => setAsking(null)}>
                  {t('customers.cancel')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p className="form-error small" role="alert" data-testid="merged-from-error">
          {error}
        </p>
      )}
      <div role="status" className="ok small" data-testid="merged-from-said">
        {said}
      </div>
    </section>
  );
}
