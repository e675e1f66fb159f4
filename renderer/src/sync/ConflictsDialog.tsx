/** The changes of this person that the hub refused, each with the reason and the state it found, until dismissed. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { formatDateTime } from '../format/dates.ts';

type Conflict = Output<'sync.conflicts'>[number];

/**
 * The hub words its reasons in English for its logs; staff read the reason in their own language, made from
 * the state the hub sent back. A refusal the desk has no wording for shows the hub's text.
 */
function Reason({ conflict }: { conflict: Conflict }) {
  const { t } = useTranslation();
  const found = conflict.current ?? {};
  let text = conflict.reason;
  if (conflict.mutation === 'comment.moderate' && typeof found.status === 'string' && typeof found.decidedAt === 'string') {
    // A decision undone (the comment waits again) reads as such, not as a decision "pending".
    text = t(found.status === 'pending' ? 'sync.reason_undone' : 'sync.reason_decided', {
      decision: t(`decision.${found.status}`),
      name: typeof found.decidedBy === 'string' ? found.decidedBy : '',
      time: formatDateTime(Date.parse(found.decidedAt)),
    });
  } else if (conflict.mutation === 'notice.template' && 'version' in found) {
    // A warranty email someone else worded first: the hub sends with theirs.
    text = t('sync.reason_template');
  } else if (conflict.mutation.startsWith('customer.') && typeof found.refusal === 'string') {
    // A merge, or its undoing, the hub would not do: by the code it sent with its reason.
    text = t(`customers.merge.refused.${found.refusal}`, { defaultValue: conflict.reason });
  } else if (/^(request|consent)\./.test(conflict.mutation) && typeof found.refusal === 'string') {
    text = t(`requests.refused.${found.refusal}`, {
      defaultValue: conflict.reason,
      status: typeof found.status === 'string' ? t(`requests.status.${found.status}`) : '',
      name: typeof found.by === 'string' ? found.by : '',
    });
  } else if (typeof found.version === 'number' && typeof found.status === 'string') {
    text = t('sync.reason_changed', { status: t(`status.${found.status}`) });
  }
  return <div className="form-error">{text}</div>;
}

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
              <time className="muted">{formatDateTime(c.createdAt)}</time>
              <Reason conflict={c} />
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
