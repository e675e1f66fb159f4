/**
 * Every reason the hub gives, by code, for refusing a merge or a step on a customer's request has words in both of
 * the desk's languages, so the conflicts list and the merge preview never fall back to the hub's English.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MERGE_REFUSALS } from '../../common/customers/merge.ts';
import { REQUEST_REFUSALS } from '../../common/requests/refusals.ts';
import { en } from '../../renderer/src/i18n/en.ts';
import { vi } from '../../renderer/src/i18n/vi.ts';

test('each refusal code has its words in Vietnamese and English', { timeout: 10_000 }, () => {
  for (const [lng, words] of [
    ['vi', vi],
    ['en', en],
  ] as const) {
    const merge: Record<string, string> = words.customers.merge.refused;
    const request: Record<string, string> = words.requests.refused;
    for (const code of Object.keys(MERGE_REFUSALS)) assert.ok(merge[code]?.trim(), `${lng}: customers.merge.refused.${code}`);
    for (const code of Object.keys(REQUEST_REFUSALS)) assert.ok(request[code]?.trim(), `${lng}: requests.refused.${code}`);
    assert.deepEqual(Object.keys(merge).sort(), Object.keys(MERGE_REFUSALS).sort(), `${lng}: no words for a code that is gone`);
    assert.deepEqual(Object.keys(request).sort(), Object.keys(REQUEST_REFUSALS).sort(), `${lng}: no words for a code that is gone`);
  }
});
