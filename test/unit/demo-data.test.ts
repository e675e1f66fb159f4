/**
 * The demo's complaints must read as real ones: each names a fault its product can have (a fridge never
 * has a draining battery), and the text says the same product and fault as the subject.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeComplaint, ORDER_PROBLEMS, PRODUCTS, seeded } from '../../main/core/demo/vietnamese.ts';

const complaints = Array.from({ length: 5000 }, (_, i) => makeComplaint(seeded(i)));

test('every generated complaint’s fault belongs to its product, or is a problem any order can have', () => {
  for (const c of complaints) {
    const product = PRODUCTS.find((p) => p.name === c.product);
    assert.ok(product, c.product);
    const faults = [...product.faults, ...ORDER_PROBLEMS].map((f) => f.subject);
    assert.ok(faults.includes(c.fault), `${c.product}: ${c.fault}`);
    assert.equal(c.subject, `Khiếu nại ${c.product}: ${c.fault}`);
    assert.match(c.body, new RegExp(`Tôi mua ${c.product} theo đơn hàng DH\\d{6}\\.`));
  }
});

test('every product and every one of its faults turns up in the demo', () => {
  const seen = new Set(complaints.map((c) => `${c.product}: ${c.fault}`));
  for (const p of PRODUCTS) for (const f of p.faults) assert.ok(seen.has(`${p.name}: ${f.subject}`), `${p.name}: ${f.subject}`);
});

// Written out here rather than read from the demo's table, so a wrong pairing in that table shows.
const HAS_BATTERY = ['điện thoại', 'tai nghe', 'laptop', 'máy hút bụi', 'đồng hồ', 'loa Bluetooth'];
const HAS_SCREEN = ['điện thoại', 'laptop', 'tivi', 'đồng hồ'];
const COOLS = ['tủ lạnh', 'quạt điều hòa', 'máy lạnh'];
const HEATS = ['nồi cơm', 'bàn là', 'lò vi sóng', 'bếp từ', 'máy sấy tóc'];
const USES_WATER = ['tủ lạnh', 'máy giặt', 'quạt điều hòa', 'máy lọc nước', 'bàn là', 'máy lạnh'];
const RULES: [RegExp, string[]][] = [
  [/\bpin\b|bộ sạc/, HAS_BATTERY],
  [/màn hình/, HAS_SCREEN],
  [/không lạnh|làm lạnh/, COOLS],
  [/không nóng/, HEATS],
  [/rò rỉ nước/, USES_WATER],
  [/Bluetooth/, ['tai nghe', 'đồng hồ', 'loa Bluetooth']],
  [/cơm/, ['nồi cơm']],
];

test('a fault about a battery, a screen, cooling, heating, water or Bluetooth is only on a product that has one', () => {
  for (const c of complaints) {
    for (const [words, kinds] of RULES) {
      if (words.test(`${c.fault} ${c.body.replace(c.product, '')}`))
        assert.ok(
          kinds.some((k) => c.product.startsWith(k)),
          `${c.product}: ${c.fault}`,
        );
    }
  }
});
