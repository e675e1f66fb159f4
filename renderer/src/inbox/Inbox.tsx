/**
 * The three-pane inbox of one submission kind (kinds.ts): filters and list, the open submission with its
 * timeline, the customer card. What is open is a submission id, chosen by the person (click, j/k, Enter in
 * search); a refresh of the list (after a sync or a change) never changes it. Search results come in time
 * order only: while there is search text the sort offers newest and oldest, and a person who sorted by due
 * date or priority sees newest first with a hint, their sort coming back when the search is cleared.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_SORTS, SORTS, type Sort } from '../../../common/vocabulary/submissions.ts';
import type { Output } from '../../../main/api/contract.ts';
import { BackdeskError, call } from '../api/client.ts';
import { useAfterSync } from '../api/desk-status.tsx';
import { useReport } from '../components/Notices.tsx';
import { isTyping } from '../components/ShortcutsHelp.tsx';
import { StatusOptions } from '../components/StatusOptions.tsx';
import { Drafts, type Composers } from './Composer.tsx';
import { INBOX_KINDS, method, type Filters, type InboxKind } from './kinds.ts';
import { SubmissionDetail, type Change, type Editor } from './SubmissionDetail.tsx';
import { SubmissionList } from './SubmissionList.tsx';
import { useOpenSubmission } from './useOpenSubmission.ts';
import { usePagedList } from './usePagedList.ts';

export function Inbox({ kind, person, shortcutsEnabled }: { kind: InboxKind; person: Output<'auth.signIn'>; shortcutsEnabled: boolean }) {
  const config = INBOX_KINDS[kind];
  const { api, words } = config;
  const { t } = useTranslation();
  const report = useReport();
  const [typed, setTyped] = useState('');
  const [filters, setFilters] = useState<Filters>({ sort: 'newest' });
  const [openId, setOpenId] = useState<string | null>(null);
  // The sort the person chose, and the one the list uses: newest while searching when theirs is not a time order.
  const chosenSort = filters.sort ?? 'newest';
  const searching = filters.text !== undefined;
  const timeOrderOnly = searching && !(SEARCH_SORTS as readonly Sort[]).includes(chosenSort);
  const sort = timeOrderOnly ? 'newest' : chosenSort;
  const list = usePagedList(api, { ...filters, sort }, report);
  const { detail, reload } = useOpenSubmission(api, openId, report);
  const searchRef = useRef<HTMLInputElement>(null);
  const composers: Composers = { note: useRef<HTMLTextAreaElement>(null), reply: useRef<HTMLTextAreaElement>(null) };
  const editor: Editor = useRef(null);
  const stepper: Editor = useRef(null);
  const [drafts] = useState(() => new Drafts());

  // Search as the person types, once they pause.
  useEffect(() => {
    const timer = setTimeout(
      () => setFilters((f) => (f.text === (typed.trim() || undefined) ? f : { ...f, text: typed.trim() || undefined })),
      250,
    );
    return () => clearTimeout(timer);
  }, [typed]);

  // Enter in the search box opens the first result of the search, once its rows are in.
  const [openFirst, setOpenFirst] = useState(false);
  const firstId = list.total === null ? undefined : (list.rowAt(0)?.id ?? null);
  useEffect(() => {
    if (!openFirst || firstId === undefined) return;
    setOpenFirst(false);
    if (firstId) setOpenId(firstId);
  }, [openFirst, firstId]);
  const onSearchKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    e.currentTarget.blur();
    const text = typed.trim() || undefined;
    if (filters.text !== text) setFilters((f) => ({ ...f, text }));
    setOpenFirst(true);
  };

  // A sync that landed brings new rows and new states in.
  const { refresh } = list;
  useAfterSync(
    useCallback(() => {
      void refresh();
      void reload();
    }, [refresh, reload]),
  );

  /** Runs a change, then shows its result; a stale edit reloads the current state so the person sees why. */
  const change: Change = useCallback(
    async (run) => {
      try {
        await run();
      } catch (e) {
        report(e, words);
        if (!(e instanceof BackdeskError && e.code === 'stale')) return false;
      }
      await Promise.all([reload(), refresh()]);
      return true;
    },
    [reload, refresh, report, words],
  );

  /**
   * j/k: the next or previous row from the open one, among the rows loaded. The list follows the open row, and
   * showing the last rows loaded fetches the next page, so stepping goes on past them; j on the last row
   * loaded while that page is on its way moves on when it is in.
   */
  const stepAfterPage = useRef<string | null>(null);
  const step = (by: 1 | -1) => {
    stepAfterPage.current = null;
    const at = list.indexOf(openId);
    if (by === 1 && at >= 0 && at === list.loadedCount - 1 && list.more) {
      stepAfterPage.current = openId;
      list.ensure(at);
      return;
    }
    const next = at < 0 ? 0 : Math.min(Math.max(at + by, 0), list.loadedCount - 1);
    const row = list.rowAt(next);
    if (row) setOpenId(row.id);
  };
  useEffect(() => {
    const waiting = stepAfterPage.current;
    if (waiting === null) return;
    const at = list.indexOf(waiting);
    if (waiting !== openId || at < 0) stepAfterPage.current = null;
    else if (at < list.loadedCount - 1) {
      stepAfterPage.current = null;
      setOpenId(list.rowAt(at + 1)!.id);
    }
  }, [list, openId]);
  useEffect(() => {
    if (!shortcutsEnabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTyping(e.target)) {
        if (e.key === 'Escape') (e.target as HTMLElement).blur();
        return;
      }
      const actions: Record<string, () => void> = {
        j: () => step(1),
        k: () => step(-1),
        '/': () => searchRef.current?.focus(),
        n: () => composers.note.current?.focus(),
        r: () => composers.reply.current?.focus(),
        i: () => editor.current?.(),
        b: () => stepper.current?.(),
        e: () => {
          if (!detail || detail.status === 'closed') return;
          const { id, version } = detail;
          void change(() => call(method(api, 'setStatus'), { id, version, status: 'closed' }));
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
      <section className="pane list-pane" aria-label={t(`${words}.nav`)}>
        <div className="filters">
          <input
            ref={searchRef}
            type="search"
            className="search"
            aria-label={t(`${words}.searchLabel`)}
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
            <select aria-label={t('inbox.sort')} value={sort} onChange={(e) => setFilter('sort', e.target.value as Sort)}>
              {(searching ? SEARCH_SORTS : SORTS).map((s) => (
                <option key={s} value={s}>
                  {t(`sort.${s}`)}
                </option>
              ))}
            </select>
          </div>
          {timeOrderOnly && (
            <div className="muted small sort-hint" data-testid="sort-hint">
              {t('inbox.searchTimeOrder')}
            </div>
          )}
          <div className="muted count" data-testid="result-count">
            {list.total === null ? '…' : t(`${words}.${list.total.exact ? 'count' : 'countMore'}`, { count: list.total.n })}
          </div>
        </div>
        {list.total?.n === 0 ? (
          <p className="empty-state">{t(`${words}.empty`)}</p>
        ) : (
          <SubmissionList
            label={t(`${words}.listLabel`)}
            count={list.loadedCount + (list.more ? 1 : 0)}
            revision={list.revision}
            rowAt={list.rowAt}
            indexOf={list.indexOf}
            ensure={list.ensure}
            openId={openId}
            onOpen={setOpenId}
          />
        )}
      </section>
      {detail ? (
        <SubmissionDetail
          key={detail.id}
          kind={kind}
          config={config}
          detail={detail}
          composers={composers}
          editor={editor}
          stepper={stepper}
          drafts={drafts}
          change={change}
        />
      ) : (
        <section className="pane detail-pane">
          <p className="empty-state">{openId ? t(`${words}.loading`) : t(`${words}.choose`)}</p>
        </section>
      )}
    </div>
  );
}
