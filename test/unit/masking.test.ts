/**
 * The customer card's masks at their edges: empty and one-letter values, decomposed Vietnamese marks,
 * emoji, an email without a local part, phone numbers too short to mask by the usual pattern.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskAddress, maskEmail, maskName, maskPhone } from '../../main/core/domain/masking.ts';

const nfd = (s: string) => s.normalize('NFD');

test('a name keeps its family name and initials', () => {
  assert.equal(maskName('Nguyễn Thị Lan'), 'Nguyễn T. L.');
  assert.equal(maskName('  Trần   Minh  Đức '), 'Trần M. Đ.');
  assert.equal(maskName(''), '');
  assert.equal(maskName('   '), '');
  assert.equal(maskName('L'), 'L');
  assert.equal(maskName('Lý A'), 'Lý A.');
});

test('a decomposed name comes out composed, and an initial keeps all of its marks', () => {
  assert.notEqual(nfd('Đỗ'), 'Đỗ'); // the input really is decomposed
  assert.equal(maskName(nfd('Đỗ Thị Ngọc Hường')), 'Đỗ T. N. H.');
  assert.equal(maskName(nfd('Lê Ấu Ỷ')), 'Lê Ấ. Ỷ.');
  // No precomposed form exists for x + combining tilde: the cluster stays whole rather than losing its mark.
  assert.equal(maskName('Lê x\u0303a'), 'Lê x\u0303.');
});

test('an emoji is one character to the masks, never half a surrogate pair or half a ZWJ sequence', () => {
  assert.equal(maskName('Lan 👩‍👩‍👧 Anh'), 'Lan 👩‍👩‍👧. A.');
  assert.equal(maskName('Mai 🇻🇳'), 'Mai 🇻🇳.');
  assert.equal(maskEmail('😀lan@gmail.com'), '😀***@gmail.com');
});

test('an email keeps its first character and its domain', () => {
  assert.equal(maskEmail('nguyenlan@gmail.com'), 'n***@gmail.com');
  assert.equal(maskEmail(nfd('ệlan@gmail.com')), 'ệ***@gmail.com');
  assert.equal(maskEmail('a@b.vn'), 'a***@b.vn');
  assert.equal(maskEmail('"a@b"@example.vn'), '"***@example.vn');
});

test('an email without a local part, without an @ or empty shows nothing of itself', () => {
  assert.equal(maskEmail('@gmail.com'), '***');
  assert.equal(maskEmail('nguyenlan'), '***');
  assert.equal(maskEmail(''), '***');
});

test('a phone keeps its carrier prefix and last three digits', () => {
  assert.equal(maskPhone('0912345123'), '09xx xxx 123');
  assert.equal(maskPhone('091 234 5123'), '09xx xxx 123');
  assert.equal(maskPhone('028.3823.4567'), '02xx xxx 567');
});

test('a phone too short for that pattern shows none of its digits', () => {
  for (const short of ['', '1', '12345', '123456', '12345678', 'không có']) assert.equal(maskPhone(short), '•••', short);
  assert.equal(maskPhone('123456789'), '12xx xxx 789');
});

test('an address keeps only its last part', () => {
  assert.equal(maskAddress('12 Lê Lợi, Phường Bến Nghé, TP. Hồ Chí Minh'), '***, TP. Hồ Chí Minh');
  assert.equal(maskAddress(nfd('12 Lê Lợi, Huế')), '***, Huế');
  assert.equal(maskAddress('Huế'), '***');
  assert.equal(maskAddress(''), '***');
  assert.equal(maskAddress(' , ,'), '***');
});
