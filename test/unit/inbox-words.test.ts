/**
 * The inbox is generic over the kind of submission: the texts all inboxes share (the `?` help's j/k/e, the
 * stale-edit error) take the kind's own words from kinds.<kind>, so a question inbox never says "complaint".
 * Rendered by i18next as the desk renders them; the complaint texts read as they did before.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import i18next from 'i18next';
import { en } from '../../renderer/src/i18n/en.ts';
import { vi } from '../../renderer/src/i18n/vi.ts';
import { itemWords } from '../../renderer/src/inbox/kinds.ts';

const TIMEOUT = { timeout: 10_000 };
const SHARED = ['shortcuts.j', 'shortcuts.k', 'shortcuts.e', 'errors.stale'];

/** The desk's texts, with one more inbox whose words are made up for the test. */
async function translator(lng: 'vi' | 'en') {
  const question = lng === 'vi' ? { item: 'câu hỏi', itemStart: 'Câu hỏi' } : { item: 'question', itemStart: 'Question' };
  const words = lng === 'vi' ? vi : en;
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { [lng]: { translation: { ...words, kinds: { ...words.kinds, question } } } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

test('the shared inbox texts name no kind of their own', TIMEOUT, () => {
  for (const words of [vi, en]) {
    for (const key of SHARED) {
      const [block, name] = key.split('.') as ['shortcuts' | 'errors', string];
      const text = (words[block] as Record<string, string>)[name]!;
      assert.doesNotMatch(text, /khiếu nại|complaint/i, key);
    }
  }
});

test('complaints read as before; another inbox names its own kind', TIMEOUT, async () => {
  const t = await translator('vi');
  const said = (words: string) => SHARED.map((key) => t(key, itemWords(t, words)));
  assert.deepEqual(said('kinds.complaint'), [
    'Khiếu nại tiếp theo',
    'Khiếu nại trước',
    'Đóng khiếu nại đang chọn',
    'Khiếu nại này vừa được thay đổi ở nơi khác; đã tải lại trạng thái mới nhất, hãy thử lại.',
  ]);
  assert.deepEqual(said('kinds.question'), [
    'Câu hỏi tiếp theo',
    'Câu hỏi trước',
    'Đóng câu hỏi đang chọn',
    'Câu hỏi này vừa được thay đổi ở nơi khác; đã tải lại trạng thái mới nhất, hãy thử lại.',
  ]);
  const tEn = await translator('en');
  assert.deepEqual(
    SHARED.map((key) => tEn(key, itemWords(tEn, 'kinds.question'))),
    [
      'Next question',
      'Previous question',
      'Close the selected question',
      'This question was just changed elsewhere; the latest state is loaded, please try again.',
    ],
  );
});

test('English counts attempts in the plural it needs', TIMEOUT, async () => {
  const t = await translator('en');
  const retrying = (count: number) => t('delivery.retrying', { time: '10:00', count, reason: 'x' });
  assert.equal(retrying(1), 'retrying at 10:00 (tried once): x');
  assert.equal(retrying(3), 'retrying at 10:00 (tried 3 times): x');
  const tVi = await translator('vi');
  assert.equal(tVi('delivery.retrying', { time: '10:00', count: 1, reason: 'x' }), 'gửi lại lúc 10:00 (đã thử 1 lần): x');
});
