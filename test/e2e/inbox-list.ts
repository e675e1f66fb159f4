/**
 * What the inbox e2e tests do with the list (renderer/src/inbox/SubmissionList.tsx): rows are `#row-<index>`
 * from the top, the rows loaded so far are followed by a loading row while more remain, and showing rows near
 * the end of those loaded fetches the next page. Scripts run with page.evaluate are strings (the test's
 * transpiler adds helpers to named functions that the page does not have); waitForFunction takes a function,
 * with no named function inside it, since the page's CSP forbids evaluating a string there.
 */
import type { Page } from 'playwright-core';

/** Scrolls the list down to row `index`, page after page, until that row is shown with its subject. */
export async function scrollToRow(page: Page, index: number, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    // Past the rows loaded, the browser stops at the end of the list, where the loading row asks for more.
    const height = await page.evaluate<number>(`{
      const list = document.querySelector('.list');
      list.scrollTop = ${index} * document.querySelector('.list .row').offsetHeight;
      list.scrollHeight;
    }`);
    if (await page.locator(`#row-${index} .row-subject`).count()) return;
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`timed out after ${ms} ms scrolling to row ${index}`);
    // Either the row appears, or the list grows by a page and the row is further down still.
    await page.waitForFunction(
      ([i, h]) => document.querySelector(`#row-${i} .row-subject`) !== null || document.querySelector('.list')!.scrollHeight > h,
      [index, height] as const,
      { timeout: left },
    );
  }
}

/** Waits until every row in the list's view is shown with its subject (none is the loading row). */
export async function viewLoaded(page: Page, ms = 15_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const list = document.querySelector<HTMLElement>('.list');
      const row = document.querySelector<HTMLElement>('.list .row');
      if (!list || !row) return false;
      const h = row.offsetHeight;
      const count = Math.round((list.firstElementChild as HTMLElement).offsetHeight / h);
      const to = Math.min(count - 1, Math.floor((list.scrollTop + list.clientHeight - 1) / h));
      for (let i = Math.floor(list.scrollTop / h); i <= to; i++) {
        if (!document.querySelector(`#row-${i} .row-subject`)) return false;
      }
      return true;
    },
    undefined,
    { timeout: ms },
  );
}

/**
 * The rows in the DOM with their subjects as [index, subject]; then, unless the view is at the end of the
 * list with no row left to load, scrolls down by one view. `end` says it was.
 */
export const READ_AND_SCROLL = `(() => {
  const list = document.querySelector('.list');
  const rows = [...list.querySelectorAll('.row')]
    .filter((el) => el.querySelector('.row-subject'))
    .map((el) => [Number(el.id.slice('row-'.length)), el.querySelector('.row-subject').textContent]);
  const loading = [...list.querySelectorAll('.row')].some((el) => !el.querySelector('.row-subject'));
  const end = !loading && list.scrollTop + list.clientHeight >= list.scrollHeight - 1;
  if (!end) list.scrollTop += list.clientHeight;
  return { rows, end };
})()`;

/** The subject of the row at the top of the list's view. */
export const TOP_ROW = `{
  const list = document.querySelector('.list').getBoundingClientRect();
  document.elementFromPoint(list.left + 40, list.top + 30).closest('.row').querySelector('.row-subject').textContent;
}`;
