/**
 * The desk's status (outbox, hub link, last sync), polled once for the whole window: the status bar shows it,
 * and the inboxes re-read what they show when a sync has landed (lastSyncAt moves). The poll is passive on
 * the main side, so it never keeps an idle session unlocked.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Output } from '../../../main/api/contract.ts';
import { call } from './client.ts';

// Often enough that a long first pull shows its progress moving.
const POLL_MS = 2000;

type DeskStatus = Output<'desk.status'>;
const Status = createContext<{ status: DeskStatus | null; refresh: () => Promise<void> }>({ status: null, refresh: async () => {} });
export const useDeskStatus = () => useContext(Status);

/** Runs `reread` each time a sync has landed (lastSyncAt moved since the screen saw it), never on mount. */
export function useAfterSync(reread: () => void): void {
  const lastSyncAt = useDeskStatus().status?.lastSyncAt ?? null;
  const seen = useRef(lastSyncAt);
  useEffect(() => {
    if (lastSyncAt === seen.current) return;
    seen.current = lastSyncAt;
    reread();
  }, [lastSyncAt, reread]);
}

export function DeskStatusProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<DeskStatus | null>(null);
  const refresh = useCallback(() => call('desk.status', {}).then(setStatus, () => setStatus(null)), []);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  return <Status.Provider value={{ status, refresh }}>{children}</Status.Provider>;
}
