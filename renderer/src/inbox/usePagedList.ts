/**
 * A lazily paged view of a long list: the virtual list asks for the rows it is about to show and only
 * those pages are fetched, so 100,000 rows cost a few pages of memory and requests.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input, Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';

export type Row = Output<'complaints.list'>['rows'][number];
export type Filters = Omit<Input<'complaints.list'>, 'offset' | 'limit'>;
export const PAGE_SIZE = 100;

export function usePagedList(filters: Filters, onError: (e: unknown) => void) {
  const [total, setTotal] = useState<number | null>(null);
  const [, setTick] = useState(0);
  const pages = useRef(new Map<number, Row[]>());
  const inFlight = useRef(new Set<number>());
  // Answers to an older filter set are dropped: the generation changes with every new filter.
  const generation = useRef(0);
  const key = JSON.stringify(filters);

  const fetchPage = useCallback(
    (page: number) => {
      if (inFlight.current.has(page)) return;
      inFlight.current.add(page);
      const gen = generation.current;
      call('complaints.list', { ...filters, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
        .then((r) => {
          if (gen !== generation.current) return;
          pages.current.set(page, r.rows);
          setTotal(r.total);
          setTick((n) => n + 1);
        }, onError)
        .finally(() => inFlight.current.delete(page));
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, onError],
  );

  useEffect(() => {
    generation.current++;
    pages.current.clear();
    inFlight.current.clear();
    setTotal(null);
    fetchPage(0);
  }, [fetchPage]);

  /** Makes sure the pages covering rows [from, to] are loaded or loading. */
  const ensure = useCallback(
    (from: number, to: number) => {
      for (let p = Math.floor(from / PAGE_SIZE); p <= Math.floor(to / PAGE_SIZE); p++) if (!pages.current.has(p)) fetchPage(p);
    },
    [fetchPage],
  );

  /** Refetches the loaded pages in place (after a change), keeping the scroll position. */
  const refresh = useCallback(() => {
    for (const p of [...pages.current.keys()]) {
      inFlight.current.delete(p);
      fetchPage(p);
    }
  }, [fetchPage]);

  const rowAt = (i: number): Row | undefined => pages.current.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE];
  return { total, rowAt, ensure, refresh };
}
