/** The one object the renderer gets as `window.backdesk`, from the preload (Electron) or the web client. */
import type { Envelope } from './contract.ts';

export interface BackdeskBridge {
  call(method: string, input?: unknown): Promise<Envelope>;
}

declare global {
  interface Window {
    backdesk?: BackdeskBridge;
  }
}
