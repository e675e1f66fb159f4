/**
 * What the desk e2e tests do again and again: post as the website, sync until the outbox is empty, open an inbox from the navigation,
 * and change a submission behind the person's back (through the same API, as another window would) so that
 * what they do next is made on a version since changed.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { TestHub } from '../support/hub.ts';
import { syncInUi } from '../support/synced-desk.ts';

/** The website posts a submission to the hub; its id. */
export async function post(hub: TestHub, body: Record<string, unknown>): Promise<string> {
  const r = await hub.post('/intake/v1/submissions', body);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id as string;
}

/** The person syncs, and everything the desk had to send has gone. */
export async function syncAll(page: Page): Promise<void> {
  await syncInUi(page);
  await page
    .getByTestId('outbox-count')
    .filter({ hasText: /^0 thay đổi/ })
    .waitFor();
}

/** Opens a screen from the main navigation by its button's name. */
export const go = (page: Page, name: string | RegExp) =>
  page
    .getByRole('navigation', { name: 'main' })
    .getByRole('button', typeof name === 'string' ? { name, exact: true } : { name })
    .click();

/** Sets a submission's status through the API from the page, on its current version. */
export async function changeElsewhere(page: Page, api: string, id: string, status: string): Promise<void> {
  // A string, not a function: the test's transpiler would add helpers the page does not have.
  const out: any = await page.evaluate(`(async () => {
    const d = await window.backdesk.call('${api}.reload', { id: ${JSON.stringify(id)} });
    return window.backdesk.call('${api}.setStatus', { id: d.result.id, version: d.result.version, status: ${JSON.stringify(status)} });
  })()`);
  assert.equal(out.ok, true, JSON.stringify(out));
}
