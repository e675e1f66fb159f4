/** The customer card: personal fields masked; each reveal is one audited call for one field. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../main/api/contract.ts';
import type { RevealableField } from '../../../common/vocabulary/revealable.ts';
import { call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { formatDate } from '../format/dates.ts';
import { CustomerFacts } from './CustomerFacts.tsx';
import { CustomerHistory } from './CustomerHistory.tsx';
import { method, type InboxApi } from './kinds.ts';

export function CustomerCard({ api, submissionId }: { api: InboxApi; submissionId: string }) {
  const { t } = useTranslation();
  const report = useReport();
  const [card, setCard] = useState<Output<`${InboxApi}.customerCard`> | null>(null);
  const [revealed, setRevealed] = useState<Partial<Record<RevealableField, string | null>>>({});

  useEffect(() => {
    setRevealed({});
    call(method(api, 'customerCard'), { submissionId }).then(setCard, report);
  }, [api, submissionId, report]);

  const reveal = (field: RevealableField) =>
    call(method(api, 'revealField'), { submissionId, field }).then((r) => setRevealed((v) => ({ ...v, [field]: r.value })), report);

  if (!card) return <aside className="pane customer-pane" aria-busy="true" />;
  return (
    <aside className="pane customer-pane" aria-label={t('customer.title')}>
      <h3>{t('customer.title')}</h3>
      {card.erasedAt !== null && (
        <p className="notice small" role="note" data-testid="customer-erased">
          {t('customer.erased', { date: formatDate(card.erasedAt) })}
        </p>
      )}
      <CustomerFacts card={card} revealed={revealed} onReveal={(field) => void reveal(field)} />
      <p className="muted small">{t('customer.auditNote')}</p>
      <CustomerHistory api={api} submissionId={submissionId} />
    </aside>
  );
}
