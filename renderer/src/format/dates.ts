/**
 * The one place the renderer turns a timestamp into text, so every screen writes dates the same way:
 * day/month/four-digit year in both languages (Vietnamese `14:16 25/11/2026`, English `25/11/2026, 14:16`).
 * Intl's `dateStyle: 'short'` gives Vietnamese a two-digit year, which is why the parts are spelled out.
 */
import i18next from 'i18next';

const LOCALE: Record<string, string> = { vi: 'vi-VN', en: 'en-GB' };
const DATE = { day: '2-digit', month: '2-digit', year: 'numeric' } as const;
const TIME = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

// Building a formatter costs far more than using one, and a list formats a date per row.
const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(language: string, withTime: boolean, utc = false): Intl.DateTimeFormat {
  const key = `${language}:${withTime}:${utc}`;
  let f = cache.get(key);
  if (!f) {
    const parts = withTime ? { ...DATE, ...TIME } : DATE;
    f = new Intl.DateTimeFormat(LOCALE[language] ?? LOCALE.vi, utc ? { ...parts, timeZone: 'UTC' } : parts);
    cache.set(key, f);
  }
  return f;
}

/** A moment: date and time, in the interface language unless another is named. */
export const formatDateTime = (ms: number, language: string = i18next.language): string => formatter(language, true).format(ms);

/** A day: the date alone, for facts where the hour does not matter (a customer since…). */
export const formatDate = (ms: number, language: string = i18next.language): string => formatter(language, false).format(ms);

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar day as the protocol writes it (YYYY-MM-DD, a purchase date): dd/mm/yyyy like formatDate, the same
 * day whatever the desk's time zone. Anything else is shown as it is.
 */
export const formatDay = (day: string, language: string = i18next.language): string =>
  ISO_DAY.test(day) && !Number.isNaN(Date.parse(day)) ? formatter(language, false, true).format(Date.parse(day)) : day;

/** A day typed as dd/mm/yyyy (or with dots or dashes), as YYYY-MM-DD; anything else comes back trimmed, for a schema to refuse. */
export function parseDay(typed: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(typed.trim());
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : typed.trim();
}
