/** The customer card: personal fields masked; each reveal is one audited call for one field. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../main/api/contract.ts';
import { REVEALABLE_FIELDS, type RevealableField } from '../../../common/vocabulary/revealable.ts';
import { call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { formatDate } from '../format/dates.ts';
import { CustomerHistory } from './CustomerHistory.tsx';
import { method, type InboxApi } from './kinds.ts';

/**
 * Masked phones and emails read as codes (monospace); a masked name or address stays in the text face,
 * which has every Vietnamese letter (the monospace faces of many systems lack ỗ, ở, ẩ…).
 */
const CODE_LIKE: ReadonlySet<RevealableField> = new Set(['phone', 'email']);

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
      <dl className="facts">
        <dt>{t('customer.username')}</dt>
        <dd>{card.username ?? t('customer.none')}</dd>
        <dt>{t('customer.gender')}</dt>
        <dd>{card.gender ? t(`customer.${card.gender}`) : t('customer.none')}</dd>
        {REVEALABLE_FIELDS.map((field) => {
          const shown = field in revealed ? revealed[field] : card[field];
          return (
            <div key={field} className="fact-row">
              <dt>{t(`customer.${field}`)}</dt>
              <dd data-testid={`customer-${field}`}>
                <span className={field in revealed ? 'revealed' : CODE_LIKE.has(field) ? 'masked mono' : 'masked'}>
                  {shown ?? t('customer.none')}
                </span>
                {!(field in revealed) && card[field] !== null && card.erasedAt === null && (
                  <button
                    type="button"
                    className="link"
                    aria-label={t('customer.revealLabel', { field: t(`customer.${field}`) })}
                    onClick={() => void reveal(field)}
                  >
                    {t('customer.reveal')}
                  </button>
                )}
              </dd>
            </div>
          );
        })}
        <dt>{t('customer.since')}</dt>
        <dd>{formatDate(card.since)}</dd>
        <dt>{t('customer.submissions')}</dt>
        <dd>{card.submissionCount}</dd>
      </dl>
      <p className="muted small">{t('customer.auditNote')}</p>
      <CustomerHistory api={api} submissionId={submissionId} />
    </aside>
  );
}
