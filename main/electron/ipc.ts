/** ipcMain ↔ dispatcher: one channel, every call checked for its sender frame first. */
import type { IpcMain } from 'electron';
import type { Envelope } from '../api/contract.ts';
import type { Dispatcher } from '../api/dispatcher.ts';
import { isTrustedSender } from './hardening.ts';

export const CALL_CHANNEL = 'backdesk:call';

/** Each window is one connection: its session ends when the window goes away. */
export const windowConnection = (webContentsId: number): string => `window-${webContentsId}`;

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatcher: Dispatcher): void {
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, input: unknown): Promise<Envelope> => {
    if (!isTrustedSender(event.senderFrame)) {
      return { ok: false, error: { code: 'forbidden', message: 'calls are accepted only from Backdesk’s own window' } };
    }
    return dispatcher.call(windowConnection(event.sender.id), String(method), input);
  });
}
