/**
 * A screen with changes not yet saved says so here, so that leaving it by the navigation or the command palette
 * asks first (closing the window is the screen's own `beforeunload`). The desk (App.tsx) provides the guard; a
 * screen calls `useLeaveGuard(dirty)`.
 */
import { createContext, useContext, useEffect } from 'react';

export const LeaveGuard = createContext<(dirty: boolean) => void>(() => {});

export function useLeaveGuard(dirty: boolean): void {
  const setDirty = useContext(LeaveGuard);
  useEffect(() => {
    setDirty(dirty);
    return () => setDirty(false);
  }, [dirty, setDirty]);
}
