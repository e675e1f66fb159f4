/**
 * The pure half of comment markers (common/moderation/markers.ts): listed words found on folded text whatever the
 * case, marks or `đ`, whole words only; their places in the body as written, for highlighting; links counted.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countLinks, listedWordsIn, repeatKey, wordRanges } from '../../common/moderation/markers.ts';

const LIST = ['đm', 'lừa đảo', 'zalo'];

test('a listed word is found written with or without marks, in any case, with đ or d', () => {
  for (const body of ['ĐM shop', 'dm shop', 'Đm shop', 'shop đm!', 'shop DM.']) assert.deepEqual(listedWordsIn(body, LIST), ['đm'], body);
  for (const body of ['Shop LỪA ĐẢO', 'shop lua dao', 'shop lừa   đảo', 'shop Lừa\nđảo'])
    assert.deepEqual(listedWordsIn(body, LIST), ['lừa đảo'], body);
  // Decomposed marks (as some keyboards send them) fold the same.
  assert.deepEqual(listedWordsIn('shop lừa đảo'.normalize('NFD'), LIST), ['lừa đảo']);
  assert.deepEqual(listedWordsIn('Liên hệ ZALO hoặc đm', LIST), ['đm', 'zalo']);
});

test('only whole words: a listed word inside a longer one is not found', () => {
  assert.deepEqual(listedWordsIn('admin dmx zalopay', LIST), []);
  assert.deepEqual(listedWordsIn('', LIST), []);
  assert.deepEqual(listedWordsIn('đm', []), []);
});

test('word ranges point at the words as written, marks and all, merged where they overlap', () => {
  const body = 'Shop LỪA ĐẢO thật, ĐM';
  const ranges = wordRanges(body, LIST);
  assert.deepEqual(
    ranges.map(([s, e]) => body.slice(s, e)),
    ['LỪA ĐẢO', 'ĐM'],
  );
  const decomposed = 'lừa đảo!'.normalize('NFD');
  const [[s, e]] = wordRanges(decomposed, LIST) as [[number, number]];
  assert.equal(decomposed.slice(s, e), 'lừa đảo'.normalize('NFD'), 'the marks after the last letter are in the range');
  assert.deepEqual(
    wordRanges('lừa đảo', ['lừa đảo', 'đảo']).map(([a, b]) => [a, b]),
    [[0, 7]],
  );
  // Characters outside the BMP before a word keep the offsets right.
  const emoji = '😡😡 đm';
  assert.deepEqual(
    wordRanges(emoji, LIST).map(([a, b]) => emoji.slice(a, b)),
    ['đm'],
  );
});

test('links are counted; the same text is the same whatever its case, marks and punctuation', () => {
  assert.equal(countLinks('xem http://a.example và https://b.example/x?y=1 hoặc www.c.example'), 3);
  assert.equal(countLinks('không có liên kết, chỉ có a.b'), 0);
  assert.equal(repeatKey('Giá TỐT quá!!!'), repeatKey('gia tot   qua'));
  assert.notEqual(repeatKey('giá tốt quá'), repeatKey('giá tốt lắm'));
});
