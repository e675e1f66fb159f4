/**
 * "Yêu cầu về dữ liệu", for directors: customers' requests about their own data (change their details, delete
 * their account, withdraw a consent, have a copy), open ones due soonest first with their legal clocks counting on
 * every row, decided ones latest first. j/k (or the arrows in the list) move, Enter or a click opens one in the
 * detail pane beside; "Ghi nhận yêu cầu" logs one taken by email, phone or at the counter. Re-read passively
 * after a sync and after each action here.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.ts';
import { useAfterSync } from '../api/desk-status.tsx';
import { useReport } from '../components/Notices.tsx';
import { isTyping } from '../components/ShortcutsHelp.tsx';
import { formatDateTime } from '../format/dates.ts';
import { ackDue, completionDue, isOpen, type RequestRow } from './clock.ts';
import { LogRequest } from './LogRequest.tsx';
import { RequestDetail } from './RequestDetail.tsx';
import { useRequestCounts } from './request-counts.tsx';
import './requests.css';

type Filter = 'open' | 'closed';
const FILTERS: readonly Filter[] = ['open', 'closed'];
/** The clocks are re-said this often, so the time left moves while the screen is open. */
const TICK_MS = 30_000;

export function useNow(every = TICK_MS): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), every);
    return () => clearInterval(timer);
  }, [every]);
  return now;
}

export function RequestsScreen({ shortcutsEnabled }: { shortcutsEnabled: boolean }) {
  const { t } = useTranslation();
  const report = useReport();
  const now = useNow();
  const [filter, setFilter] = useState<Filter>('open');
  const [rows, setRows] = useState<RequestRow[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [logging, setLogging] = useState(false);
  const [notice, setNotice] = useState('');
  const list = useRef<HTMLUListElement>(null);
  // The open tab's count is the navigation's (request-counts.tsx), read on the same syncs and changes.
  const openCount = useRequestCounts()?.open ?? null;

  const [elsewhere, setElsewhere] = useState<RequestRow | null>(null);
  const openIdNow = useRef(openId);
  openIdNow.current = openId;
  const read = useCallback(() => {
    let live = true;
    // The open request left this tab (decided here, or elsewhere): its row in the other tab still says when it
    // changes, so an erasure that lands after its completion is shown without opening it again. Both lists land
    // together, so the open request is read again only when its row changed.
    call('requests.list', { filter })
      .then(async (r) => {
        const id = openIdNow.current;
        const other =
          id !== null && !r.some((row) => row.id === id)
            ? ((await call('requests.list', { filter: filter === 'open' ? 'closed' : 'open' })).find((row) => row.id === id) ?? null)
            : null;
        if (!live) return;
        setRows(r);
        setElsewhere(other);
      })
      .catch(report);
    return () => {
      live = false;
    };
  }, [filter, report]);
  useEffect(read, [read]);
  useAfterSync(read);
  // The open request is read again (an audited call, never a passive one) only when its row says it changed: a
  // sync that brought nothing new for it neither records another view nor keeps an idle session awake.
  // An action here changes its row too (acknowledged, extended, verified, emailed, decided and gone from the open tab), which has it read.
  const lastVersion = useRef('');
  const openRow = rows?.find((r) => r.id === openId) ?? (elsewhere?.id === openId ? elsewhere : undefined);
  if (rows !== null)
    lastVersion.current = openRow
      ? `${openRow.status}|${openRow.extensionDays}|${openRow.verified}|${openRow.mailStates.join()}|${openRow.customerName}`
      : 'elsewhere';
  const version = lastVersion.current;

  const focusRow = (at: number) => {
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button.request-row');
    if (!buttons || buttons.length === 0) return;
    buttons[Math.min(Math.max(at, 0), buttons.length - 1)]?.focus();
  };
  /** The row with the focus, else the open one, else none (-1). */
  const currentAt = () => {
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('button.request-row') ?? [])];
    const focused = buttons.findIndex((b) => b === document.activeElement);
    return focused >= 0 ? focused : (rows ?? []).findIndex((r) => r.id === openId);
  };
  const step = (by: 1 | -1) => {
    const at = currentAt();
    focusRow(at < 0 ? 0 : at + by);
  };

  // j/k anywhere on the screen (not while typing, nor under a dialog); the arrows in the list (onListKey).
  useEffect(() => {
    if (!shortcutsEnabled || logging) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (e.key === 'j' || e.key === 'k') {
        e.preventDefault();
        step(e.key === 'j' ? 1 : -1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  const onListKey = (e: ReactKeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      step(e.key === 'ArrowDown' ? 1 : -1);
    }
  };

  const showTab = (f: Filter) => {
    if (f === filter) return;
    setRows(null);
    setFilter(f);
  };

  return (
    <section className="pane requests" aria-labelledby="requests-heading">
      <header className="requests-head">
        <h2 id="requests-heading">{t('requests.title')}</h2>
        <div role="tablist" className="tabs" aria-label={t('requests.tabs')}>
          {FILTERS.map((f) => (
            <button
              key={f}
              type="button"
              role="tab"
              aria-selected={filter === f}
              onClick={() => showTab(f)}
              data-testid={`requests-tab-${f}`}
            >
              {t(`requests.tab_${f}`)}
              {f === 'open' && openCount !== null && <span className="tab-count"> ({openCount})</span>}
            </button>
          ))}
        </div>
        <span className="muted small">{t('requests.keys')}</span>
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => setLogging(true)}>
          {t('requests.log.open')}
        </button>
      </header>
      <p className="muted small requests-intro">{t('requests.intro')}</p>
      <div role="status" className="ok small" data-testid="requests-notice">
        {notice}
      </div>
      <div className="requests-body">
        <div className="requests-list-pane">
          {rows === null ? (
            <p className="muted">{t('requests.loading')}</p>
          ) : rows.length === 0 ? (
            <p className="empty-state">{t(`requests.empty_${filter}`)}</p>
          ) : (
            <ul ref={list} className="request-list" aria-label={t(`requests.tab_${filter}`)} onKeyDown={onListKey}>
              {rows.map((r) => (
                <li key={r.id}>
                  <RequestRowButton row={r} now={now} current={r.id === openId} onOpen={() => setOpenId(r.id)} />
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="requests-detail-pane">
          {openId ? (
            <RequestDetail
              key={openId}
              id={openId}
              now={now}
              version={version}
              onChanged={(said) => {
                if (said) setNotice(said);
                read();
              }}
            />
          ) : (
            <p className="empty-state">{t('requests.pick')}</p>
          )}
        </div>
      </div>
      {logging && (
        <LogRequest
          onClose={() => setLogging(false)}
          onLogged={(id) => {
            setLogging(false);
            setNotice(t('requests.log.done'));
            if (filter !== 'open') showTab('open');
            else read();
            setOpenId(id);
          }}
        />
      )}
    </section>
  );
}

function RequestRowButton({ row: r, now, current, onOpen }: { row: RequestRow; now: number; current: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  const ack = ackDue(t, r, now);
  const done = completionDue(t, r, now);
  const late = isOpen(r.status) && (ack.late || done.late);
  return (
    <button
      type="button"
      className={`request-row${current ? ' selected' : ''}${late ? ' late' : ''}`}
      aria-current={current}
      onClick={onOpen}
      data-testid="request-row"
      data-id={r.id}
    >
      <span className="request-row-top">
        <strong>{t(`requests.type.${r.type}`)}</strong>
        <span className="request-customer">{r.customerName}</span>
        <span className="badge">{t(`requests.channel.${r.channel}`)}</span>
        {!isOpen(r.status) && <span className={`badge request-status-${r.status}`}>{t(`requests.status.${r.status}`)}</span>}
        {r.thirdParty && <span className="badge">{t('requests.thirdPartyShort')}</span>}
      </span>
      <span className="request-row-clocks small">
        <span className="muted">{t('requests.received', { time: formatDateTime(r.requestedAt) })}</span>
        <span className={ack.late ? 'due late' : 'due'} data-testid="request-ack">
          {ack.late && <span aria-hidden="true">⚠ </span>}
          {t('requests.ackDue', { due: ack.text })}
        </span>
        <span className={done.late ? 'due late' : 'due'} data-testid="request-completion">
          {done.late && <span aria-hidden="true">⚠ </span>}
          {t('requests.completionDue', { due: done.text })}
        </span>
        {r.extensionDays !== null && <span className="muted">{t('requests.extendedShort', { count: r.extensionDays })}</span>}
      </span>
    </button>
  );
}
