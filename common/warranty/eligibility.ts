/**
 * Whether a warranty claim is within its product's warranty, in calendar dates (YYYY-MM-DD), as staff say it
 * to the customer. A warranty of N months bought on a day runs to the same day N months later, inclusive;
 * where that month is shorter it ends on the month's last day (bought 31/01, one month: until 28/02 or 29/02;
 * bought 29/02/2024, a year: until 28/02/2025).
 */

export type Eligibility =
  | { state: 'in'; until: string; daysLeft: number }
  | { state: 'out'; until: string; daysOver: number }
  /** What staff must ask the customer (or find in the catalogue) before they can say. */
  | { state: 'unknown'; missing: ('purchaseDate' | 'product')[] };

const DAY = 86_400_000;
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The last day a warranty of `months` months bought on `purchaseDate` covers. */
export function warrantyUntil(purchaseDate: string, months: number): string {
  const [y, m, d] = purchaseDate.split('-').map(Number) as [number, number, number];
  const lastOfMonth = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastOfMonth))).toISOString().slice(0, 10);
}

export function eligibility(purchaseDate: string | null, warrantyMonths: number | null, today: string): Eligibility {
  const missing = [...(purchaseDate ? [] : ['purchaseDate' as const]), ...(warrantyMonths === null ? ['product' as const] : [])];
  if (!purchaseDate || warrantyMonths === null) return { state: 'unknown', missing };
  const until = warrantyUntil(purchaseDate, warrantyMonths);
  const days = Math.round((utc(until) - utc(today)) / DAY);
  return days >= 0 ? { state: 'in', until, daysLeft: days } : { state: 'out', until, daysOver: -days };
}

/** Today's date where the retailer works (Vietnam, UTC+7 all year). */
export const todayInVietnam = (now = Date.now()): string => new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
