/**
 * The person's saved views of inboxes they no longer work (a grant taken away): such a view counts and opens
 * nothing and no inbox shows it, so My work lists them for the person to delete, each after a confirmation.
 * Nothing shows while there are none.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { INBOX_KINDS } from '../inbox/kinds.ts';
import { useSavedViews } from './views.ts';
import './palette.css';

export function UnusableViews() {
  const { t } = useTranslation();
  const report = useReport();
  // Read as My work opens, not at each sync: every read counts each view, and what makes one unusable (a grant
  // taken away) is rare.
  const { views, reread } = useSavedViews(report, false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const unusable = (views ?? []).filter((v) => v.count === null);
  if (unusable.length === 0) return null;
  const remove = async (id: string) => {
    try {
      await call('views.delete', { id });
    } catch (e) {
      report(e);
    }
    setConfirming(null);
    reread();
  };
  return (
    <section className="unusable-views" aria-label={t('palette.views.unusable')} data-testid="unusable-views">
      <p className="muted">{t('palette.views.unusable')}</p>
      <ul>
        {unusable.map((v) => (
          <li key={v.id}>
            <bdi>{v.name}</bdi>{' '}
            <span className="muted">
              ({t(`${INBOX_KINDS[v.kind].words}.nav`)} · {t('palette.views.noCount')})
            </span>{' '}
            {confirming === v.id ? (
              <span className="view-actions" role="alertdialog" aria-label={t('palette.views.delete')}>
                <span>{t('palette.views.confirmDelete', { name: v.name })}</span>
                <button type="button" className="danger" autoFocus onClick={() => void remove(v.id)}>
                  {t('palette.views.confirmButton')}
                </button>
                <button type="button" onClick={() => setConfirming(null)}>
                  {t('palette.views.cancel')}
                </button>
              </span>
            ) : (
              <button
                type="button"
                className="link"
                aria-label={t('palette.views.deleteNamed', { name: v.name })}
                onClick={() => setConfirming(v.id)}
              >
                {t('palette.views.delete')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
