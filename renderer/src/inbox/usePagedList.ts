/**
 * A long list read a page at a time from the top, as the person scrolls (keyset pages: each page goes on
 * from the key of the last row before it, so rows arriving meanwhile never make a page skip or repeat one).
 * The rows loaded so far are one contiguous list from the first row; the next page is fetched when the
 * virtual list nears the end of them, one fetch at a time. A refresh (after a sync or a change) re-reads
 * from the top as many rows as were loaded, page after page, and swaps them in together, so the list never
 * mixes rows from before and after; `revision` counts the refreshes that landed, for the list to keep its
 * place. The total comes with the first page (exact, or "more than" for a search with many hits).
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export const PAGE_SIZE = 100;
/** The most rows one request may ask for (the contract's limit): a refresh re-reads in steps of this. */
const REFRESH_STEP = 500;
/** The next page is fetched when the list shows a row this close to the end of the loaded ones. */
const AHEAD = 30;

export interface Total {
  n: number;
  /** False when there are more than `n` (a search counts its hits up to a cap). */
  exact: boolean;
}

/** One page of a list, as the API answers it (an inbox's list, My work). */
export interface Page<R> {
  rows: R[];
  /** Where the next page starts; null when the last row is loaded. */
  next: string | null;
  total: Total | null;
}

/**
 * Reads the page after `after` (null: the first): `passive` for a refresh (relist, remine: a background read
 * that does not keep an idle session unlocked). A new function (other filters) starts the list again.
 */
export type PageReader<R> = (passive: boolean, after: string | null, limit: number) => Promise<Page<R>>;

export type PagedList<R extends { id: string }> = ReturnType<typeof usePagedList<R>>;

const empty = <R>(): Page<R> => ({ rows: [], next: null, total: null });

export function usePagedList<R extends { id: string }>(read: PageReader<R>, onError: (e: unknown) => void) {
  const [loaded, setLoaded] = useState<Page<R>>(empty);
  const [revision, setRevision] = useState(0);
  // The same state, for the callbacks that run between renders; replaced whole by a refresh or new filters.
  const current = useRef<Page<R>>(loaded);
  // Whether a page is on its way: one at a time, so the same page is never fetched twice at once.
  const fetching = useRef(false);
  // The last row the list shows: pages are fetched until the rows loaded reach well past it.
  const shown = useRef(0);
  // Answers fetched before the filters changed are dropped: the epoch moves with them.
  const epoch = useRef(0);
  // Only the latest refresh lands: an earlier one may have read the rows before the latest sync.
  const refreshes = useRef(0);

  /** Fetches the page after the rows loaded when the list shows a row near their end and there is one. */
  const fetchMore = useCallback(() => {
    const base = current.current;
    const first = base.rows.length === 0 && base.total === null;
    if (fetching.current || (!first && base.next === null) || shown.current < base.rows.length - AHEAD) return;
    fetching.current = true;
    const at = epoch.current;
    read(false, first ? null : base.next, PAGE_SIZE)
      .then(
        (page) => {
          // Rows re-read by a refresh (or for other filters) replaced the ones this page goes on from.
          if (at !== epoch.current || current.current !== base) return;
          current.current = { rows: [...base.rows, ...page.rows], next: page.next, total: first ? page.total : base.total };
          setLoaded(current.current);
        },
        (e: unknown) => at === epoch.current && onError(e),
      )
      .finally(() => {
        if (at !== epoch.current) return;
        fetching.current = false;
        // The list may have scrolled on, or a refresh may have replaced the rows, while this page was on its way.
        if (current.current !== base) fetchMore();
      });
  }, [read, onError]);

  useEffect(() => {
    epoch.current++;
    fetching.current = false;
    shown.current = 0;
    current.current = empty<R>();
    setLoaded(current.current);
    fetchMore();
  }, [fetchMore]);

  /** The list shows rows up to `last`: makes sure the rows after it are loaded or loading. */
  const ensure = useCallback(
    (last: number) => {
      shown.current = last;
      fetchMore();
    },
    [fetchMore],
  );

  /**
   * Re-reads from the top as many rows as are loaded (at least a page), then swaps them in at once; the scroll
   * position is the list's to keep. Rows the person scrolls to while it runs are re-read too.
   */
  const refresh = useCallback(async () => {
    const at = epoch.current;
    const id = ++refreshes.current;
    const wanted = () => Math.max(current.current.rows.length, PAGE_SIZE);
    try {
      const rows: R[] = [];
      let next: string | null = null;
      let total: Total | null = null;
      do {
        const page = await read(true, next, Math.min(wanted() - rows.length, REFRESH_STEP));
        if (at !== epoch.current || id !== refreshes.current) return;
        rows.push(...page.rows);
        next = page.next;
        total ??= page.total;
      } while (next !== null && rows.length < wanted());
      current.current = { rows, next, total };
      setLoaded(current.current);
      setRevision((n) => n + 1);
      fetchMore();
    } catch (e) {
      if (at === epoch.current) onError(e);
    }
  }, [read, fetchMore, onError]);

  const rowAt = useCallback((i: number): R | undefined => current.current.rows[i], []);
  /** Where a submission is in the rows loaded so far; -1 when it is not among them. */
  const indexOf = useCallback((id: string | null): number => (id ? current.current.rows.findIndex((r) => r.id === id) : -1), []);

  return {
    total: loaded.total,
    /** How many rows are loaded, all from the top. */
    loadedCount: loaded.rows.length,
    /** Whether rows after the loaded ones remain to be fetched. */
    more: loaded.next !== null,
    revision,
    rowAt,
    indexOf,
    ensure,
    refresh,
  };
}
