/**
 * Requests past a legal clock, escalated to a director on every other screen: a banner under the navigation naming
 * how many, with the way to them. Put aside with "Để sau", it comes back when another request runs late.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequestCounts } from './request-counts.tsx';
import './requests.css';

export function RequestsEscalation({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const counts = useRequestCounts();
  const [putAsideAt, setPutAsideAt] = useState(0);
  // Fewer late since (some dealt with): the next one to run late brings the banner back.
  useEffect(() => {
    if (counts !== null && counts.late < putAsideAt) setPutAsideAt(counts.late);
  }, [counts, putAsideAt]);
  if (counts === null || counts.late === 0 || counts.late <= putAsideAt) return null;
  return (
    <div className="escalation" role="status" data-testid="requests-escalation">
      <span aria-hidden="true">⚠</span>
      <span>{t('requests.escalation.text', { count: counts.late })}</span>
      <button type="button" onClick={onOpen}>
        {t('requests.escalation.open')}
      </button>
      <button type="button" className="ghost" onClick={() => setPutAsideAt(counts.late)}>
        {t('requests.escalation.later')}
      </button>
    </div>
  );
}
