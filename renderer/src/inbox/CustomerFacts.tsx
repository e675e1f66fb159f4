/**
 * A customer's facts as a card shows them: username and gender, the personal fields masked with a "Hiện" for each
 * (one audited call for one field, made by the caller; none once the customer's data was erased), since when, and
 * how many submissions. The inbox's customer card and the Customers screen's page both show it.
 */
import { useTranslation } from 'react-i18next';
import { REVEALABLE_FIELDS, type RevealableField } from '../../../common/vocabulary/revealable.ts';
import { formatDate } from '../format/dates.ts';

/**
 * Masked phones and emails read as codes (monospace); a masked name or address stays in the text face,
 * which has every Vietnamese letter (the monospace faces of many systems lack ỗ, ở, ẩ…).
 */
const CODE_LIKE: ReadonlySet<RevealableField> = new Set(['phone', 'email']);

export interface Facts extends Record<RevealableField, string | null> {
  username: string | null;
  gender: 'male' | 'female' | 'other' | null;
  since: number;
  submissionCount: number;
  erasedAt: number | null;
}

export function CustomerFacts({
  card,
  revealed,
  onReveal,
}: {
  card: Facts;
  revealed: Partial<Record<RevealableField, string | null>>;
  onReveal: (field: RevealableField) => void;
}) {
  const { t } = useTranslation();
  return (
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
                  onClick={() => onReveal(field)}
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
  );
}
