import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fold } from '../../common/text/fold.ts';

test('folding removes Vietnamese marks, lowers case and maps đ to d', () => {
  assert.equal(fold('Điện thoại'), 'dien thoai');
  assert.equal(fold('KHIẾU NẠI'), 'khieu nai');
  assert.equal(fold('Đặng Thị Ngọc Hường'), 'dang thi ngoc huong');
  assert.equal(fold('dien thoai'), 'dien thoai');
});

test('folding treats precomposed and decomposed input alike', () => {
  assert.equal(fold('ệ'.normalize('NFC')), fold('ệ'.normalize('NFD')));
});
