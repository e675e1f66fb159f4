/**
 * The Requests entry in a director's navigation: how many requests are open and, in the danger colour, how many
 * of those are past a legal clock, which is how an overdue request reaches the directors. Read again (passively)
 * when a sync lands, when the desk queues a change of its own, when the screen is opened or left, and each minute
 * (a clock runs out without anything else changing).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { useDeskStatus } from '../api/desk-status.tsx';

const TICK_MS = 60_000;

export function RequestsButton({ current, onClick }: { current: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  const { status } = useDeskStatus();
  const [counts, setCounts] = useState<Output<'requests.counts'> | null>(null);
  const [tick, setTick] = useState(0);
  const synced = status?.lastSyncAt;
  const queued = status?.outboxPending;
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    let live = true;
    call('requests.counts', {}).then(
      (c) => live && setCounts(c),
      () => {}, // a locked session says so where the person is; the count waits for the next change
    );
    return () => {
      live = false;
    };
  }, [synced, queued, current, tick]);
  return (
    <button type="button" aria-current={current} onClick={onClick} data-testid="nav-requests">
      {t('requests.nav')}
      {counts !== null && (
        <span className="nav-count" data-testid="requests-open-count" title={t('requests.openCount', { count: counts.open })}>
          {counts.open}
        </span>
      )}
      {counts !== null && counts.late > 0 && (
        <span className="nav-count late" data-testid="requests-late-count">
          {t('requests.lateCount', { count: counts.late })}
        </span>
      )}
    </button>
  );
}
