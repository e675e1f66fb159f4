/**
 * A customer's page on the Customers screen: the masked card (each "Hiện" one audited call for one field; none
 * for a customer whose data was erased, which the page says), their consents by channel with one-click
 * withdrawal (with the promotion inbox), their data requests with the legal clocks (directors) and what they sent
 * across the inboxes the person holds; for directors, the records merged into this customer, each of which may be
 * split off again ("Hoàn tác gộp"). Read when opened and after a withdrawal made here; each read is audited
 * as a view, so a sync does not read it again.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevealableField } from '../../../common/vocabulary/revealable.ts';
import { call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { formatDate, formatDateTime } from '../format/dates.ts';
import { ackDue, completionDue, isOpen } from '../requests/clock.ts';
import { useNow } from '../requests/RequestsScreen.tsx';
import { CustomerFacts } from '../inbox/CustomerFacts.tsx';
import { ConsentSection } from './ConsentSection.tsx';
import { CustomerTimeline } from './CustomerTimeline.tsx';
import { MergedFromSection } from './MergedFromSection.tsx';
import type { Customer } from './vocab.ts';

export function CustomerPage({
  id,
  onWithdrawn,
  onOpenRequests,
}: {
  id: string;
  /** A consent was withdrawn here: the promotion list reads itself again. */
  onWithdrawn: () => void;
  onOpenRequests?: () => void;
}) {
  const { t } = useTranslation();
  const report = useReport();
  const [page, setPage] = useState<Customer | null>(null);
  const [revealed, setRevealed] = useState<Partial<Record<RevealableField, string | null>>>({});

  const read = useCallback(() => call('customers.get', { id }).then(setPage, report), [id, report]);
  useEffect(() => {
    void read();
  }, [read]);

  const reveal = (field: RevealableField) =>
    call('customers.reveal', { id, field }).then((r) => setRevealed((v) => ({ ...v, [field]: r.value })), report);

  if (!page) return <article className="customer-page" aria-busy="true" />;
  const { card } = page;
  const erased = card.erasedAt !== null;
  return (
    <article className="customer-page" aria-labelledby="customer-page-title" data-testid="customer-page" data-id={id}>
      <header className="customer-page-head">
        <h3 id="customer-page-title">{card.fullName}</h3>
        {erased && <span className="badge customer-erased-badge">{t('customers.erasedBadge')}</span>}
      </header>
      {erased && (
        <p className="notice small" role="note" data-testid="customer-erased">
          {t('customer.erased', { date: formatDate(card.erasedAt!) })}
        </p>
      )}
      <section aria-labelledby="customer-card-title">
        <h4 id="customer-card-title">{t('customers.card')}</h4>
        <CustomerFacts card={card} revealed={revealed} onReveal={(field) => void reveal(field)} />
        {!erased && <p className="muted small">{t('customer.auditNote')}</p>}
      </section>
      {page.consents && (
        <ConsentSection
          customerId={id}
          ledger={page.consents}
          erased={erased}
          onWithdrawn={() => {
            onWithdrawn();
            void read();
          }}
          onStale={() => void read()}
        />
      )}
      {page.mergedFrom && page.mergedFrom.length > 0 && <MergedFromSection merged={page.mergedFrom} />}
      {page.requests && <RequestsSection requests={page.requests} onOpenRequests={onOpenRequests} />}
      <CustomerTimeline id={id} />
    </article>
  );
}

/** The customer's requests about their data, newest first, each with its state and, while open, its clocks. */
function RequestsSection({ requests, onOpenRequests }: { requests: NonNullable<Customer['requests']>; onOpenRequests?: () => void }) {
  const { t } = useTranslation();
  const now = useNow();
  return (
    <section aria-labelledby="customer-requests-title" data-testid="customer-requests">
      <div className="customer-section-head">
        <h4 id="customer-requests-title">{t('customers.requests.title')}</h4>
        <span className="spacer" />
        {onOpenRequests && requests.length > 0 && (
          <button type="button" className="link" onClick={onOpenRequests}>
            {t('customers.requests.open')}
          </button>
        )}
      </div>
      {requests.length === 0 ? (
        <p className="muted small">{t('customers.requests.none')}</p>
      ) : (
        <ul className="customer-requests">
          {requests.map((r) => {
            const ack = ackDue(t, r, now);
            const done = completionDue(t, r, now);
            return (
              <li key={r.id} data-testid="customer-request" data-id={r.id}>
                <span className="customer-request-top">
                  <strong>{t(`requests.type.${r.type}`)}</strong>
                  <span className={`badge request-status-${r.status}`}>{t(`requests.status.${r.status}`)}</span>
                  <span className="muted small">{t('requests.received', { time: formatDateTime(r.requestedAt) })}</span>
                </span>
                {isOpen(r.status) ? (
                  <span className="small customer-request-clocks">
                    <span className={ack.late ? 'due late' : 'due'}>{t('requests.ackDue', { due: ack.text })}</span>
                    <span className={done.late ? 'due late' : 'due'}>{t('requests.completionDue', { due: done.text })}</span>
                  </span>
                ) : (
                  <span className={`small ${done.late ? 'due late' : 'muted'}`}>{done.text}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
