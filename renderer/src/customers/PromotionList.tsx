/**
 * "Khuyến mãi": who may be sent a promotion on a channel (email, SMS, phone call), from the consent ledger alone
 * (their latest record gives consent, their data is not erased), masked, the newest consent first, with how many
 * there are. A row opens the customer's page beside. Directors may export the whole list (names and contacts in
 * full) as CSV, after a line saying the export is recorded in the audit log. Read passively, again after a sync and
 * after a withdrawal on a page.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { useAfterSync } from '../api/desk-status.tsx';
import { useReport } from '../components/Notices.tsx';
import { formatDateTime } from '../format/dates.ts';
import { CONSENT_CHANNELS, exportFileName, type ConsentChannel } from './vocab.ts';

type List = Output<'promotions.list'>;

/** Hands a file to the person: the browser's download, or Electron's save dialog. */
function download(name: string, text: string): void {
  // A byte-order mark, so a spreadsheet opens the Vietnamese names as UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function PromotionList({
  mayExport,
  changes,
  openId,
  onOpen,
}: {
  mayExport: boolean;
  /** Moves when a consent was withdrawn elsewhere on the screen. */
  changes: number;
  openId: string | null;
  onOpen: (customerId: string) => void;
}) {
  const { t } = useTranslation();
  const report = useReport();
  const [channel, setChannel] = useState<ConsentChannel>('email');
  const [list, setList] = useState<List | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');

  const read = useCallback(() => {
    let live = true;
    call('promotions.list', { channel }).then((l) => live && setList(l), report);
    return () => {
      live = false;
    };
  }, [channel, report]);
  useEffect(read, [read, changes]);
  // A withdrawal since: what the last export said is no longer the list shown.
  useEffect(() => setSaid(''), [changes]);
  useAfterSync(read);

  const show = (c: ConsentChannel) => {
    if (c === channel) return;
    setList(null);
    setAsking(false);
    setSaid('');
    setChannel(c);
  };
  const exportList = async () => {
    setBusy(true);
    try {
      const out = await call('promotions.export', { channel });
      const name = exportFileName(channel);
      if (out.count > 0) download(name, out.csv);
      setSaid(out.count > 0 ? t('customers.promotions.exported', { count: out.count, file: name }) : t('customers.promotions.nothing'));
      setAsking(false);
    } catch (e) {
      report(e);
    }
    setBusy(false);
  };

  const channelName = t(`customers.channel.${channel}`);
  return (
    <div className="promotions" data-testid="promotions">
      <div className="promotions-head">
        <div role="tablist" className="tabs" aria-label={t('customers.promotions.channels')}>
          {CONSENT_CHANNELS.map((c) => (
            <button key={c} type="button" role="tab" aria-selected={channel === c} onClick={() => show(c)} data-testid={`promotions-${c}`}>
              {t(`customers.channel.${c}`)}
            </button>
          ))}
        </div>
        <span className="spacer" />
        {mayExport && (
          <button
            type="button"
            disabled={list === null || list.total === 0 || asking}
            onClick={() => {
              setSaid('');
              setAsking(true);
            }}
            data-testid="promotions-export"
          >
            {t('customers.promotions.export')}
          </button>
        )}
      </div>
      <p className="promotions-total" data-testid="promotions-total" data-total={list?.total ?? ''}>
        {list === null ? t('customers.promotions.loading') : t('customers.promotions.total', { count: list.total, channel: channelName })}
      </p>
      {asking && list && (
        <div
          role="alertdialog"
          aria-labelledby="export-question"
          aria-describedby="export-audit"
          className="bulk-confirm"
          data-testid="export-confirm"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setAsking(false);
            }
          }}
        >
          <p id="export-question">
            {t(channel === 'email' ? 'customers.promotions.askEmail' : 'customers.promotions.askPhone', { count: list.total })}
          </p>
          <span id="export-audit" className="small">
            {t('customers.promotions.audited')}
          </span>
          <button type="button" className="primary" disabled={busy} onClick={() => void exportList()}>
            {t('customers.promotions.confirm')}
          </button>
          <button type="button" disabled={busy} onClick={() => setAsking(false)}>
            {t('customers.cancel')}
          </button>
        </div>
      )}
      <div role="status" className="ok small" data-testid="promotions-said">
        {said}
      </div>
      {list !== null && list.total === 0 ? (
        <p className="empty-state">{t('customers.promotions.empty', { channel: channelName })}</p>
      ) : (
        <ul className="customer-list" aria-label={t('customers.promotions.listLabel', { channel: channelName })}>
          {(list?.rows ?? []).map((r) => (
            <li key={r.customerId}>
              <button
                type="button"
                className={`customer-row${r.customerId === openId ? ' selected' : ''}`}
                aria-current={r.customerId === openId}
                onClick={() => onOpen(r.customerId)}
                data-testid="promotion-row"
                data-id={r.customerId}
              >
                <span className="customer-row-top">
                  <strong className="customer-row-name">{r.name}</strong>
                  <span className="spacer" />
                  <span className="muted small">{t('customers.promotions.since', { time: formatDateTime(r.since) })}</span>
                </span>
                <span className="customer-row-contacts small">
                  {r.contact ? <span className="mono">{r.contact}</span> : <span className="muted">{t('customers.noContact')}</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {list !== null && list.rows.length < list.total && (
        <p className="muted small promotions-more">{t('customers.promotions.shown', { shown: list.rows.length, count: list.total })}</p>
      )}
    </div>
  );
}
