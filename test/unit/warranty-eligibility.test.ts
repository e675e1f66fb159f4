/** Warranty eligibility at its boundaries: the last covered day, short months, leap days, what is missing. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eligibility, todayInVietnam, warrantyUntil } from '../../common/warranty/eligibility.ts';

test('a warranty runs to the same day N months later, or the last day of a shorter month', () => {
  assert.equal(warrantyUntil('2026-03-12', 12), '2027-03-12');
  assert.equal(warrantyUntil('2026-01-31', 1), '2026-02-28');
  assert.equal(warrantyUntil('2027-01-31', 13), '2028-02-29'); // into a leap year
  assert.equal(warrantyUntil('2024-02-29', 12), '2025-02-28');
  assert.equal(warrantyUntil('2024-02-29', 48), '2028-02-29');
  assert.equal(warrantyUntil('2026-08-31', 6), '2027-02-28');
  assert.equal(warrantyUntil('2026-05-15', 0), '2026-05-15');
  assert.equal(warrantyUntil('2025-12-31', 24), '2027-12-31');
});

test('in warranty through the last day, out from the day after, counted in days', () => {
  assert.deepEqual(eligibility('2026-03-12', 12, '2027-03-12'), { state: 'in', until: '2027-03-12', daysLeft: 0 });
  assert.deepEqual(eligibility('2026-03-12', 12, '2027-03-13'), { state: 'out', until: '2027-03-12', daysOver: 1 });
  assert.deepEqual(eligibility('2026-03-12', 12, '2026-12-05'), { state: 'in', until: '2027-03-12', daysLeft: 97 });
  assert.deepEqual(eligibility('2024-02-29', 12, '2025-03-01'), { state: 'out', until: '2025-02-28', daysOver: 1 });
  // Across the change of year and a leap day: 2028-02-29 exists.
  assert.deepEqual(eligibility('2027-01-31', 13, '2028-02-29'), { state: 'in', until: '2028-02-29', daysLeft: 0 });
});

test('without a purchase date or a catalogue product, eligibility is unknown and says what is missing', () => {
  assert.deepEqual(eligibility(null, 12, '2026-12-05'), { state: 'unknown', missing: ['purchaseDate'] });
  assert.deepEqual(eligibility('2026-01-01', null, '2026-12-05'), { state: 'unknown', missing: ['product'] });
  assert.deepEqual(eligibility(null, null, '2026-12-05'), { state: 'unknown', missing: ['purchaseDate', 'product'] });
});

test('today is Vietnam’s date: 17:00 UTC is already the next day there', () => {
  assert.equal(todayInVietnam(Date.UTC(2026, 11, 5, 16, 59)), '2026-12-05');
  assert.equal(todayInVietnam(Date.UTC(2026, 11, 5, 17, 0)), '2026-12-06');
});
