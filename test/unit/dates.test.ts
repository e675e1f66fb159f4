/** The renderer's date helper: four-digit years in Vietnamese (dd/mm/yyyy) and in English, 24-hour clock. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatDateTime } from '../../renderer/src/format/dates.ts';

// Local time, so the expected text does not depend on the machine's time zone.
const morning = new Date(2026, 0, 5, 9, 7).getTime();
const evening = new Date(2025, 11, 31, 23, 59).getTime();

test('Vietnamese dates are dd/mm/yyyy with the time first, as Vietnamese writes it', () => {
  assert.equal(formatDateTime(morning, 'vi'), '09:07 05/01/2026');
  assert.equal(formatDateTime(evening, 'vi'), '23:59 31/12/2025');
  assert.equal(formatDate(morning, 'vi'), '05/01/2026');
});

test('English dates have the same four-digit year and day-first order', () => {
  assert.equal(formatDateTime(morning, 'en'), '05/01/2026, 09:07');
  assert.equal(formatDateTime(evening, 'en'), '31/12/2025, 23:59');
  assert.equal(formatDate(evening, 'en'), '31/12/2025');
});

test('a language the desk does not have falls back to Vietnamese', () => {
  assert.equal(formatDateTime(morning, 'fr'), formatDateTime(morning, 'vi'));
});
