/**
 * The virtualised list of an inbox: only the rows on screen exist in the DOM, however many are loaded. It
 * holds the rows loaded so far, from the top, and a "loading" row after them while more remain; showing rows
 * near their end asks for the next page (`ensure`). Rows are chosen by id. When a refresh brings rows in
 * above what the person is looking at (or working on), the view stays where it was and a "N new" cue leads
 * up to them; at the top of a list with nothing open, new rows simply appear. An inbox's list (not My work) picks
 * rows for bulk actions (BulkBar): a checkbox on each row and the bar above them.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/dates.ts';
import { timeLeft, type ClockState } from '../format/time-left.ts';
import { BulkBar, RowCheck, useSelection } from './BulkBar.tsx';
import { type InboxConfig, type Row } from './kinds.ts';
import type { PagedList } from './usePagedList.ts';

const ROW_HEIGHT = 68;

export function SubmissionList<R extends Pick<Row, 'id' | 'status' | 'version' | 'subject'>>({
  label,
  list,
  openId,
  onOpen,
  bulk,
  children,
}: {
  label: string;
  /** The rows loaded (usePagedList): shown up to `ensure`'s index, which fetches the next page near their end. */
  list: PagedList<R>;
  openId: string | null;
  onOpen: (id: string) => void;
  /** The inbox whose rows may be picked for bulk actions; `false` for none (My work, whose rows are of every inbox). */
  bulk: InboxConfig | false;
  /** What a row shows (InboxRow for an inbox); three lines fit its height. */
  children: (row: R) => ReactNode;
}) {
  const { t } = useTranslation();
  const { revision, rowAt, indexOf, ensure } = list;
  // The rows loaded, plus one for the row that says the next page is loading.
  const count = list.loadedCount + (list.more ? 1 : 0);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtual.getVirtualItems();
  const last = items[items.length - 1]?.index ?? 0;
  const openIndex = indexOf(openId);
  const [newAbove, setNewAbove] = useState(0);
  const inbox = bulk || undefined;
  const selection = useSelection(list, openId);

  useEffect(() => {
    if (count > 0) ensure(last);
  }, [last, count, ensure]);

  // The row the view is pinned to, as it was before the rows changed: the top row on screen.
  const anchor = useRef<{ id: string; index: number } | null>(null);
  useLayoutEffect(() => {
    const el = scroller.current;
    const a = anchor.current;
    if (!el || !a) return;
    const moved = indexOf(a.id) - a.index;
    if (indexOf(a.id) < 0 || moved === 0) return;
    el.scrollTop += moved * ROW_HEIGHT;
    if (moved > 0) setNewAbove((n) => n + moved);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a landed refresh moves rows under the view
  }, [revision]);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    // Pinned while the person has scrolled down or has an item open; otherwise new rows show at the top.
    const top = Math.floor(el.scrollTop / ROW_HEIGHT);
    const id = el.scrollTop > 0 || openId ? rowAt(top)?.id : undefined;
    anchor.current = id ? { id, index: top } : null;
  });

  // The list follows the person's choice (j/k, Enter in search), never a refresh.
  useEffect(() => {
    if (openIndex >= 0) virtual.scrollToIndex(openIndex, { align: 'auto' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the choice, not on where rows moved
  }, [openId]);

  const toTop = () => {
    scroller.current?.scrollTo({ top: 0 });
    setNewAbove(0);
  };

  return (
    <div className={`list-wrap${inbox ? ' with-bulk' : ''}`}>
      {inbox && <BulkBar config={inbox} list={list} selection={selection} openId={openId} />}
      {newAbove > 0 && (
        <button type="button" className="new-rows" data-testid="new-rows" onClick={toTop}>
          {t('inbox.newRows', { count: newAbove })}
        </button>
      )}
      <div
        ref={scroller}
        className="list"
        role="listbox"
        aria-label={label}
        aria-activedescendant={openIndex >= 0 ? `row-${openIndex}` : undefined}
        tabIndex={0}
        onScroll={(e) => e.currentTarget.scrollTop === 0 && newAbove > 0 && setNewAbove(0)}
      >
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            const open = row !== undefined && row.id === openId;
            const picked = inbox && row !== undefined && selection.picked.has(row.id);
            return (
              <div
                key={item.key}
                id={`row-${item.index}`}
                role="option"
                aria-selected={open}
                className={`row ${open ? 'selected' : ''} ${row?.status === 'closed' ? 'closed' : ''}${inbox ? ' bulk' : ''}${picked ? ' picked' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={(e) => {
                  if (!row) return;
                  // Shift+click picks a range from the last row picked, as in a file list; a plain click opens.
                  if (inbox && e.shiftKey) selection.toggle(item.index, true);
                  else onOpen(row.id);
                }}
              >
                {inbox && row && <RowCheck selection={selection} index={item.index} row={row} />}
                {row ? children(row) : <span className="muted">{t('inbox.loadingRow')}</span>}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** A row's status and priority badges, as every list shows them. */
export function RowBadges({ row }: { row: Pick<Row, 'status' | 'priority'> }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`badge status-${row.status}`}>{t(`status.${row.status}`)}</span>
      {row.priority !== 'normal' && <span className={`badge priority-${row.priority}`}>{t(`priority.${row.priority}`)}</span>}
    </>
  );
}

/** A mark beside the words, never instead of them: overdue and paused clocks must not be told by colour alone. */
const CLOCK_MARK: Record<ClockState, string> = { left: '◷', overdue: '⚠', paused: '‖', pausedOver: '‖' };

/**
 * A submission's service clock in words (format/time-left.ts) with the target it counts to: nothing when closed or
 * without a target. The words are as of the last read: the list and the pane read again after each sync and
 * each minute (useDetailPane), since only the main process knows the calendar the business time is counted in.
 */
export function ClockLabel({ item, testId = 'row-clock' }: { item: Pick<Row, 'status' | 'clock'>; testId?: string }) {
  const { t } = useTranslation();
  const left = timeLeft(t, item.status, item.clock);
  if (!left) return null;
  const full = t('service.clock.full', { text: left.text, what: left.what });
  return (
    <span
      className={`clock clock-${left.state}${left.soon ? ' clock-soon' : ''}`}
      data-testid={testId}
      data-state={left.state}
      title={full}
    >
      <span className="clock-mark" aria-hidden="true">
        {CLOCK_MARK[left.state]}
      </span>
      <span className="clock-text">{left.text}</span>
      <span className="clock-what">· {left.what}</span>
    </span>
  );
}

/**
 * An inbox's row: status, priority, time left and when it came; subject; the start of its text. Drawn again only
 * when its row is a new one (a read brings new row objects), not each time another row is opened.
 */
export const InboxRow = memo(function InboxRow({ row }: { row: Row }) {
  return (
    <>
      <div className="row-top">
        <RowBadges row={row} />
        <span className="spacer" />
        <ClockLabel item={row} />
        <time className="muted">{formatDateTime(row.createdAt)}</time>
      </div>
      <div className="row-subject">{row.subject}</div>
      <div className="row-excerpt muted">{row.excerpt}</div>
    </>
  );
});
