/**
 * In the browser host there is no preload: this small client gives the renderer the same
 * `window.backdesk` object over `POST /api/<method>`, authenticated by the host's HttpOnly cookie.
 */
import type { BackdeskBridge } from '../../../main/api/bridge.ts';
import type { Envelope } from '../../../main/api/contract.ts';

export function installWebTransport(): void {
  if (window.backdesk) return; // Electron's preload got there first
  const bridge: BackdeskBridge = {
    async call(method, input) {
      let res: Response;
      try {
        res = await fetch(`api/${encodeURIComponent(method)}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'internal', message: 'network', detail: { network: true } } };
      }
      if (res.headers.get('content-type')?.startsWith('application/json')) return (await res.json()) as Envelope;
      // The host refused the request itself (no cookie, foreign origin): the session is gone.
      return { ok: false, error: { code: 'unauthenticated', message: (await res.text()).trim() } };
    },
  };
  Object.defineProperty(window, 'backdesk', { value: Object.freeze(bridge), writable: false });
}
