/** What the command palette matches on the desk, and what it sends to work.find (finding a customer is audited). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { looksFindable, matchLocal } from '../../renderer/src/palette/match.ts';

const SCREENS = [
  { key: 'mine', title: 'Việc của tôi' },
  { key: 'complaint', title: 'Khiếu nại' },
  { key: 'warranty', title: 'Bảo hành' },
  { key: 'catalogue', title: 'Danh mục sản phẩm' },
];
const keys = (typed: string) => matchLocal(typed, SCREENS).map((s) => s.key);

test('screens match without regard to case or marks, a hurried abbreviation too; nothing typed lists all', () => {
  assert.deepEqual(keys(''), ['mine', 'complaint', 'warranty', 'catalogue']);
  assert.deepEqual(keys('bao hanh'), ['warranty']);
  assert.deepEqual(keys('KHIẾU'), ['complaint']);
  assert.deepEqual(keys('khnai'), ['complaint']);
  assert.deepEqual(keys('zzz'), []);
});

test('only a whole reference, email or phone number is looked up', () => {
  for (const text of ['KN-1A2B3C4D', 'kn1a2b3c4d', '1a2b3c4d', ' bh-0123abcd ', 'hoa@gmail.com', '+84 987 654 321', '0987.654.321']) {
    assert.equal(looksFindable(text), true, text);
  }
  for (const text of ['Phạm', 'bao hanh', 'KN-1A2B', 'xx-1a2b3c4d', 'hoa@gmail', '0987 654', '']) {
    assert.equal(looksFindable(text), false, text);
  }
});
