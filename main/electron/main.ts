/**
 * Electron's main process: lifecycle, the app:// protocol that serves the built renderer, the hardened
 * window and the IPC bridge to the dispatcher. Everything else lives in main/core and main/api.
 */
import { app, BrowserWindow, dialog, ipcMain, net, protocol, session } from 'electron';
import { join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openDesk, type Desk } from '../api/desk.ts';
import { systemKeychain } from '../core/security/keychain.ts';
import { APP_HOST, APP_SCHEME, APP_URL, hardenContents, hardenSession, windowOptions } from './hardening.ts';
import { registerIpc, windowConnection } from './ipc.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const RENDERER_DIR = resolve(here, '../../renderer');
const PRELOAD = join(here, '../../preload/preload.cjs');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();

let desk: Desk | undefined;

app.on('web-contents-created', (_event, contents) => hardenContents(contents));

app.whenReady().then(async () => {
  try {
    // BACKDESK_PROFILE_DIR lets IT (and the end-to-end test) place the profile elsewhere than the user's app data.
    const dataDir = process.env.BACKDESK_PROFILE_DIR ?? join(app.getPath('userData'), 'profile');
    desk = await openDesk({ dataDir, keychain: systemKeychain() });
  } catch (e) {
    dialog.showErrorBox('Backdesk', (e as Error).message);
    app.exit(1);
    return;
  }
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    const file = resolve(RENDERER_DIR, '.' + normalize(decodeURIComponent(url.pathname)));
    if (url.host !== APP_HOST || !file.startsWith(RENDERER_DIR + sep)) return new Response('not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
  registerIpc(ipcMain, desk.dispatcher);
  const window = new BrowserWindow(windowOptions(PRELOAD));
  const connection = windowConnection(window.webContents.id);
  window.webContents.once('destroyed', () => desk?.dispatcher.disconnect(connection));
  window.once('ready-to-show', () => window.show());
  await window.loadURL(APP_URL);
});

app.on('window-all-closed', () => {
  desk?.close();
  app.quit();
});
