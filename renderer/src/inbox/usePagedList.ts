/**
 * A lazily paged view of a long list: the virtual list asks for the rows it is about to show and only
 * those pages are fetched, so 100,000 rows cost a few pages of memory and requests. A refresh (after a sync
 * or a change) re-reads the pages on screen and swaps them in together, so the list never mixes rows from
 * before and after, and drops the others (they are fetched again when scrolled to); `revision` counts the
 * refreshes that landed, for the list to keep its place.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../api/client.ts';
import { method, type Filters, type InboxApi, type Row } from './kinds.ts';

export const PAGE_SIZE = 100;

export function usePagedList(api: InboxApi, filters: Filters, onError: (e: unknown) => void) {
  const [total, setTotal] = useState<number | null>(null);
  const [revision, setRevision] = useState(0);
  const [, setTick] = useState(0);
  const pages = useRef(new Map<number, Row[]>());
  const inFlight = useRef(new Set<number>());
  // The pages the list last asked for: what is on screen, and what a refresh re-reads.
  const onScreen = useRef<number[]>([0]);
  // Answers fetched before the filters changed or a refresh started are dropped: the epoch moves with both.
  const epoch = useRef(0);
  const key = JSON.stringify(filters);

  const query = useCallback(
    (name: 'list' | 'relist', page: number) =>
      call(method(api, name), { ...(JSON.parse(key) as Filters), offset: page * PAGE_SIZE, limit: PAGE_SIZE }),
    [api, key],
  );

  const fetchPage = useCallback(
    (page: number) => {
      if (inFlight.current.has(page)) return;
      inFlight.current.add(page);
      const at = epoch.current;
      query('list', page)
        .then((r) => {
          if (at !== epoch.current) return;
          pages.current.set(page, r.rows);
          setTotal(r.total);
          setTick((n) => n + 1);
        }, onError)
        .finally(() => at === epoch.current && inFlight.current.delete(page));
    },
    [query, onError],
  );

  useEffect(() => {
    epoch.current++;
    pages.current.clear();
    inFlight.current.clear();
    onScreen.current = [0];
    setTotal(null);
    fetchPage(0);
  }, [fetchPage]);

  /** Makes sure the pages covering rows [from, to] are loaded or loading. */
  const ensure = useCallback(
    (from: number, to: number) => {
      const wanted: number[] = [];
      for (let p = Math.floor(from / PAGE_SIZE); p <= Math.floor(to / PAGE_SIZE); p++) wanted.push(p);
      onScreen.current = wanted;
      for (const p of wanted) if (!pages.current.has(p)) fetchPage(p);
    },
    [fetchPage],
  );

  /** Re-reads the pages on screen in place, all at once; the scroll position is the list's to keep. */
  const refresh = useCallback(async () => {
    const at = ++epoch.current;
    const wanted = onScreen.current;
    inFlight.current.clear();
    try {
      const answers = await Promise.all(wanted.map((p) => query('relist', p)));
      if (at !== epoch.current) return;
      pages.current = new Map(wanted.map((p, i) => [p, answers[i]!.rows]));
      // The list may have scrolled on while the refresh was under way.
      for (const p of onScreen.current) if (!pages.current.has(p)) fetchPage(p);
      setTotal(answers[0]!.total);
      setRevision((n) => n + 1);
    } catch (e) {
      onError(e);
    }
  }, [query, fetchPage, onError]);

  const rowAt = (i: number): Row | undefined => pages.current.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE];
  /** Where a submission is in the rows loaded so far; -1 when it is not among them. */
  const indexOf = (id: string | null): number => {
    if (!id) return -1;
    for (const [p, rows] of pages.current) {
      const i = rows.findIndex((r) => r.id === id);
      if (i >= 0) return p * PAGE_SIZE + i;
    }
    return -1;
  };
  return { total, revision, rowAt, indexOf, ensure, refresh };
}
