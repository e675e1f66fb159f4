/**
 * My work: what is assigned to the person and not closed, across the inboxes they hold, soonest due first as
 * the API gives it (work.mine, paged like an inbox list; work.remine to re-read after a sync, a change or a minute).
 * Due order is the only order My work has: the person starts from what runs out first. Each row names its inbox,
 * subject, status and the business time left to its next target, an overdue one standing out in words and a mark
 * as well as colour, a paused one (waiting on the customer) said so.
 * Opening a row opens that submission with its own inbox's detail pane; j/k move through My work, and a row
 * closed from the pane leaves the list (j then opens the one that took its place).
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { useShortcuts } from '../components/useShortcuts.ts';
import { timeLeft } from '../format/time-left.ts';
import { DetailPane, useDetailPane } from '../inbox/DetailPane.tsx';
import { INBOX_KINDS, type InboxKind } from '../inbox/kinds.ts';
import { ClockLabel, RowBadges, SubmissionList } from '../inbox/SubmissionList.tsx';
import { useListStep } from '../inbox/useListStep.ts';
import { usePagedList } from '../inbox/usePagedList.ts';
import { UnusableViews } from '../palette/UnusableViews.tsx';

export type WorkRow = Output<'work.mine'>['rows'][number];

const readWork = (passive: boolean, after: string | null, limit: number) =>
  call(passive ? 'work.remine' : 'work.mine', { ...(after === null ? {} : { after }), limit });

export function MyWork({ shortcutsEnabled }: { shortcutsEnabled: boolean }) {
  const { t } = useTranslation();
  const report = useReport();
  const list = usePagedList(readWork, report);
  const [open, setOpen] = useState<{ id: string; kind: InboxKind } | null>(null);
  const kind = open?.kind ?? 'complaint';
  const config = INBOX_KINDS[kind];
  const pane = useDetailPane(config, open?.id ?? null, list.refresh);
  const openRow = useCallback((row: WorkRow) => setOpen({ id: row.id, kind: row.kind }), []);
  const step = useListStep(list, 'mine', open?.id ?? null, openRow);
  useShortcuts(shortcutsEnabled, { j: () => step(1), k: () => step(-1), ...pane.keys });

  return (
    <div className="inbox">
      <section className="pane list-pane" aria-label={t('mine.title')}>
        <div className="filters">
          <h2 className="pane-title">{t('mine.title')}</h2>
          <div className="muted count" data-testid="result-count">
            {list.total === null ? '…' : t('mine.count', { count: list.total.n })}
          </div>
          <UnusableViews />
        </div>
        {list.total?.n === 0 ? (
          <p className="empty-state">{t('mine.empty')}</p>
        ) : (
          <SubmissionList
            bulk={false}
            label={t('mine.listLabel')}
            list={list}
            openId={open?.id ?? null}
            onOpen={(id) => {
              const row = list.rowAt(list.indexOf(id));
              if (row) openRow(row);
            }}
          >
            {(row) => <WorkRowContent row={row} />}
          </SubmissionList>
        )}
      </section>
      <DetailPane
        kind={kind}
        config={config}
        pane={pane}
        preview={open ? list.rowAt(list.indexOf(open.id)) : undefined}
        choose={t('mine.choose')}
      />
    </div>
  );
}

/** A row of My work: its inbox, status and priority, and the time left to its target; subject; the start of its text. */
function WorkRowContent({ row }: { row: WorkRow }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="row-top">
        <span className="badge kind" data-testid="row-kind">
          {t(`${INBOX_KINDS[row.kind].words}.nav`)}
        </span>
        <RowBadges row={row} />
        <span className="spacer" />
        {timeLeft(t, row.status, row.clock) ? <ClockLabel item={row} /> : <span className="muted">{t('mine.noDue')}</span>}
      </div>
      <div className="row-subject">{row.subject}</div>
      <div className="row-excerpt muted">{row.excerpt}</div>
    </>
  );
}
