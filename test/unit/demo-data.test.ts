/**
 * The demo's submissions must read as real ones. Complaints: each names a fault its product can have (a fridge never
 * has a draining battery), and the text says the same product and fault as the subject.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { ProductFields, serialFits } from '../../common/protocol/products.ts';
import { TAX_CODE, WEBSITE_DETAILS } from '../../common/protocol/submission-details.ts';
import { fold } from '../../common/text/fold.ts';
import { AccountRequest, Consent, Submission } from '../../common/protocol/website-intake.ts';
import { REQUEST_TYPES } from '../../common/requests/requests.ts';
import { makeDataRequest } from '../../main/core/demo/data-requests.ts';
import { SUBMISSION_KINDS, type SubmissionKind } from '../../common/vocabulary/submissions.ts';
import { KIND_MIX, makeSubmission, pickKind, type DemoSubmission } from '../../main/core/demo/submissions.ts';
import { taxCheckDigit } from '../../main/core/demo/trade.ts';
import { makeComplaint, ORDER_PROBLEMS, PRODUCTS, seeded } from '../../main/core/demo/vietnamese.ts';
import { CATALOGUE, DEMO_PRODUCTS } from '../../main/core/demo/warranty.ts';
import { DEMO_CANNED_REPLIES, DEMO_TAGS } from '../../main/core/demo/replies.ts';
import { CannedReplyFields } from '../../common/replies/canned.ts';
import { TagFields } from '../../common/protocol/tags.ts';
import { SERIAL_CLAIMS_LIMIT } from '../../main/core/domain/warranty.ts';

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

// The other kinds: what each generator writes must be what the website's intake accepts, read as real
// Vietnamese (composed diacritics, no template left unfilled), and hold together (a serial's brand, a
// purchase before the claim, stars that match the words).
const AT = Date.UTC(2026, 10, 20, 3, 0, 0);
const made = Object.fromEntries(
  SUBMISSION_KINDS.map((kind) => [kind, Array.from({ length: 2000 }, (_, i) => makeSubmission(seeded(i), kind, AT))]),
) as { [K in SubmissionKind]: DemoSubmission<K>[] };

test('every kind’s generated submissions pass the website intake’s schema, with the kind’s own fields', () => {
  const customer = { ref: 'c1', fullName: 'Nguyễn Thị Lan' };
  for (const kind of SUBMISSION_KINDS) {
    for (const s of made[kind]) {
      const parsed = Submission.safeParse({
        kind,
        customer,
        subject: s.subject,
        body: s.body,
        submittedAt: new Date(AT).toISOString(),
        ...s.details,
      });
      assert.ok(parsed.success, `${kind}: ${JSON.stringify(s)}\n${parsed.error?.message}`);
      assert.ok(z.object(WEBSITE_DETAILS[kind]).strict().safeParse(s.details).success, `${kind}: ${JSON.stringify(s.details)}`);
    }
  }
});

test('the text is composed Vietnamese with every placeholder filled, and varied', () => {
  for (const kind of SUBMISSION_KINDS) {
    for (const s of made[kind]) {
      for (const text of [s.subject, s.body, ...Object.values(s.details).map(String)]) {
        assert.equal(text, text.normalize('NFC'), `${kind}: ${text}`);
        assert.doesNotMatch(text, /[{}]|undefined|NaN/, `${kind}: ${text}`);
      }
    }
    // Thousands of rows from a few dozen sentences, with names, places and numbers drawn into them.
    assert.ok(new Set(made[kind].map((s) => s.subject)).size >= 10, kind);
    assert.ok(new Set(made[kind].map((s) => s.body)).size >= made[kind].length / 4, kind);
  }
});

test('a trade contact has a province, a volume and, when it names a company, a tax code whose check digit holds', () => {
  // Real codes (Vinamilk, FPT, Vingroup) check the weights the generator uses.
  for (const real of ['0300588569', '0101248141', '0101245486']) assert.equal(taxCheckDigit(real.slice(0, 9)), Number(real[9]));
  const trades = new Set<string>();
  for (const { details: d, body } of made.trade_contact) {
    trades.add(d.trade);
    assert.ok(d.region && d.expectedVolume, JSON.stringify(d));
    assert.match(d.expectedVolume, /^khoảng \d+ /);
    assert.ok(body.includes(d.region) && body.includes(d.expectedVolume), body);
    assert.equal(d.taxCode === undefined, d.company === undefined, JSON.stringify(d));
    if (d.taxCode) {
      assert.match(d.taxCode, TAX_CODE);
      assert.equal(taxCheckDigit(d.taxCode.slice(0, 9)), Number(d.taxCode[9]), d.taxCode);
      assert.equal(/-\d{3}$/.test(d.taxCode), d.company!.startsWith('Chi nhánh '), JSON.stringify(d));
      assert.ok(body.includes(d.company!), body);
    }
  }
  assert.deepEqual([...trades].sort(), ['resale', 'wholesale']);
});

// Written out here rather than read from the catalogue, so a serial in the wrong brand's shape shows.
const SERIAL_SHAPES: [RegExp, RegExp][] = [
  [/ LG /, /^\d{3}[A-Z]{3}\d{6}$/],
  [/ Samsung Galaxy /, /^R5C[A-Z][A-Z0-9]{7}$/],
  [/ Samsung /, /^0[A-Z0-9]{3}3[A-Z]{3}\d{6}[A-Z]$/],
  [/ Panasonic /, /^\d[A-M]\d{8}$/],
  [/ Sony /, /^\d{7}$/],
  [/ Sharp /, /^\d{9}$/],
  [/ Electrolux /, /^\d{8}$/],
  [/ iPhone /, /^[0-9B-DF-HJ-NP-TV-Z]{10}$/],
  [/ Daikin /, /^\d{4}E\d{6}$/],
  [/ Asus /, /^[A-Z]\dNRCX\d{2}[A-Z]\d{6}$/],
  [/ Xiaomi /, /^\d{5}\/[A-Z]{2}\d{7}$/],
  [/ Philips /, /^\d{10}$/],
  [/ Karofi /, /^KAQU95-\d{4}-\d{5}$/],
  [/ Sunhouse /, /^SHB9105-\d{4}-\d{5}$/],
  [/ Kangaroo /, /^KG50F79-\d{4}-\d{5}$/],
];

const DAY = 86_400_000;
const productNamed = (d: { sku?: string; product: string }) =>
  d.sku ? DEMO_PRODUCTS.find((p) => p.sku === d.sku) : DEMO_PRODUCTS.find((p) => fold(p.name) === fold(d.product));

test('a warranty claim names a catalogue product by SKU or by name as typed, a serial in its brand’s shape, and a purchase 1 to 40 months before it', () => {
  let typedShort = 0;
  let elsewhere = 0;
  for (const { details: d, body, subject } of made.warranty) {
    const product = productNamed(d);
    if (d.sku) {
      assert.ok(product, `no catalogue product has the SKU ${d.sku}`);
      assert.equal(d.product, product.name, 'a product picked from the website’s list is named as in the catalogue');
    }
    if (!product) elsewhere++;
    const name = product?.name ?? d.product;
    const shape = SERIAL_SHAPES.find(([brand]) => brand.test(` ${name} `));
    assert.ok(shape, name);
    // A serial typed one character short is the only one that does not fit its product's pattern.
    const fits = shape[1].test(d.serial);
    if (!fits) typedShort++;
    if (product?.serialPattern) assert.equal(serialFits(d.serial, product.serialPattern), fits, `${name}: ${d.serial}`);
    assert.ok(d.purchaseDate, `${name}: a demo claim says when the unit was bought`);
    const days = (AT - Date.parse(`${d.purchaseDate}T00:00:00Z`)) / DAY;
    assert.ok(days >= 30 && days <= 40 * 31, `${d.purchaseDate} is ${days} days before the claim`);
    // The claim is about a unit (a compressor's claim about its fridge), which the subject and body name.
    const unit = /^Bảo hành (.+): /.exec(subject)?.[1];
    assert.ok(unit && fold(name).endsWith(fold(unit)), `${subject} / ${name}`);
    const [y, m, day] = d.purchaseDate.split('-');
    assert.ok(body.includes(`Tôi mua ${unit} ngày ${day}/${m}/${y}, số serial ${d.serial}`), body);
  }
  // A few of each odd claim, out of 2,000.
  assert.ok(typedShort > 20 && typedShort < 160, `${typedShort} serials typed short`);
  assert.ok(elsewhere > 20 && elsewhere < 160, `${elsewhere} products bought elsewhere`);
  // Where the serial carries the date of manufacture (LG: year digit and month), it is some months before the purchase.
  const lg = made.warranty.filter((s) => / LG /.test(productNamed(s.details)?.name ?? '') && SERIAL_SHAPES[0]![1].test(s.details.serial));
  assert.ok(lg.length > 0);
  for (const { details: d } of lg) {
    const bought = Date.parse(`${d.purchaseDate}T00:00:00Z`);
    const before = Array.from({ length: 260 }, (_, i) => new Date(bought - i * DAY)).map(
      (t) => `${t.getUTCFullYear() % 10}${String(t.getUTCMonth() + 1).padStart(2, '0')}`,
    );
    assert.ok(before.includes(d.serial.slice(0, 3)), `${d.serial} bought ${d.purchaseDate}`);
  }
  // Every product of the catalogue is claimed, parts too; by SKU and by name, as on the tag and as typed.
  assert.deepEqual(
    new Set(made.warranty.map((s) => productNamed(s.details)?.sku).filter(Boolean)),
    new Set(DEMO_PRODUCTS.map((p) => p.sku)),
  );
  const named = made.warranty.filter((s) => !s.details.sku && productNamed(s.details));
  assert.ok(made.warranty.filter((s) => s.details.sku).length > 600 && named.length > 600);
  assert.ok(named.some((s) => s.details.product === productNamed(s.details)!.name));
  assert.ok(
    named.some(
      (s) =>
        s.details.product === fold(s.details.product) &&
        fold(productNamed(s.details)!.name) !== productNamed(s.details)!.name.toLowerCase(),
    ),
  );
  assert.ok(named.some((s) => s.details.product !== productNamed(s.details)!.name && s.details.product !== fold(s.details.product)));
});

test('the catalogue: one SKU per product, each valid as a director would enter it, its serial pattern fitting every serial made for it', () => {
  for (const p of DEMO_PRODUCTS) assert.ok(ProductFields.safeParse(p).success, JSON.stringify(p));
  assert.equal(new Set(DEMO_PRODUCTS.map((p) => p.sku.toLowerCase())).size, DEMO_PRODUCTS.length);
  assert.equal(new Set(DEMO_PRODUCTS.map((p) => fold(p.name))).size, DEMO_PRODUCTS.length);
  assert.deepEqual(new Set(DEMO_PRODUCTS.map((p) => p.warrantyMonths)), new Set([12, 24, 36, 60, 84, 120]));
  assert.ok(
    DEMO_PRODUCTS.some((p) => !p.active),
    'a model no longer sold stays, inactive',
  );
  assert.equal(CATALOGUE.length, 25);
});

test('a few claims name a unit claimed before, some of them more often than the desk thinks one unit fails', () => {
  const rng = seeded(3);
  const claims = Array.from({ length: 400 }, () => makeSubmission(rng, 'warranty', AT).details);
  const bySerial = new Map<string, (typeof claims)[number][]>();
  for (const d of claims) bySerial.set(d.serial, [...(bySerial.get(d.serial) ?? []), d]);
  const again = [...bySerial.values()].filter((same) => same.length > 1);
  assert.ok(again.length > 0 && again.length <= 8, `${again.length} serials claimed more than once`);
  assert.ok(again.some((same) => same.length > SERIAL_CLAIMS_LIMIT));
  // The same unit: one product (a compressor's claim is about its fridge), bought after it was made.
  for (const same of again) {
    const models = new Set(same.map((d) => productNamed(d)!.serialPattern));
    assert.equal(models.size, 1, JSON.stringify(same));
  }
  // The same seed makes the same claims.
  const rerun = seeded(3);
  assert.deepEqual(
    Array.from({ length: 400 }, () => makeSubmission(rerun, 'warranty', AT).details),
    claims,
  );
});

test('feedback’s stars and words agree: a headline by rating, praise only at 4 and 5, and some without stars', () => {
  const PRAISE = /hài lòng với|rất tốt|tiếp tục ủng hộ|nhiệt tình, so sánh/;
  const BLAME = /thất vọng|thờ ơ|hủy đơn|chưa được hoàn tiền|cần cải thiện/;
  const ratings = new Set<number | undefined>();
  for (const { details: d, subject, body } of made.feedback) {
    ratings.add(d.rating);
    if (d.rating === undefined) {
      assert.doesNotMatch(subject, /sao/);
      continue;
    }
    assert.ok(subject.startsWith(`Đánh giá ${d.rating} sao: `), subject);
    if (d.rating <= 3) assert.doesNotMatch(body, PRAISE, body);
    if (d.rating >= 3) assert.doesNotMatch(body, BLAME, body);
  }
  assert.deepEqual([...ratings].sort(), [1, 2, 3, 4, 5, undefined]);
});

test('questions and feedback about installing a product name only products a technician installs', () => {
  const installed = PRODUCTS.filter((p) => p.installed).map((p) => p.name);
  const about = [
    ...made.question.filter((q) => /^(Phí lắp đặt|Hẹn lịch lắp đặt) /.test(q.subject)),
    ...made.feedback.filter((f) => /lắp \S|dọn dẹp/.test(f.body) && PRODUCTS.some((p) => f.body.includes(p.name))),
  ];
  assert.ok(about.length > 0);
  for (const { body } of about)
    assert.ok(
      installed.some((name) => body.includes(name)),
      body,
    );
});

test('the website’s kinds come in the demo’s proportions', () => {
  const rng = seeded(7);
  const n = 20_000;
  const seen = new Map<SubmissionKind, number>();
  for (let i = 0; i < n; i++) {
    const k = pickKind(rng);
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const total = SUBMISSION_KINDS.reduce((sum, k) => sum + KIND_MIX[k], 0);
  for (const k of SUBMISSION_KINDS) assert.ok(Math.abs(seen.get(k)! / n - KIND_MIX[k] / total) < 0.01, k);
});

test('the demo’s canned replies and tags are each valid as a director would enter them, and use only known variables', () => {
  for (const c of DEMO_CANNED_REPLIES) assert.ok(CannedReplyFields.safeParse(c).success, c.title);
  for (const tag of DEMO_TAGS) assert.ok(TagFields.safeParse(tag).success, tag.name);
  assert.equal(new Set(DEMO_TAGS.map((tag) => fold(tag.name))).size, DEMO_TAGS.length, 'one tag per name');
});

test('the demo’s data requests are of every type, each one the intake takes, a withdrawal after the consent it withdraws', () => {
  const customer = {
    ref: 'demo-1',
    username: 'demo1',
    gender: 'female' as const,
    fullName: 'Trần Thị Mai',
    email: 'mai@gmail.com',
    phone: '0912345678',
  };
  const now = Date.parse('2026-12-07T10:00:00+07:00');
  const made = Array.from({ length: 40 }, (_, n) => makeDataRequest(seeded(n), n, customer, now));
  assert.deepEqual(new Set(made.map((m) => m.request.type)), new Set(REQUEST_TYPES));
  for (const { request, consent } of made) {
    assert.ok(AccountRequest.safeParse(request).success, JSON.stringify(request));
    assert.equal(consent !== undefined, request.type === 'consent_withdrawal');
    if (consent) {
      assert.ok(Consent.safeParse(consent).success, JSON.stringify(consent));
      assert.ok(Date.parse(consent.recordedAt) < Date.parse(request.requestedAt));
    }
  }
  const ages = made.map((m) => (now - Date.parse(m.request.requestedAt)) / 86_400_000);
  assert.ok(ages.some((d) => d > 16) && ages.some((d) => d < 2), 'some overdue, some just received');
  assert.ok(
    ages.filter((d) => d < 1.5).length > made.length / 2,
    'most received in the last day and a half, as a desk that keeps up sees them',
  );
});
