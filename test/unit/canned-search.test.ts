import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchScore, search } from '../../renderer/src/replies/search.ts';

const replies = [
  { title: 'Cảm ơn góp ý', body: 'Cảm ơn {{xung_ho}} đã góp ý.' },
  { title: 'Hướng dẫn đổi hàng', body: 'Quý khách vui lòng mang hàng trả lại kèm hóa đơn.' },
  { title: 'Xác nhận trả hàng', body: 'Cửa hàng đã nhận hàng trả lại.' },
];
const titles = (query: string) => search(query, replies).map((r) => r.title);

test('canned replies are found without regard to case and Vietnamese marks', () => {
  assert.deepEqual(titles('tra hang'), ['Xác nhận trả hàng', 'Hướng dẫn đổi hàng']);
  assert.deepEqual(titles('XÁC NHẬN'), ['Xác nhận trả hàng']);
  assert.deepEqual(titles('doi'), ['Hướng dẫn đổi hàng']);
});

test('a title starting with the query ranks before a title or a body merely holding it', () => {
  assert.deepEqual(titles('cam on'), ['Cảm ơn góp ý']);
  assert.deepEqual(titles('hoa don'), ['Hướng dẫn đổi hàng']);
  assert.ok(matchScore('xac', replies[2]!)! > matchScore('tra', replies[2]!)!);
});

test('the letters of a hurried query, in order, find a title; nothing typed lists everything in order', () => {
  assert.deepEqual(titles('xnth'), ['Xác nhận trả hàng']);
  assert.deepEqual(
    titles(''),
    replies.map((r) => r.title),
  );
  assert.deepEqual(titles('bảo hành'), []);
});
