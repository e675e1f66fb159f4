/**
 * Vietnam's public holidays of a year, as the Labour Code (2019, art. 112) gives them, to fill a year of the
 * business calendar: New Year's Day; Tết, five days (the last day of the lunar year and the first four of the
 * next); the Hùng Kings' day (10/3 lunar); 30 April; 1 May; National Day, 2 September and the day before. A
 * holiday on a Sunday gives the next working day off (art. 112.3). The lunar dates come from date-holidays.
 * The government announces each year's exact days (it often moves days to join Tết with a weekend), so this
 * is a proposal directors review and change.
 */
import Holidays from 'date-holidays';
import type { Holiday } from '../../../common/sla/calendar.ts';

const DAY = 86_400_000;
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const isSunday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() === 0;

const vietnam = new Holidays('VN');
/** The library's names of the two lunar holidays whose dates it computes. */
const lunarDate = (year: number, name: string): string => {
  const found = vietnam.getHolidays(year).find((h) => h.name === name);
  if (!found) throw new Error(`date-holidays has no "${name}" in ${year}`);
  return found.date.slice(0, 10);
};

export function publicHolidays(year: number): Holiday[] {
  const eve = lunarDate(year, 'Giao thừa Tết Nguyên Đán');
  const days: Holiday[] = [
    { date: `${year}-01-01`, name: 'Tết Dương lịch' },
    { date: eve, name: 'Tết Nguyên Đán (ngày cuối năm)' },
    ...[1, 2, 3, 4].map((n) => ({ date: shift(eve, n), name: `Tết Nguyên Đán (mùng ${n})` })),
    { date: lunarDate(year, 'Giỗ tổ Hùng Vương'), name: 'Giỗ Tổ Hùng Vương' },
    { date: `${year}-04-30`, name: 'Ngày Giải phóng miền Nam' },
    { date: `${year}-05-01`, name: 'Quốc tế Lao động' },
    { date: `${year}-09-01`, name: 'Quốc khánh (ngày liền kề)' },
    { date: `${year}-09-02`, name: 'Quốc khánh' },
  ];
  const taken = new Set(days.map((d) => d.date));
  const inLieu: Holiday[] = [];
  for (const d of days.filter((x) => isSunday(x.date))) {
    let date = shift(d.date, 1);
    while (taken.has(date) || isSunday(date)) date = shift(date, 1);
    taken.add(date);
    inLieu.push({ date, name: `Nghỉ bù ${d.name}` });
  }
  return [...days, ...inLieu].sort((a, b) => a.date.localeCompare(b.date));
}
