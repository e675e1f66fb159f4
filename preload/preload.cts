/**
 * The preload: exposes exactly one object, `window.backdesk`, with one function. Sandboxed preloads are
 * CommonJS, hence .cts.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { BackdeskBridge } from '../main/api/bridge.ts';

const bridge: BackdeskBridge = {
  call: (method, input) => ipcRenderer.invoke('backdesk:call', method, input),
};

contextBridge.exposeInMainWorld('backdesk', bridge);
