/**
 * The submission open in the detail pane, bound to its id. Opening it is a `get` (the audit log records the
 * view); showing it again after a sync or a change is a `reload` (no new view row, passive). An answer
 * that arrives after the person opened something else is dropped, so the pane only ever shows the open id.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../api/client.ts';
import { method, type Detail, type InboxApi } from './kinds.ts';

export function useOpenSubmission(api: InboxApi, openId: string | null, onError: (e: unknown) => void) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const current = useRef(openId);
  current.current = openId;

  useEffect(() => {
    setDetail(null);
    if (!openId) return;
    call(method(api, 'get'), { id: openId }).then(
      (d) => current.current === openId && setDetail(d),
      (e) => current.current === openId && onError(e),
    );
  }, [api, openId, onError]);

  // Only what has been opened (and so audited) is re-read; before that, the `get` under way will show it.
  const shown = detail && detail.id === openId ? detail.id : null;
  const reload = useCallback(async () => {
    if (!shown) return;
    try {
      const d = await call(method(api, 'reload'), { id: shown });
      if (current.current === shown) setDetail(d);
    } catch (e) {
      onError(e);
    }
  }, [api, shown, onError]);

  return { detail: shown ? detail : null, reload };
}
