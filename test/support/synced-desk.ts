/**
 * What the end-to-end tests drive: a desk enrolled with a real hub on loopback (its own encrypted store, its
 * device token in the real keychain), served by the browser host, and a person signed in to it in Chromium.
 * Background sync is off: the person's "Đồng bộ ngay" (or the test) decides when a sync runs.
 */
import { after } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Desk } from '../../main/api/desk.ts';
import { startWebHost, type WebHost } from '../../main/web/server.ts';
import { RENDERER_DIR } from '../../main/web/renderer-dir.ts';
import type { Inbox, Role } from '../../common/roles.ts';
import { enrolledDesk } from './enrolled-desk.ts';
import { PASSWORD } from './fixtures.ts';
import type { TestHub } from './hub.ts';

export interface SyncedDesk {
  desk: Desk;
  host: WebHost;
  /** Staff ids by username. */
  staff: Record<string, string>;
}

/** A desk enrolled with `hub` by its IT admin, synced once, with the given staff, served on loopback. */
export async function syncedDesk(
  hub: TestHub,
  name: string,
  people: [username: string, role: Role, grants: Inbox[]][],
): Promise<SyncedDesk> {
  const { desk, staff } = await enrolledDesk(hub, name, people);
  const host = await startWebHost({ dispatcher: desk.dispatcher, rendererDir: RENDERER_DIR });
  after(() => host.close());
  return { desk, host, staff: Object.fromEntries(Object.entries(staff).map(([username, person]) => [username, person.id])) };
}

export async function signIn(browser: Browser, host: WebHost, username: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(host.issueLaunchUrl());
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  return page;
}

/** The person presses "Đồng bộ ngay" and the cycle runs to its end (the button comes back). */
export async function syncInUi(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
  await page.getByRole('button', { name: 'Đồng bộ ngay' }).waitFor();
}

/** Polls a condition until it holds or the deadline passes (for state outside the page: the hub, a store). */
export async function until(what: string, check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Saves a picture of the page when BACKDESK_SCREENSHOTS names a folder (for a person to look at); otherwise nothing. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.BACKDESK_SCREENSHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
}
