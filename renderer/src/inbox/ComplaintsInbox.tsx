/** The three-pane complaints inbox: filters and list, the complaint with its timeline, the customer card. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SORTS } from '../../../common/vocabulary/submissions.ts';
import type { Output } from '../../../main/api/contract.ts';
import { BackdeskError, call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { StatusOptions } from '../components/StatusOptions.tsx';
import { isTyping } from '../components/ShortcutsHelp.tsx';
import { ComplaintDetail, type Composers } from './ComplaintDetail.tsx';
import { ComplaintList } from './ComplaintList.tsx';
import { usePagedList, type Filters } from './usePagedList.ts';

type Detail = Output<'complaints.get'>;

export function ComplaintsInbox({ person, shortcutsEnabled }: { person: Output<'auth.signIn'>; shortcutsEnabled: boolean }) {
  const { t } = useTranslation();
  const report = useReport();
  const [typed, setTyped] = useState('');
  const [filters, setFilters] = useState<Filters>({ sort: 'newest' });
  const [selected, setSelected] = useState(-1);
  const [detail, setDetail] = useState<Detail | null>(null);
  const list = usePagedList(filters, report);
  const searchRef = useRef<HTMLInputElement>(null);
  const composers: Composers = { note: useRef<HTMLTextAreaElement>(null), reply: useRef<HTMLTextAreaElement>(null) };

  // Search as the person types, once they pause.
  useEffect(() => {
    const timer = setTimeout(
      () => setFilters((f) => (f.text === (typed.trim() || undefined) ? f : { ...f, text: typed.trim() || undefined })),
      250,
    );
    return () => clearTimeout(timer);
  }, [typed]);

  // Enter in the search box asks for the first result of the new search, once it is applied.
  const selectFirst = useRef(false);
  useEffect(() => {
    setSelected(selectFirst.current ? 0 : -1);
    selectFirst.current = false;
  }, [filters]);
  const onSearchKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    e.currentTarget.blur();
    const text = typed.trim() || undefined;
    if (filters.text === text) setSelected(0);
    else {
      selectFirst.current = true;
      setFilters((f) => ({ ...f, text }));
    }
  };

  const selectedId = selected >= 0 ? list.rowAt(selected)?.id : undefined;
  const load = useCallback(
    (id: string) =>
      call('complaints.get', { id }).then(setDetail, (e) => {
        setDetail(null);
        report(e);
      }),
    [report],
  );
  useEffect(() => {
    if (selectedId) void load(selectedId);
    else setDetail(null);
  }, [selectedId, load]);

  /** Runs a change, then shows its result; a stale edit reloads the current state so the person sees why. */
  const change = useCallback(
    async (run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (e) {
        report(e);
        if (!(e instanceof BackdeskError && e.code === 'stale')) return false;
      }
      if (detail) await load(detail.id);
      list.refresh();
      return true;
    },
    [detail, load, list, report],
  );

  const total = list.total ?? 0;
  useEffect(() => {
    if (!shortcutsEnabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTyping(e.target)) {
        if (e.key === 'Escape') (e.target as HTMLElement).blur();
        return;
      }
      const actions: Record<string, () => void> = {
        j: () => setSelected((s) => Math.min(s + 1, total - 1)),
        k: () => setSelected((s) => Math.max(s - 1, 0)),
        '/': () => searchRef.current?.focus(),
        n: () => composers.note.current?.focus(),
        r: () => composers.reply.current?.focus(),
        e: () => {
          if (detail && detail.status !== 'closed')
            void change(() => call('complaints.setStatus', { id: detail.id, version: detail.version, status: 'closed' }));
        },
      };
      const action = actions[e.key];
      if (action) {
        e.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const setFilter = <K extends keyof Filters>(k: K, v: Filters[K]) => setFilters((f) => ({ ...f, [k]: v }));
  return (
    <div className="inbox">
      <section className="pane list-pane" aria-label={t('nav.complaints')}>
        <div className="filters">
          <input
            ref={searchRef}
            type="search"
            className="search"
            aria-label={t('inbox.searchLabel')}
            placeholder={t('inbox.search')}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={onSearchKey}
          />
          <div className="filter-row">
            <select
              aria-label={t('detail.status')}
              value={filters.status ?? ''}
              onChange={(e) => setFilter('status', (e.target.value || undefined) as Filters['status'])}
            >
              <option value="">{t('inbox.allStatuses')}</option>
              <StatusOptions />
            </select>
            <select
              aria-label={t('detail.assignee')}
              value={filters.assignee ?? ''}
              onChange={(e) => setFilter('assignee', e.target.value || undefined)}
            >
              <option value="">{t('inbox.anyone')}</option>
              <option value={person.id}>{t('inbox.mine')}</option>
              <option value="unassigned">{t('inbox.unassigned')}</option>
            </select>
            <select
              aria-label={t('inbox.sort')}
              value={filters.sort}
              onChange={(e) => setFilter('sort', e.target.value as Filters['sort'])}
            >
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`sort.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="muted count" data-testid="result-count">
            {list.total === null ? '…' : t('inbox.count', { count: list.total })}
          </div>
        </div>
        {list.total === 0 ? (
          <p className="empty-state">{t('inbox.empty')}</p>
        ) : (
          <ComplaintList total={total} rowAt={list.rowAt} ensure={list.ensure} selected={selected} onSelect={setSelected} />
        )}
      </section>
      {detail ? (
        <ComplaintDetail key={detail.id} detail={detail} composers={composers} change={change} />
      ) : (
        <section className="pane detail-pane">
          <p className="empty-state">{selectedId ? t('detail.loading') : t('inbox.choose')}</p>
        </section>
      )}
    </div>
  );
}
