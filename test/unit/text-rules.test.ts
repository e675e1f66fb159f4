/**
 * What the shared schemas accept is what the stores can keep as it was sent: no unpaired surrogate, no NUL,
 * times a JS Date and PostgreSQL both hold and that are plausible, plain whole numbers in query strings.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PullQuery } from '../../common/protocol/sync.ts';
import { EARLIEST_PURCHASE_DATE, deskInstant, pastDate, websiteInstant } from '../../common/protocol/time.ts';
import { line, text, wellFormed } from '../../common/text/schemas.ts';

const TIMEOUT = { timeout: 10_000 };
const accepts = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) => schema.safeParse(v).success;

test('every text schema refuses an unpaired surrogate and NUL, and keeps real pairs (emoji)', TIMEOUT, () => {
  for (const schema of [wellFormed(50), text(50), line(50)]) {
    for (const bad of ['m\ud800', 'm\udbff', '\udc00m', 'a\udfffb', 'a\u0000b'])
      assert.equal(accepts(schema, bad), false, JSON.stringify(bad));
    assert.equal(accepts(schema, 'Lan 😀 Nguyễn'), true);
  }
  // One message, for the first fault: the field is named once, not once per rule that follows.
  const issues = text(50).safeParse('m\ud800').error!.issues;
  assert.equal(issues.length, 1);
  assert.match(issues[0]!.message, /well-formed/);
});

test('website instants: year 0000, before 2000, the future and impossible offsets are refused', TIMEOUT, () => {
  const future = new Date(Date.now() + 60 * 60 * 1000).toISOString();
  for (const bad of [
    '0000-01-01T00:00:00Z',
    '1999-12-31T23:59:59Z',
    '1999-12-31T23:59:59-00:00',
    '9999-12-31T23:59:59Z',
    future,
    '2026-01-01T00:00:00+23:59',
    '2026-01-01T00:00:00-13:00',
    '2026-01-01T00:00:00+14:01',
  ])
    assert.equal(accepts(websiteInstant, bad), false, bad);
  for (const good of ['2000-01-01T00:00:00Z', '2026-01-01T00:00:00+14:00', '2026-01-01T00:00:00-12:00', new Date().toISOString()])
    assert.equal(accepts(websiteInstant, good), true, good);
});

test('desk instants are whole milliseconds from 2000 to a day ahead; purchase dates from 1990 to today', TIMEOUT, () => {
  for (const bad of [0, -1, 8.7e15, Date.now() + 2 * 86_400_000, 1.5e12 + 0.5]) assert.equal(accepts(deskInstant, bad), false, String(bad));
  assert.equal(accepts(deskInstant, Date.now()), true);
  for (const bad of ['0000-01-01', '1989-12-31', '2999-01-01', new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)])
    assert.equal(accepts(pastDate, bad), false, bad);
  for (const good of [EARLIEST_PURCHASE_DATE, new Date().toISOString().slice(0, 10)]) assert.equal(accepts(pastDate, good), true, good);
});

test('a pull cursor is digits only and exact as a JS number', TIMEOUT, () => {
  for (const bad of ['-1', '1e3', '0x10', ' 5', '1.0', '', '01', '9007199254740992', '99999999999999999999', 'abc'])
    assert.equal(accepts(PullQuery, { cursor: bad }), false, JSON.stringify(bad));
  assert.deepEqual(PullQuery.parse({}), { cursor: 0, limit: 500, count: 'false', backfillCursor: 0 });
  assert.equal(PullQuery.parse({ cursor: '9007199254740991' }).cursor, Number.MAX_SAFE_INTEGER);
  assert.equal(accepts(PullQuery, { limit: '0' }), false);
  assert.equal(accepts(PullQuery, { limit: '2001' }), false);
});
