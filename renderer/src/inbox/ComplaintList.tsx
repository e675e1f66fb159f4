/** The virtualised list: only the rows on screen exist in the DOM, whatever the total. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../i18n/index.ts';
import type { Row } from './usePagedList.ts';

const ROW_HEIGHT = 68;

export function ComplaintList({
  total,
  rowAt,
  ensure,
  selected,
  onSelect,
}: {
  total: number;
  rowAt: (i: number) => Row | undefined;
  ensure: (from: number, to: number) => void;
  selected: number;
  onSelect: (i: number) => void;
}) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtual.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total > 0) ensure(first, last);
  }, [first, last, total, ensure]);

  useEffect(() => {
    if (selected >= 0) virtual.scrollToIndex(selected, { align: 'auto' });
  }, [selected, virtual]);

  return (
    <div
      ref={scroller}
      className="list"
      role="listbox"
      aria-label={t('inbox.listLabel')}
      aria-activedescendant={selected >= 0 ? `row-${selected}` : undefined}
      tabIndex={0}
    >
      <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = rowAt(item.index);
          return (
            <div
              key={item.key}
              id={`row-${item.index}`}
              role="option"
              aria-selected={item.index === selected}
              className={`row ${item.index === selected ? 'selected' : ''} ${row?.status === 'closed' ? 'closed' : ''}`}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              onClick={() => onSelect(item.index)}
            >
              {row ? (
                <>
                  <div className="row-top">
                    <span className={`badge status-${row.status}`}>{t(`status.${row.status}`)}</span>
                    {row.priority !== 'normal' && <span className={`badge priority-${row.priority}`}>{t(`priority.${row.priority}`)}</span>}
                    <span className="spacer" />
                    <time className="muted">{formatTime(row.createdAt)}</time>
                  </div>
                  <div className="row-subject">{row.subject}</div>
                  <div className="row-excerpt muted">{row.excerpt}</div>
                </>
              ) : (
                <span className="muted">{t('inbox.loadingRow')}</span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
