/**
 * Service clocks end to end, in Chromium through the browser host, on two desks enrolled with a real hub: a
 * director on desk A opens "Giờ làm việc & SLA", is stopped by a target that is no number of hours and a working
 * period that ends before it starts (each said at its field), gives Sunday a morning, sets complaints' first
 * response to 1 working hour, adds a day off, takes a year's Labour Code holidays for review (only those not
 * listed offered), and saves through a stale version (the settings in force shown, what was typed kept). It syncs
 * through the hub; on desk B an operator's My work, complaints inbox and detail show each complaint's time left
 * as desk B's own data and settings give it (computed here with the shared clock from the complaint's timeline):
 * a fresh one with its first response running, an old one overdue (said in words and marked, not by colour
 * alone), one waiting on the customer paused — in Vietnamese and in English.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import i18next, { type TFunction } from 'i18next';
import type { Page } from 'playwright-core';
import { hoursOf } from '../../common/sla/calendar.ts';
import { businessLeft, dueOf, pausedLeft, runClock, type ClockEvent, type ServiceSettings } from '../../common/sla/clock.ts';
import { publicHolidays } from '../../main/core/domain/holidays.ts';
import { timeLeft, type Clock } from '../../renderer/src/format/time-left.ts';
import { en } from '../../renderer/src/i18n/en.ts';
import { vi } from '../../renderer/src/i18n/vi.ts';
import { launchBrowser } from '../support/browser.ts';
import { complaint, startTestHub } from '../support/hub.ts';
import { screenshot, signIn, syncedDesk, syncInUi } from '../support/synced-desk.ts';
import { waitFor } from '../support/wait.ts';
import { go, post, syncAll } from './desk-actions.ts';

const TEST = { timeout: 240_000 };
const DAY = 86_400_000;
const hub = await startTestHub();
const browser = await launchBrowser();
const a = await syncedDesk(hub, 'A', [['giamdoc', 'director', []]]);
const b = await syncedDesk(hub, 'B', [['lan', 'operator', ['complaint']]]);

const now = Date.now();
const vnDate = (t: number) => new Date(t + 7 * 3_600_000).toISOString().slice(0, 10);
// A day off the director adds: the first day from ten days ago back that is no listed holiday yet, so it is new.
const listed = new Set([2026, 2027, 2028, 2029, 2030].flatMap(publicHolidays).map((h) => h.date));
let dayOff = now - 10 * DAY;
while (listed.has(vnDate(dayOff))) dayOff -= DAY;
const DAY_OFF = vnDate(dayOff);
const typedDay = `${DAY_OFF.slice(8, 10)}/${DAY_OFF.slice(5, 7)}/${DAY_OFF.slice(0, 4)}`;

const FRESH = 'Giao thiếu phụ kiện';
const OLD = 'Hoàn tiền chậm';
const WAITING = 'Chờ khách gửi ảnh hóa đơn';
const iso = (t: number) => new Date(t).toISOString();
const ids = {
  fresh: await post(hub, complaint('c-fresh', { subject: FRESH, submittedAt: iso(now - 5 * 60_000) })),
  old: await post(hub, complaint('c-old', { subject: OLD, submittedAt: iso(dayOff + 3 * 3_600_000) })),
  waiting: await post(hub, complaint('c-wait', { subject: WAITING, submittedAt: iso(now - 2 * DAY) })),
};

const call = async (page: Page, method: string, input: unknown): Promise<any> => {
  // A string, not a function: the test's transpiler would add helpers the page does not have.
  const out: any = await page.evaluate(`window.backdesk.call(${JSON.stringify(method)}, ${JSON.stringify(input)})`);
  assert.equal(out.ok, true, `${method}: ${JSON.stringify(out)}`);
  return out.result;
};
const translators: Record<'vi' | 'en', TFunction> = {
  vi: await translator('vi'),
  en: await translator('en'),
};
async function translator(lng: 'vi' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { [lng]: { translation: lng === 'vi' ? vi : en } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

const TARGET = 'Khiếu nại: phản hồi đầu tiên, số giờ làm việc';
const RESOLUTION = 'Khiếu nại: xử lý xong, số giờ làm việc';
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);

test('a director sets the hours, a holiday and a target, through a stale save; desk B counts time left by them', TEST, async () => {
  const page = await signIn(browser, a.host, 'giamdoc');
  await go(page, 'Giờ làm việc & SLA');
  await page.getByTestId('service-version').filter({ hasText: 'Đang áp dụng: cài đặt mặc định' }).waitFor();
  const first = page.getByLabel(TARGET);
  assert.equal(await first.inputValue(), '4');
  assert.equal(await page.getByLabel('Thứ Hai, ca 2: bắt đầu').inputValue(), '13:30');
  assert.equal(await page.getByTestId('week-day').nth(6).getByTestId('period').count(), 0, 'Sunday is a day off');
  const save = page.getByRole('button', { name: 'Lưu cài đặt' });

  // Refused at the field: hours that are no number, a period that ends before it starts.
  await first.fill('1');
  await page.getByLabel(RESOLUTION).fill('ba ngày');
  await page.getByRole('button', { name: 'Thêm ca cho Chủ nhật' }).click();
  await page.getByLabel('Chủ nhật, ca 1: bắt đầu').fill('12:00');
  await page.getByLabel('Chủ nhật, ca 1: kết thúc').fill('8:00');
  await save.click();
  await page.getByTestId('problem-target').filter({ hasText: 'Nhập số giờ lớn hơn 0' }).waitFor();
  assert.equal(await focusedId(page), 'target-complaint-resolution');
  await page.getByLabel(RESOLUTION).fill('24');
  await page.getByLabel('Câu hỏi: xử lý xong, số giờ làm việc').fill('12,5'); // a decimal comma, as Vietnamese writes it
  await page.getByLabel(RESOLUTION).press('Enter'); // Enter in a target saves, as the button does
  await page.getByTestId('problem-time').filter({ hasText: 'Ca phải kết thúc sau khi bắt đầu.' }).waitFor();
  assert.equal(await focusedId(page), 'week-6-0-to');
  await page.getByLabel('Chủ nhật, ca 1: bắt đầu').fill('08:00');
  await page.getByLabel('Chủ nhật, ca 1: kết thúc').fill('12:00');

  // A day off by its date and name; a date listed already is refused.
  await page.getByLabel('Ngày lễ mới (dd/mm/yyyy)').fill(typedDay);
  await page.getByLabel('Tên ngày lễ mới').fill('Nghỉ kiểm kê');
  await page.getByLabel('Tên ngày lễ mới').press('Enter');
  await page.getByTestId('holiday-row').filter({ hasText: 'Nghỉ kiểm kê' }).waitFor();
  await page.getByLabel('Ngày lễ mới (dd/mm/yyyy)').fill('01/01/2027');
  await page.getByLabel('Tên ngày lễ mới').fill('Trùng');
  await page.getByRole('button', { name: 'Thêm ngày lễ', exact: true }).click();
  await page.getByTestId('problem-holiday-date').filter({ hasText: 'Ngày này đã có trong danh sách.' }).waitFor();
  await page.getByLabel('Ngày lễ mới (dd/mm/yyyy)').fill('');
  await page.getByLabel('Tên ngày lễ mới').fill('');

  // A year's holidays for review: New Year's Day taken off the list is the only one offered back.
  await page.getByRole('button', { name: 'Xóa ngày lễ Tết Dương lịch (01/01/2027)' }).click();
  await page.getByLabel('Năm', { exact: true }).fill('2027');
  await page.getByRole('button', { name: 'Thêm ngày lễ năm 2027' }).click();
  const review = page.getByTestId('holiday-review');
  await review.waitFor();
  assert.deepEqual(await review.getByRole('checkbox').count(), 1);
  assert.match((await review.locator('li').textContent())!, /01\/01\/2027 — Tết Dương lịch/);
  await screenshot(page, 'service-review');
  await review.getByRole('button', { name: 'Thêm 1 ngày đã chọn' }).click();
  await page.getByTestId('holiday-row').filter({ hasText: 'Tết Dương lịch' }).filter({ hasText: '01/01/2027' }).waitFor();
  await page.getByText('Có thay đổi chưa lưu.').waitFor();
  await screenshot(page, 'service-edited');
  // Leaving by the navigation with changes unsaved asks first; staying keeps them.
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await page.getByRole('button', { name: 'Nhân sự' }).click();
  await waitFor('the question before leaving', () => asked.length === 1);
  assert.deepEqual(asked, [vi.palette.leave]);
  assert.equal(await first.inputValue(), '1', 'still on the screen, what was typed kept');

  // Someone saves meanwhile: the save is stale, the settings in force are shown, what was typed is kept.
  const other = await call(page, 'service.settings', {});
  other.settings.targets.question.firstResponse = 120;
  other.settings.serialClaimsLimit = 5; // a setting this screen does not edit: kept by the save that follows
  assert.deepEqual(await call(page, 'service.saveSettings', { version: null, settings: other.settings }), { version: 1 });
  await save.click();
  await page.getByRole('alert').filter({ hasText: 'Cài đặt vừa được thay đổi ở nơi khác' }).waitFor();
  await page.getByTestId('current-target').filter({ hasText: 'Câu hỏi' }).filter({ hasText: 'Phản hồi đầu tiên (giờ): 2' }).waitFor();
  assert.equal(await first.inputValue(), '1');
  assert.equal(await page.getByLabel('Chủ nhật, ca 1: kết thúc').inputValue(), '12:00');
  await screenshot(page, 'service-stale');
  await save.click();
  await page.getByTestId('service-saved').filter({ hasText: 'Đã lưu (phiên bản 2)' }).waitFor();
  await page.getByTestId('service-version').filter({ hasText: 'Đang áp dụng: phiên bản 2' }).waitFor();
  await syncAll(page);

  // Desk B: the settings arrive with the complaints; the operator takes them, replies to one and waits on its customer.
  const lan = await signIn(browser, b.host, 'lan');
  await waitFor('desk B to hold version 2 of the settings', async () => {
    await syncInUi(lan);
    return (await call(lan, 'service.settings', {})).version === 2;
  });
  const settings: ServiceSettings = (await call(lan, 'service.settings', {})).settings;
  assert.equal(settings.targets.complaint.firstResponse, 60);
  assert.equal(settings.serialClaimsLimit, 5);
  assert.equal(settings.targets.question.resolution, 750);
  assert.deepEqual(settings.calendar.week[6], [[480, 720]]);
  assert.ok(settings.calendar.holidays.some((h) => h.date === DAY_OFF && h.name === 'Nghỉ kiểm kê'));
  for (const id of Object.values(ids)) {
    const d = await call(lan, 'complaints.get', { id });
    await call(lan, 'complaints.assign', { id, version: d.version, assigneeId: b.staff.lan });
  }
  await call(lan, 'complaints.queueReply', { id: ids.waiting, body: 'Nhờ chị gửi ảnh hóa đơn mua hàng.' });
  const w = await call(lan, 'complaints.reload', { id: ids.waiting });
  await call(lan, 'complaints.setStatus', { id: ids.waiting, version: w.version, status: 'waiting' });
  // Each complaint as desk B holds it now, its timeline with it: what the expected clocks are computed from.
  const held = new Map<string, any>();
  for (const id of Object.values(ids)) held.set(id, await call(lan, 'complaints.reload', { id }));

  /** What the shared clock says of a complaint now, from desk B's settings and the complaint's own timeline. */
  const expected = (id: string, at: number): Clock => {
    const d = held.get(id);
    const hours = hoursOf(settings.calendar);
    const target = settings.targets.complaint;
    const events: ClockEvent[] = d.timeline.flatMap((e: any): ClockEvent[] =>
      e.type === 'reply' ? [{ at: e.createdAt, reply: true }] : e.type === 'status_change' ? [{ at: e.createdAt, status: e.data.to }] : [],
    );
    const clock = runClock(hours, d.createdAt, events);
    const due = dueOf(hours, target, d.createdAt, clock);
    return {
      dueWhat: due.dueWhat,
      leftMs: due.dueAt === null ? null : businessLeft(hours, due.dueAt, at),
      pausedLeftMs: clock.status === 'waiting' ? pausedLeft(target, clock.usedMs) : null,
    };
  };
  /** The words the desk should show for a complaint: as of now, or of up to a minute and a half ago (a read's age). */
  const said = (id: string, lng: 'vi' | 'en') => {
    const at = Date.now();
    const words = new Set<string>();
    for (const t of [at, at - 30_000, at - 60_000, at - 90_000]) {
      const left = timeLeft(translators[lng], 'open', expected(id, t));
      words.add(left ? `${left.text} · ${left.what}` : '');
    }
    return words;
  };
  const shown = async (row: ReturnType<Page['locator']>) => {
    const [text, what] = await Promise.all([row.locator('.clock-text').textContent(), row.locator('.clock-what').textContent()]);
    return `${text} ${what}`;
  };
  const rowOf = (subject: string) => lan.locator('[role=option]').filter({ hasText: subject });
  const check = async (lng: 'vi' | 'en', testId = 'row-clock') => {
    for (const [key, subject] of [
      ['fresh', FRESH],
      ['old', OLD],
      ['waiting', WAITING],
    ] as const) {
      const clock = rowOf(subject).getByTestId(testId);
      await waitFor(`${subject}'s time left in ${lng}`, async () => said(ids[key], lng).has(await shown(clock)), {
        withinMs: 20_000,
        everyMs: 200,
      });
    }
  };

  await lan.getByTestId('nav-mine').click();
  await lan.getByTestId('result-count').filter({ hasText: '3 việc chưa xong' }).waitFor();
  assert.deepEqual(
    await lan.locator('[role=listbox] .row-subject').allTextContents(),
    [OLD, FRESH, WAITING],
    'soonest due first; paused last',
  );
  await check('vi');
  const old = rowOf(OLD).getByTestId('row-clock');
  assert.equal(await old.getAttribute('data-state'), 'overdue');
  assert.match((await old.textContent())!, /^⚠Quá hạn .+· phản hồi đầu tiên$/);
  assert.match((await old.getAttribute('title'))!, /\(tính theo giờ làm việc\)$/);
  assert.equal(await old.evaluate((el) => getComputedStyle(el).color), 'rgb(180, 35, 24)', 'overdue in the alert colour too');
  const fresh = expected(ids.fresh, Date.now());
  assert.equal(fresh.dueWhat, 'first_response');
  assert.ok(fresh.leftMs! <= 60 * 60_000, 'one working hour at most for a complaint sent minutes ago');
  assert.match((await rowOf(WAITING).getByTestId('row-clock').textContent())!, /^‖Tạm dừng — (còn|quá hạn) .+· xử lý xong$/);
  await rowOf(FRESH).click();
  await lan.getByRole('heading', { level: 2, name: FRESH }).waitFor();
  await waitFor('the detail’s time left', async () => said(ids.fresh, 'vi').has(await shown(lan.getByTestId('detail'))));
  await screenshot(lan, 'service-my-work');

  await go(lan, 'Khiếu nại');
  await lan.getByTestId('result-count').filter({ hasText: '3 khiếu nại' }).waitFor();
  await check('vi');
  await screenshot(lan, 'service-inbox');

  await lan.getByRole('button', { name: 'English' }).click();
  // The page's timers from here on run on a clock the test moves: My work's minute tick among them.
  await lan.clock.install();
  await lan.getByTestId('nav-mine').click();
  await lan.getByTestId('result-count').filter({ hasText: '3 items to do' }).waitFor();
  await check('en');
  assert.match((await old.textContent())!, /^⚠.+ overdue· first response$/);
  assert.match((await rowOf(WAITING).getByTestId('row-clock').textContent())!, /^‖Paused — .+ (left|overdue)· resolution$/);
  await screenshot(lan, 'service-my-work-en');

  // A minute on, My work reads itself again with no sync and no click: a complaint closed behind it has left.
  const o = await call(lan, 'complaints.reload', { id: ids.old });
  await call(lan, 'complaints.setStatus', { id: ids.old, version: o.version, status: 'closed' });
  await lan.clock.runFor(30_000);
  assert.equal(await lan.getByTestId('result-count').textContent(), '3 items to do', 'not before the minute');
  await lan.clock.runFor(31_000);
  await lan.getByTestId('result-count').filter({ hasText: '2 items to do' }).waitFor();
  assert.deepEqual(await lan.locator('[role=listbox] .row-subject').allTextContents(), [FRESH, WAITING]);

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByTestId('service-version').filter({ hasText: 'In force: version 2' }).waitFor();
  assert.equal(await page.getByLabel('Questions: resolution, working hours').inputValue(), '12,5', 'a change of language keeps the form');
  assert.ok(await page.getByRole('button', { name: 'Save settings' }).isDisabled(), 'nothing to save: 12,5 and 12.5 are one target');
  await screenshot(page, 'service-en');
});
