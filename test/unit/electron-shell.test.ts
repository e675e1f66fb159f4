/**
 * The Electron shell without Electron (its binary cannot run here): the window options, the session and
 * contents hardening, and the IPC sender check, exercised with a stand-in for the electron module.
 */
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import type { IpcMainInvokeEvent, Session, WebContents, WebFrameMain } from 'electron';
import { APP_URL, hardenContents, hardenSession, isTrustedSender, windowOptions } from '../../main/electron/hardening.ts';
import { CALL_CHANNEL, registerIpc } from '../../main/electron/ipc.ts';
import type { Dispatcher } from '../../main/api/dispatcher.ts';

test('the window is sandboxed, isolated, without Node, and loads only the app', () => {
  const prefs = windowOptions('/app/preload.cjs').webPreferences!;
  assert.equal(prefs.contextIsolation, true);
  assert.equal(prefs.sandbox, true);
  assert.equal(prefs.nodeIntegration, false);
  assert.equal(prefs.nodeIntegrationInWorker, false);
  assert.equal(prefs.nodeIntegrationInSubFrames, false);
  assert.equal(prefs.webSecurity, true);
  assert.equal(prefs.allowRunningInsecureContent, false);
  assert.equal(prefs.webviewTag, false);
  assert.equal(prefs.preload, '/app/preload.cjs');
  assert.match(APP_URL, /^app:\/\/backdesk\//);
});

test('every permission request is denied and every response gets the strict CSP', () => {
  let requestHandler: any, checkHandler: any, headersHandler: any;
  const session = {
    setPermissionRequestHandler: (h: unknown) => (requestHandler = h),
    setPermissionCheckHandler: (h: unknown) => (checkHandler = h),
    webRequest: { onHeadersReceived: (h: unknown) => (headersHandler = h) },
  } as unknown as Session;
  hardenSession(session);
  for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
    let granted: boolean | undefined;
    requestHandler({}, permission, (g: boolean) => (granted = g));
    assert.equal(granted, false, permission);
    assert.equal(checkHandler({}, permission), false);
  }
  let headers: Record<string, string[]> = {};
  headersHandler(
    { responseHeaders: { 'Content-Type': ['text/html'] } },
    (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders),
  );
  assert.match(headers['Content-Security-Policy']![0]!, /default-src 'none'; script-src 'self'/);
  assert.deepEqual(headers['Content-Type'], ['text/html']);
});

test('navigation, redirects, webviews and new windows are all refused', () => {
  const contents = new EventEmitter() as EventEmitter & {
    setWindowOpenHandler(h: (d: unknown) => unknown): void;
    openHandler?: (d: unknown) => unknown;
  };
  contents.setWindowOpenHandler = (h) => (contents.openHandler = h);
  hardenContents(contents as unknown as WebContents);
  for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
    let prevented = false;
    contents.emit(event, { preventDefault: () => (prevented = true) }, 'https://evil.example/');
    assert.equal(prevented, true, event);
  }
  assert.deepEqual(contents.openHandler!({ url: 'https://evil.example/' }), { action: 'deny' });
});

const frame = (url: string, parent: unknown = null) => ({ url, parent }) as unknown as WebFrameMain;

test('only the app’s own top frame is a trusted sender', () => {
  assert.equal(isTrustedSender(frame('app://backdesk/index.html')), true);
  assert.equal(isTrustedSender(frame('app://backdesk/index.html', frame('app://backdesk/'))), false, 'a subframe');
  assert.equal(isTrustedSender(frame('https://evil.example/')), false);
  assert.equal(isTrustedSender(frame('file:///etc/passwd')), false);
  assert.equal(isTrustedSender(frame('app://evil/index.html')), false);
  assert.equal(isTrustedSender(null), false);
});

test('an IPC call from a foreign frame is refused before the dispatcher sees it', async () => {
  const calls: unknown[][] = [];
  const dispatcher = { call: async (...args: unknown[]) => (calls.push(args), { ok: true, result: 'ran' }) } as unknown as Dispatcher;
  let handler: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown> = async () => undefined;
  registerIpc(
    { handle: (channel: string, h: typeof handler) => (assert.equal(channel, CALL_CHANNEL), (handler = h)) } as never,
    dispatcher,
  );
  const event = (url: string) => ({ senderFrame: frame(url), sender: { id: 7 } }) as unknown as IpcMainInvokeEvent;

  const refused = (await handler(event('https://evil.example/'), 'complaints.list', {})) as { ok: boolean; error: { code: string } };
  assert.equal(refused.ok, false);
  assert.equal(refused.error.code, 'forbidden');
  assert.equal(calls.length, 0);

  assert.deepEqual(await handler(event('app://backdesk/index.html'), 'complaints.list', { limit: 5 }), { ok: true, result: 'ran' });
  assert.deepEqual(calls, [['window-7', 'complaints.list', { limit: 5 }]]);
});
