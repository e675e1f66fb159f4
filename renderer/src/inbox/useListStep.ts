/**
 * j/k: the next or previous row from the open one, among the rows loaded. The list follows the open row, and
 * showing the last rows loaded fetches the next page, so stepping goes on past them; j on the last row loaded
 * while that page is on its way moves on when it is in. When the open row has left the list (closed from My
 * work, say), j opens the row that took its place and k the one before, until the list starts over (`listKey`).
 */
import { useEffect, useRef } from 'react';
import type { PagedList } from './usePagedList.ts';

export function useListStep<R extends { id: string }>(
  list: PagedList<R>,
  listKey: string,
  openId: string | null,
  onOpen: (row: R) => void,
): (by: 1 | -1) => void {
  const stepAfterPage = useRef<string | null>(null);
  // Where the open row was last seen in this list.
  const seen = useRef<{ key: string; id: string; at: number } | null>(null);
  const at = list.indexOf(openId);
  if (openId && at >= 0) seen.current = { key: listKey, id: openId, at };

  useEffect(() => {
    const waiting = stepAfterPage.current;
    if (waiting === null) return;
    const at = list.indexOf(waiting);
    if (waiting !== openId || at < 0) stepAfterPage.current = null;
    else if (at < list.loadedCount - 1) {
      stepAfterPage.current = null;
      onOpen(list.rowAt(at + 1)!);
    }
  }, [list, openId, onOpen]);

  return (by) => {
    stepAfterPage.current = null;
    const at = list.indexOf(openId);
    if (by === 1 && at >= 0 && at === list.loadedCount - 1 && list.more) {
      stepAfterPage.current = openId;
      list.ensure(at);
      return;
    }
    const gone = seen.current;
    const left = at < 0 && gone !== null && gone.key === listKey && gone.id === openId;
    const target = left ? (by === 1 ? gone.at : gone.at - 1) : at < 0 ? 0 : at + by;
    const row = list.rowAt(Math.min(Math.max(target, 0), list.loadedCount - 1));
    if (row) onOpen(row);
  };
}
