/**
 * What the customer sent, on their page: their submissions, the replies staff sent them and their comments, as far
 * as the person may see them (customers.timeline), newest first, a page at a time. A submission, or a reply's,
 * opens in its own inbox (OpenElsewhere, as from the card's history and the palette).
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.ts';
import { HistoryList } from '../inbox/CustomerHistory.tsx';

const PAGE = 20;

export function CustomerTimeline({ id }: { id: string }) {
  const { t } = useTranslation();
  const read = useCallback(
    (before?: string) => call('customers.timeline', { id, limit: PAGE, ...(before !== undefined && { before }) }),
    [id],
  );
  return (
    <HistoryList
      read={read}
      label={t('customers.timeline')}
      heading={<h4>{t('customers.timeline')}</h4>}
      className="history customer-timeline"
      itemTestId="timeline-item"
    />
  );
}
