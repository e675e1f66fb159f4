/**
 * Why the API refused a line of a catalogue file, in the person's words. The API says it in English as
 * `column: message` (main/core/domain/product-import.ts: the column by its first heading, the message from the
 * import's own checks or the product schema's); the ones known here are translated, anything else is shown as
 * it came, so a new message is never hidden.
 */
import type { TFunction } from 'i18next';

/** The columns by the heading the API names them with. */
const COLUMNS: Record<string, string> = {
  sku: 'sku',
  ten: 'name',
  'bao hanh (thang)': 'warrantyMonths',
  'mau serial': 'serialPattern',
  'dang ban': 'active',
};

/** Each known message: its pattern, and its words with what the pattern caught. */
const MESSAGES: [RegExp, string, (m: RegExpExecArray) => Record<string, string>][] = [
  [/^already on line (\d+) of this file$/, 'duplicate', (m) => ({ line: m[1]! })],
  [/^write có or không, not “(.*)”$/s, 'yesNo', (m) => ({ value: m[1]! })],
  [/^must be a whole number of months$/, 'wholeMonths', () => ({})],
  [/^must be at most (\d+) months$/, 'maxMonths', (m) => ({ max: m[1]! })],
  [/^must be a code of letters, digits and \. _ - \(up to 64\)$/, 'sku', () => ({})],
  [/^must not be empty$/, 'empty', () => ({})],
  [/^must be at most (\d+) characters$/, 'tooLong', (m) => ({ max: m[1]! })],
  [/^must be one line$/, 'oneLine', () => ({})],
  [/^must not contain (control|bidirectional control) characters$/, 'control', () => ({})],
  [/^must use 9, A, \?, \* and plain characters only \(up to 50\)$/, 'pattern', () => ({})],
  [/^may hold \* once at most$/, 'star', () => ({})],
];

export function refusalText(t: TFunction, reason: string): string {
  const at = reason.indexOf(': ');
  const column = COLUMNS[reason.slice(0, at)];
  if (at < 0 || !column) return reason;
  const message = reason.slice(at + 2);
  for (const [pattern, key, values] of MESSAGES) {
    const m = pattern.exec(message);
    if (m) return `${t(`catalogue.columns.${column}`)}: ${t(`catalogue.reasons.${key}`, values(m))}`;
  }
  return `${t(`catalogue.columns.${column}`)}: ${message}`;
}
