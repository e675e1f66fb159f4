/**
 * How the directors' forms here save a canned reply or a tag on the version they were opened on: a save refused as
 * stale reads the list again and moves the form onto the version now in force, with that item as it is now for the
 * form to show, while the form keeps what was typed for the person to look again and save. Other refusals are
 * reported as everywhere else.
 */
import { useState } from 'react';
import { BackdeskError } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';

export function useVersionedSave<T extends { version: number }>(item: T | null, onStale: () => Promise<T | undefined>) {
  const report = useReport();
  const [version, setVersion] = useState(item?.version);
  /** After a stale save: the item as it is now. */
  const [current, setCurrent] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  /** Runs the save with the version to make it on; true once it landed. */
  const save = async (run: (version: number | undefined) => Promise<unknown>): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    setCurrent(null);
    try {
      await run(version);
      return true;
    } catch (e) {
      if (e instanceof BackdeskError && e.code === 'stale') {
        const now = await onStale();
        if (now) {
          setVersion(now.version);
          setCurrent(now);
        }
      } else report(e);
    } finally {
      setBusy(false);
    }
    return false;
  };
  return { save, current, busy };
}
