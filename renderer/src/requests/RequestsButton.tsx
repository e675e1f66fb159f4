/**
 * The Requests entry in a director's navigation: how many requests are open and, in the danger colour, how many of
 * those are past a legal clock (request-counts.tsx reads them).
 */
import { useTranslation } from 'react-i18next';
import { useRequestCounts } from './request-counts.tsx';

export function RequestsButton({ current, onClick }: { current: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  const counts = useRequestCounts();
  return (
    <button type="button" aria-current={current} onClick={onClick} data-testid="nav-requests">
      {t('requests.nav')}
      {counts !== null && (
        <span className="nav-count" data-testid="requests-open-count" title={t('requests.openCount', { count: counts.open })}>
          {counts.open}
        </span>
      )}
      {counts !== null && counts.late > 0 && (
        <span className="nav-count late" data-testid="requests-late-count">
          {t('requests.lateCount', { count: counts.late })}
        </span>
      )}
    </button>
  );
}
