/**
 * The three-pane inbox of one submission kind (kinds.ts): filters and list, the open submission with its
 * timeline, the customer card. What is open is a submission id, chosen by the person (click, j/k, Enter in
 * search); a refresh of the list (after a sync or a change) never changes it. Search results come in time
 * order only: while there is search text the sort offers newest and oldest, and a person who sorted by due
 * date or priority sees newest first with a hint, their sort coming back when the search is cleared. One tag may
 * narrow the list too, with every other filter and sort; the count is the tag's within them. The person's saved views
 * of this inbox sit under the filters (palette/SavedViews.tsx): opening one, here or from the command palette, puts
 * the inbox in exactly its filters.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_SORTS, searchable, shownSort, SORTS, type Sort } from '../../../common/vocabulary/submissions.ts';
import type { Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { StatusOptions } from '../components/StatusOptions.tsx';
import { useShortcuts } from '../components/useShortcuts.ts';
import { SavedViews } from '../palette/SavedViews.tsx';
import { useTags } from '../replies/tags.tsx';
import { DetailPane, useDetailPane } from './DetailPane.tsx';
import { INBOX_KINDS, method, type Filters, type InboxKind, type Row } from './kinds.ts';
import { InboxRow, SubmissionList } from './SubmissionList.tsx';
import { useListStep } from './useListStep.ts';
import { usePagedList } from './usePagedList.ts';

export function Inbox({
  kind,
  person,
  shortcutsEnabled,
  opening,
}: {
  kind: InboxKind;
  person: Output<'auth.signIn'>;
  shortcutsEnabled: boolean;
  /**
   * Chosen elsewhere (a customer's history, the command palette), applied each time a new one is asked for: a
   * submission of this inbox to open, and/or filters to show it in exactly (a saved view).
   */
  opening: { id: string | null; filters?: Filters } | null;
}) {
  const config = INBOX_KINDS[kind];
  const { api, words } = config;
  const { t } = useTranslation();
  const report = useReport();
  const [typed, setTyped] = useState(opening?.filters?.text ?? '');
  const [filters, setFilters] = useState<Filters>(opening?.filters ?? { sort: 'newest' });
  const [openId, setOpenId] = useState<string | null>(opening?.id ?? null);
  // The search box and the filters move together, so the typing pause below finds nothing to change.
  const showFilters = useCallback((next: Filters) => {
    setFilters(next);
    setTyped(next.text ?? '');
  }, []);
  useEffect(() => {
    if (!opening) return;
    if (opening.filters) showFilters(opening.filters);
    if (opening.id !== null || opening.filters) setOpenId(opening.id);
  }, [opening, showFilters]);
  // The sort the person chose, and the one the list uses: newest while searching when theirs is not a time order.
  const chosenSort = filters.sort ?? 'newest';
  const searching = filters.text !== undefined;
  const timeOrderOnly = searching && !searchable(chosenSort);
  const sort = shownSort(chosenSort, searching);
  const listKey = JSON.stringify({ ...filters, sort });
  const read = useCallback(
    (passive: boolean, after: string | null, limit: number) =>
      call(method(api, passive ? 'relist' : 'list'), { ...(JSON.parse(listKey) as Filters), ...(after === null ? {} : { after }), limit }),
    [api, listKey],
  );
  const list = usePagedList(read, report);
  const pane = useDetailPane(config, openId, list.refresh);
  const searchRef = useRef<HTMLInputElement>(null);
  // The tags to filter by: read when the inbox opens and each time the person opens the list of them.
  const [tagsAsked, setTagsAsked] = useState(0);
  const tags = useTags(tagsAsked);

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

  const step = useListStep(
    list,
    listKey,
    openId,
    useCallback((row: Row) => setOpenId(row.id), []),
  );
  useShortcuts(shortcutsEnabled, {
    j: () => step(1),
    k: () => step(-1),
    '/': () => searchRef.current?.focus(),
    ...pane.keys,
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
            <select
              aria-label={t('replies.filter.label')}
              data-testid="tag-filter"
              value={filters.tag ?? ''}
              onFocus={() => setTagsAsked((n) => n + 1)}
              onChange={(e) => setFilter('tag', e.target.value || undefined)}
            >
              <option value="">{t('replies.filter.any')}</option>
              {tags
                .filter((tag) => !tag.archived)
                .map((tag) => (
                  <option key={tag.id} value={tag.id}>
                    {tag.name}
                  </option>
                ))}
              {/* Archived tags stay on older submissions, which the inbox still finds by them. */}
              {tags.some((tag) => tag.archived) && (
                <optgroup label={t('replies.filter.archived')}>
                  {tags
                    .filter((tag) => tag.archived)
                    .map((tag) => (
                      <option key={tag.id} value={tag.id}>
                        {tag.name}
                      </option>
                    ))}
                </optgroup>
              )}
            </select>
            <select aria-label={t('inbox.sort')} value={sort} onChange={(e) => setFilter('sort', e.target.value as Sort)}>
              {(searching ? SEARCH_SORTS : SORTS).map((s) => (
                <option key={s} value={s}>
                  {t(`sort.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <SavedViews kind={kind} filters={{ ...filters, text: typed.trim() || undefined }} onOpen={showFilters} />
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
          <SubmissionList list={list} openId={openId} onOpen={setOpenId} label={t(`${words}.listLabel`)} bulk={config}>
            {(row) => <InboxRow row={row} />}
          </SubmissionList>
        )}
      </section>
      <DetailPane
        kind={kind}
        config={config}
        pane={pane}
        preview={openId === null ? undefined : list.rowAt(list.indexOf(openId))}
        choose={t(`${words}.choose`)}
      />
    </div>
  );
}
