/**
 * A customer's consents to promotions, channel by channel (email, SMS, phone calls): whether they may be sent one
 * now, then each record of the ledger, the latest first: given or withdrawn, when, the exact words they were shown,
 * where it came from (the website's page, or the channel staff took it by) and who recorded it. A channel with
 * consent offers "Rút lại đồng ý": one click, after saying how the customer told us (the phone by default). The
 * channel shows withdrawn at once; the website hears of it at the next sync.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackdeskError, call } from '../api/client.ts';
import { messageFor } from '../components/Notices.tsx';
import { formatDateTime } from '../format/dates.ts';
import { CONSENT_CHANNELS, WITHDRAW_SOURCES, type ConsentChannel, type Ledger, type WithdrawSource } from './vocab.ts';

export function ConsentSection({
  customerId,
  ledger,
  erased,
  onWithdrawn,
  onStale,
}: {
  customerId: string;
  ledger: Ledger;
  erased: boolean;
  onWithdrawn: () => void;
  /** The consent was gone already (withdrawn elsewhere): the page reads the ledger again. */
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<ConsentChannel | null>(null);
  const [source, setSource] = useState<WithdrawSource>('phone');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  // Withdrawn here: shown as such at once, before the ledger is read again.
  const [withdrawn, setWithdrawn] = useState<ReadonlySet<ConsentChannel>>(new Set());
  // The ledger read again holds the withdrawal itself (and anything since).
  useEffect(() => setWithdrawn(new Set()), [ledger]);

  const ask = (channel: ConsentChannel) => {
    setAsking(channel);
    setSource('phone');
    setError(null);
  };
  const withdraw = async (channel: ConsentChannel) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await call('consents.withdraw', { customerId, channel, source });
      setWithdrawn((w) => new Set([...w, channel]));
      setAsking(null);
      setSaid(t('customers.consents.withdrawn', { channel: t(`customers.channel.${channel}`) }));
      onWithdrawn();
    } catch (e) {
      if (e instanceof BackdeskError && e.code === 'stale') {
        setError(t('customers.consents.stale'));
        setAsking(null);
        onStale();
      } else setError(messageFor(e, t));
    }
    setBusy(false);
  };

  return (
    <section aria-labelledby="consents-title" className="consents" data-testid="consents">
      <h4 id="consents-title">{t('customers.consents.title')}</h4>
      <div role="status" className="ok small" data-testid="consents-said">
        {said}
      </div>
      {error && (
        <p className="form-error small" role="alert" data-testid="consents-error">
          {error}
        </p>
      )}
      {CONSENT_CHANNELS.map((channel) => {
        const records = ledger.records.filter((r) => r.channel === channel).reverse();
        const active = ledger.active[channel] && !withdrawn.has(channel);
        const state = active ? 'active' : records.length > 0 || withdrawn.has(channel) ? 'withdrawn' : 'never';
        const name = t(`customers.channel.${channel}`);
        return (
          <div key={channel} className="consent-channel" data-testid={`consent-${channel}`} data-state={state}>
            <div className="consent-channel-head">
              <strong>{name}</strong>
              <span className={`badge consent-${state}`} data-testid="consent-state">
                {t(`customers.consents.state_${state}`)}
              </span>
              <span className="spacer" />
              {active && !erased && asking !== channel && (
                <button type="button" onClick={() => ask(channel)} aria-label={t('customers.consents.withdrawLabel', { channel: name })}>
                  {t('customers.consents.withdraw')}
                </button>
              )}
            </div>
            {asking === channel && (
              <div
                role="alertdialog"
                aria-labelledby={`withdraw-${channel}-question`}
                className="bulk-confirm consent-withdraw"
                data-testid="withdraw-confirm"
                onKeyDown={(e) => {
                  if (e.key === 'Escape') {
                    e.stopPropagation();
                    setAsking(null);
                  }
                }}
              >
                <p id={`withdraw-${channel}-question`}>{t('customers.consents.ask', { channel: name })}</p>
                <fieldset className="consent-sources">
                  <legend className="small">{t('customers.consents.how')}</legend>
                  {WITHDRAW_SOURCES.map((s) => (
                    <label key={s}>
                      <input
                        type="radio"
                        name={`withdraw-${channel}-source`}
                        value={s}
                        checked={source === s}
                        onChange={() => setSource(s)}
                      />{' '}
                      {t(`customers.source.${s}`)}
                    </label>
                  ))}
                </fieldset>
                <button type="button" className="primary" disabled={busy} onClick={() => void withdraw(channel)}>
                  {t('customers.consents.confirm')}
                </button>
                <button type="button" disabled={busy} onClick={() => setAsking(null)}>
                  {t('customers.cancel')}
                </button>
              </div>
            )}
            {records.length > 0 && (
              <ol className="consent-records">
                {records.map((r) => (
                  <li key={r.id} className="consent-record" data-testid="consent-record" data-opted-in={r.optedIn}>
                    <div className="consent-record-head">
                      <span className={`badge ${r.optedIn ? 'consent-active' : 'consent-withdrawn'}`}>
                        {t(r.optedIn ? 'customers.consents.given' : 'customers.consents.taken')}
                      </span>
                      <time className="small">{formatDateTime(r.at)}</time>
                      <span className="muted small">{t('customers.consents.via', { source: t(`customers.source.${r.source}`) })}</span>
                      {r.recordedBy && <span className="muted small">{t('customers.consents.recordedBy', { name: r.recordedBy })}</span>}
                    </div>
                    <blockquote className="consent-wording">“{r.wording}”</blockquote>
                    {r.pageUrl && (
                      <div className="small">
                        <span className="muted">{t('customers.consents.page')} </span>
                        <span className="url" data-testid="consent-page">
                          {r.pageUrl}
                        </span>
                      </div>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </div>
        );
      })}
    </section>
  );
}
