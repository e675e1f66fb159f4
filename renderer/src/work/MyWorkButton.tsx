/**
 * My work's entry in the navigation, with how many items are waiting: read again (passively) when a sync lands,
 * when the desk queues a change of its own (an assignment, a close), and when the person comes or goes.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.ts';
import { useDeskStatus } from '../api/desk-status.tsx';

export function MyWorkButton({ current, onClick }: { current: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  const { status } = useDeskStatus();
  const [count, setCount] = useState<number | null>(null);
  const synced = status?.lastSyncAt;
  const queued = status?.outboxPending;
  useEffect(() => {
    let live = true;
    call('work.remine', { limit: 1 }).then(
      (page) => live && page.total && setCount(page.total.n),
      () => {}, // a locked session says so where the person is; the count waits for the next change
    );
    return () => {
      live = false;
    };
  }, [synced, queued, current]);
  return (
    <button type="button" aria-current={current} onClick={onClick} data-testid="nav-mine">
      {t('mine.nav')}
      {count !== null && (
        <span className="nav-count" data-testid="mine-count">
          {count}
        </span>
      )}
    </button>
  );
}
