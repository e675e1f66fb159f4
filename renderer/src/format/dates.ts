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
function formatter(language: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${language}:${withTime}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[language] ?? LOCALE.vi, withTime ? { ...DATE, ...TIME } : DATE);
    cache.set(key, f);
  }
  return f;
}

/** A moment: date and time, in the interface language unless another is named. */
export const formatDateTime = (ms: number, language: string = i18next.language): string => formatter(language, true).format(ms);

/** A day: the date alone, for facts where the hour does not matter (a customer since…). */
export const formatDate = (ms: number, language: string = i18next.language): string => formatter(language, false).format(ms);
