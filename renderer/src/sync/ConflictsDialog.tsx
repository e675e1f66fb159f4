/** The changes of this person that the hub refused, each with the reason and the state it found, until dismissed. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { formatTime } from '../i18n/index.ts';

export function ConflictsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const report = useReport();
  const [items, setItems] = useState<Output<'sync.conflicts'> | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const load = useCallback(() => call('sync.conflicts', {}).then(setItems, report), [report]);
  useEffect(() => {
    void load();
    closeRef.current?.focus();
  }, [load]);

  return (
    <div className="overlay" onClick={onClose}>
      <div role="dialog" aria-modal="true" aria-labelledby="conflicts-title" className="dialog wide" onClick={(e) => e.stopPropagation()}>
        <h2 id="conflicts-title">{t('sync.conflictsTitle')}</h2>
        <p className="muted">{t('sync.conflictsIntro')}</p>
        {items?.length === 0 && <p>{t('sync.none')}</p>}
        <ul className="conflicts-list">
          {items?.map((c) => (
            <li key={c.id}>
              <strong>{t(`sync.mutation_${c.mutation.replace('.', '_')}`, { defaultValue: c.mutation })}</strong> ·{' '}
              <time className="muted">{formatTime(c.createdAt)}</time>
              <div className="form-error">{c.reason}</div>
              <button type="button" onClick={() => void call('sync.dismissConflict', { id: c.id }).then(load, report)}>
                {t('sync.dismiss')}
              </button>
            </li>
          ))}
        </ul>
        <button ref={closeRef} type="button" onClick={onClose}>
          {t('sync.close')}
        </button>
      </div>
    </div>
  );
}
