/**
 * "Khách hàng", for directors and operators: find a customer by their whole email or phone number (any of its
 * forms) or a part of their name (marks not needed), among those the person's inboxes name, and open their page
 * beside the list: the masked card, their consents (with the promotion inbox), their data requests (directors),
 * what they sent. The search runs on Enter or once typing pauses; each one is audited (who was found, never what was
 * typed). ↑/↓ in the list, or j/k anywhere but a field, move; Enter opens. With the promotion inbox (directors
 * hold it) a second tab lists who may be sent a promotion on each channel. Directors have a third, "Trùng lặp":
 * customers sharing an email or a phone number, two of whom are compared beside before a merge.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../main/api/contract.ts';
import { mayUseInbox } from '../../../common/roles.ts';
import { call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { isTyping } from '../components/ShortcutsHelp.tsx';
import { formatDate } from '../format/dates.ts';
import { CustomerPage } from './CustomerPage.tsx';
import { DuplicatesList } from './DuplicatesList.tsx';
import { MergePreview } from './MergePreview.tsx';
import { PromotionList } from './PromotionList.tsx';
import type { DuplicateCustomer, Found } from './vocab.ts';
import './customers.css';

type Person = Output<'auth.signIn'>;
type Tab = 'find' | 'promotions' | 'duplicates';
/** The search runs this long after the last key, or at once on Enter. */
const DEBOUNCE_MS = 300;
/** Fewer characters than this (spaces aside) find nothing: a name needs two letters, an email or phone is longer. */
const MIN_CHARS = 2;

type Search = { state: 'idle' } | { state: 'short' } | { state: 'searching' } | { state: 'done'; rows: Found[] };

export function CustomersScreen({
  person,
  shortcutsEnabled,
  onOpenRequests,
}: {
  person: Person;
  shortcutsEnabled: boolean;
  /** Opens the Requests screen (directors). */
  onOpenRequests?: () => void;
}) {
  const { t } = useTranslation();
  const report = useReport();
  const mayPromotions = mayUseInbox(person, 'promotion');
  const tabs: Tab[] = [
    'find',
    ...(mayPromotions ? ['promotions' as const] : []),
    ...(person.role === 'director' ? ['duplicates' as const] : []),
  ];
  const [tab, setTab] = useState<Tab>('find');
  const [text, setText] = useState('');
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const [openId, setOpenId] = useState<string | null>(null);
  // The two records compared on the "Trùng lặp" tab.
  const [pair, setPair] = useState<[DuplicateCustomer, DuplicateCustomer] | null>(null);
  // Moves when a consent is withdrawn on a page, for the promotion list to read itself again.
  const [changes, setChanges] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const asked = useRef(0);

  const run = useCallback(
    (typed: string) => {
      const n = ++asked.current;
      if (typed.trim() === '') return setSearch({ state: 'idle' });
      if (typed.replace(/\s/g, '').length < MIN_CHARS) return setSearch({ state: 'short' });
      setSearch({ state: 'searching' });
      call('customers.search', { text: typed.trim() }).then(
        (rows) => n === asked.current && setSearch({ state: 'done', rows }),
        (e: unknown) => {
          if (n !== asked.current) return;
          setSearch({ state: 'idle' });
          report(e);
        },
      );
    },
    [report],
  );
  // Typing pauses: search. The last search typed wins over one still answering.
  const lastRun = useRef('');
  useEffect(() => {
    if (text === lastRun.current) return;
    const timer = setTimeout(() => {
      if (text === lastRun.current) return; // Enter ran it already
      lastRun.current = text;
      run(text);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, run]);
  useEffect(() => input.current?.focus(), []);

  const rows = search.state === 'done' ? search.rows : [];
  const buttons = () => [...(list.current?.querySelectorAll<HTMLButtonElement>('button.customer-row') ?? [])];
  const step = (by: 1 | -1) => {
    const all = buttons();
    if (all.length === 0) return;
    const focused = all.findIndex((b) => b === document.activeElement);
    const at = focused >= 0 ? focused : rows.findIndex((r) => r.id === openId);
    all[Math.min(Math.max(at < 0 ? 0 : at + by, 0), all.length - 1)]?.focus();
  };

  // j/k anywhere on the screen but a field; the arrows in the list and from the search field (onListKey, onInputKey).
  useEffect(() => {
    if (!shortcutsEnabled || tab !== 'find') return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (e.key === 'j' || e.key === 'k') {
        e.preventDefault();
        step(e.key === 'j' ? 1 : -1);
      } else if (e.key === '/') {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  const onListKey = (e: ReactKeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const all = buttons();
      if (e.key === 'ArrowUp' && all[0] === document.activeElement) input.current?.focus();
      else step(e.key === 'ArrowDown' ? 1 : -1);
    }
  };
  const onInputKey = (e: ReactKeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      lastRun.current = text;
      run(text);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      buttons()[0]?.focus();
    }
  };

  return (
    <section className="pane customers" aria-labelledby="customers-heading">
      <header className="customers-head">
        <h2 id="customers-heading">{t('customers.title')}</h2>
        {tabs.length > 1 && (
          <div role="tablist" className="tabs" aria-label={t('customers.tabs')}>
            {tabs.map((v) => (
              <button
                key={v}
                type="button"
                role="tab"
                aria-selected={tab === v}
                onClick={() => setTab(v)}
                data-testid={`customers-tab-${v}`}
              >
                {t(`customers.tab_${v}`)}
              </button>
            ))}
          </div>
        )}
        {tab === 'find' && <span className="muted small">{t('customers.keys')}</span>}
      </header>
      <div className="customers-body">
        <div className="customers-list-pane">
          {tab === 'find' ? (
            <>
              <div className="customers-search">
                <input
                  ref={input}
                  type="search"
                  className="search"
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  onKeyDown={onInputKey}
                  placeholder={t('customers.searchPlaceholder')}
                  aria-label={t('customers.searchLabel')}
                  data-testid="customers-search"
                  maxLength={254}
                />
                <p className="muted small customers-search-note">{t('customers.searchNote')}</p>
              </div>
              <div role="status" className="customers-search-state" data-testid="customers-search-state" data-state={search.state}>
                {search.state === 'short' ? (
                  <p className="muted">{t('customers.tooShort')}</p>
                ) : search.state === 'searching' ? (
                  <p className="muted">{t('customers.searching')}</p>
                ) : search.state === 'done' && rows.length === 0 ? (
                  <p className="empty-state">{t('customers.none')}</p>
                ) : search.state === 'done' ? (
                  <p className="muted small">{t('customers.found', { count: rows.length })}</p>
                ) : null}
              </div>
              {rows.length > 0 && (
                <ul ref={list} className="customer-list" aria-label={t('customers.results')} onKeyDown={onListKey}>
                  {rows.map((c) => (
                    <li key={c.id}>
                      <FoundRow row={c} current={c.id === openId} onOpen={() => setOpenId(c.id)} />
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : tab === 'promotions' ? (
            <PromotionList mayExport={person.role === 'director'} changes={changes} openId={openId} onOpen={(id) => setOpenId(id)} />
          ) : (
            <DuplicatesList pair={pair} onCompare={setPair} />
          )}
        </div>
        <div className="customers-detail-pane">
          {tab === 'duplicates' ? (
            pair ? (
              <MergePreview key={pair.map((c) => c.id).join(',')} pair={pair} />
            ) : (
              <p className="empty-state">{t('customers.duplicates.pick')}</p>
            )
          ) : openId ? (
            <CustomerPage
              key={openId}
              id={openId}
              onWithdrawn={() => setChanges((n) => n + 1)}
              onOpenRequests={person.role === 'director' ? onOpenRequests : undefined}
            />
          ) : (
            <p className="empty-state">{t('customers.pick')}</p>
          )}
        </div>
      </div>
    </section>
  );
}

function FoundRow({ row: c, current, onOpen }: { row: Found; current: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={`customer-row${current ? ' selected' : ''}`}
      aria-current={current}
      onClick={onOpen}
      data-testid="customer-row"
      data-id={c.id}
    >
      <span className="customer-row-top">
        <strong className="customer-row-name">{c.name}</strong>
        {c.erased && (
          <span className="badge customer-erased-badge" data-testid="customer-row-erased">
            {t('customers.erasedBadge')}
          </span>
        )}
        <span className="spacer" />
        <span className="muted small">{t('customers.since', { date: formatDate(c.since) })}</span>
      </span>
      <span className="customer-row-contacts small">
        {c.email && <span className="mono">{c.email}</span>}
        {c.phone && <span className="mono">{c.phone}</span>}
        {!c.email && !c.phone && <span className="muted">{t('customers.noContact')}</span>}
      </span>
    </button>
  );
}
