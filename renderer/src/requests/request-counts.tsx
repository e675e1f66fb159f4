/**
 * How many customers' requests about their data are open and how many are past a legal clock, for a director's
 * navigation badge and the escalation banner (one read for both). Read again (passively) when a sync lands, when the
 * desk queues a change of its own, when the person moves to another screen, and each minute (a clock runs out without
 * anything else changing). Nothing is read for anyone but a director: the API refuses them.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { useDeskStatus } from '../api/desk-status.tsx';

const TICK_MS = 60_000;

type Counts = Output<'requests.counts'>;
const RequestCounts = createContext<Counts | null>(null);
export const useRequestCounts = () => useContext(RequestCounts);

export function RequestCountsProvider({ director, screen, children }: { director: boolean; screen: string; children: ReactNode }) {
  const { status } = useDeskStatus();
  const [counts, setCounts] = useState<Counts | null>(null);
  const [tick, setTick] = useState(0);
  const synced = status?.lastSyncAt;
  const queued = status?.outboxPending;
  useEffect(() => {
    if (!director) return;
    const timer = setInterval(() => setTick((n) => n + 1), TICK_MS);
    return () => clearInterval(timer);
  }, [director]);
  useEffect(() => {
    if (!director) return setCounts(null);
    let live = true;
    call('requests.counts', {}).then(
      (c) => live && setCounts(c),
      () => {}, // a locked session says so where the person is; the count waits for the next change
    );
    return () => {
      live = false;
    };
  }, [director, synced, queued, screen, tick]);
  return <RequestCounts.Provider value={counts}>{children}</RequestCounts.Provider>;
}
