/**
 * The product catalogue on one desk: directors keep it, warranty staff read it; an import from CSV or XLSX is
 * previewed line by line (added, changed, unchanged, refused and why) and applied only when confirmed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Envelope } from '../../main/api/contract.ts';
import type { Desk } from '../../main/api/desk.ts';
import { addStaff, PASSWORD, tempDesk } from '../support/fixtures.ts';

const TIMEOUT = { timeout: 60_000 };
const errorCode = (e: Envelope) => (e.ok ? 'ok' : e.error.code);
const result = <T>(e: Envelope) => {
  assert.ok(e.ok, JSON.stringify(e));
  return e.result as T;
};
const fridge = { sku: 'NR-BV331', name: 'Tủ lạnh Panasonic NR-BV331', warrantyMonths: 24, serialPattern: 'NR9999AA', active: true };
interface Line {
  line: number;
  sku: string;
  action: string;
  fields?: string[];
  reason?: string;
}

async function signedIn(desk: Desk, username: string) {
  const call = (m: string, i: unknown = {}) => desk.dispatcher.call(`conn-${username}`, m, i);
  assert.equal(errorCode(await call('auth.signIn', { username, password: PASSWORD })), 'ok');
  return call;
}

async function people() {
  const desk = await tempDesk();
  await addStaff(desk.store, 'duc', 'director');
  await addStaff(desk.store, 'hoa', 'operator', ['warranty']);
  await addStaff(desk.store, 'lan', 'operator', ['complaint']);
  return { desk, director: await signedIn(desk, 'duc'), warranty: await signedIn(desk, 'hoa'), other: await signedIn(desk, 'lan') };
}

test(
  'directors add and change products; warranty staff read them; a stale change and a SKU held by another product are refused',
  TIMEOUT,
  async () => {
    const { desk, director, warranty, other } = await people();
    const saved = result<{ id: string; version: number }>(await director('products.save', { product: fridge }));
    assert.equal(saved.version, 1);
    assert.equal(errorCode(await warranty('products.save', { product: { ...fridge, sku: 'X1' } })), 'forbidden');
    assert.equal(errorCode(await other('products.list')), 'forbidden');
    const listed = result<{ sku: string; name: string }[]>(await warranty('products.list', { text: 'tu lanh' }));
    assert.deepEqual(
      listed.map((p) => p.sku),
      ['NR-BV331'],
    );

    const changed = await director('products.save', { id: saved.id, version: 1, product: { ...fridge, warrantyMonths: 36 } });
    assert.equal(result<{ version: number }>(changed).version, 2);
    assert.equal(errorCode(await director('products.save', { id: saved.id, version: 1, product: fridge })), 'stale');
    const clash = await director('products.save', { product: { ...fridge, sku: 'nr-bv331', name: 'Khác' } });
    assert.equal(errorCode(clash), 'invalid_input');
    assert.match(clash.ok ? '' : clash.error.message, /already belongs to Tủ lạnh Panasonic NR-BV331/);
    for (const bad of [{ sku: 'có dấu' }, { warrantyMonths: 241 }, { serialPattern: 'A*9*' }, { serialPattern: '(a+)+' }]) {
      assert.equal(
        errorCode(await director('products.save', { product: { ...fridge, sku: 'NEW-1', ...bad } })),
        'invalid_input',
        JSON.stringify(bad),
      );
    }
    const queued = desk.store.db
      .prepare(`SELECT base_version AS base FROM outbox WHERE mutation = 'product.upsert' ORDER BY created_at, rowid`)
      .all();
    assert.deepEqual(queued, [{ base: null }, { base: 1 }]);
  },
);

test('a CSV import is previewed line by line, nothing written, then applied as previewed', TIMEOUT, async () => {
  const { desk, director, warranty } = await people();
  await director('products.save', { product: fridge });
  await director('products.save', {
    product: { ...fridge, sku: 'KS-COM18V', name: 'Nồi cơm điện Sharp KS-COM18V', warrantyMonths: 12, serialPattern: null },
  });
  // Excel's CSV in a Vietnamese locale: a byte order mark and semicolons.
  const csv = [
    'Mã;Tên sản phẩm;Bảo hành (tháng);Mẫu serial;Đang bán',
    'FV1409S4W;Máy giặt LG FV1409S4W;24;;có',
    'NR-BV331;Tủ lạnh Panasonic NR-BV331;36;NR9999AA;có', // changes the period
    'ks-com18v;Nồi cơm điện Sharp KS-COM18V;12;;có', // the same product (SKUs ignore case), its SKU now written in lower case
    'RO-9;Máy lọc nước RO 9 lõi;mười hai;;có',
    'FV1409S4W;Trùng mã;12;;có',
    ';Không có mã;12;;có',
    'AQ-1;Điều hòa;12;;có lẽ',
    '',
  ].join('\r\n');
  const file = { fileName: 'danh-muc.csv', content: Buffer.from(`\uFEFF${csv}`).toString('base64') };
  const { lines } = result<{ lines: Line[] }>(await director('products.previewImport', file));
  assert.deepEqual(
    lines.map((l) => [l.line, l.action, l.fields ?? l.reason ?? null]),
    [
      [2, 'add', null],
      [3, 'change', ['warrantyMonths']],
      [4, 'change', ['sku']],
      [5, 'refuse', 'bao hanh (thang): must be a whole number of months'],
      [6, 'refuse', 'sku: already on line 2 of this file'],
      [7, 'refuse', 'sku: must be a code of letters, digits and . _ - (up to 64)'],
      [8, 'refuse', 'dang ban: write có or không, not “có lẽ”'],
    ],
  );
  assert.equal(result<unknown[]>(await warranty('products.list')).length, 2, 'the preview wrote nothing');
  assert.equal(errorCode(await warranty('products.applyImport', file)), 'forbidden');

  const applied = result<Record<string, number>>(await director('products.applyImport', file));
  assert.deepEqual(applied, { added: 1, changed: 2, unchanged: 0, refused: 4 });
  const catalogue = result<{ sku: string; warrantyMonths: number }[]>(await warranty('products.list'));
  assert.deepEqual(
    catalogue.map((p) => [p.sku, p.warrantyMonths]),
    [
      ['FV1409S4W', 24],
      ['ks-com18v', 12],
      ['NR-BV331', 36],
    ],
  );
  const audit = desk.store.db.prepare(`SELECT detail FROM audit_log WHERE action = 'product.import'`).get() as { detail: string };
  assert.deepEqual(JSON.parse(audit.detail), { fileName: 'danh-muc.csv', added: 1, changed: 2, unchanged: 0, refused: 4 });
  // The same file again: nothing left to do.
  const again = result<{ lines: Line[] }>(await director('products.previewImport', file));
  assert.deepEqual(
    again.lines.filter((l) => l.action !== 'refuse').map((l) => l.action),
    ['unchanged', 'unchanged', 'unchanged'],
  );
});

test('an XLSX workbook imports the same way; a file that is neither, or lacks a column, is refused with the reason', TIMEOUT, async () => {
  const { director, warranty } = await people();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sản phẩm');
  sheet.addRow(['SKU', 'Name', 'Warranty months', 'Serial pattern', 'Active']);
  sheet.addRow(['KS-COM18V', 'Nồi cơm điện Sharp KS-COM18V', 12, '', 'yes']);
  sheet.addRow(['NR-BV331', 'Tủ lạnh Panasonic NR-BV331', 24, 'NR9999AA', 'no']);
  const content = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
  const { lines } = result<{ lines: Line[] }>(await director('products.previewImport', { fileName: 'catalogue.xlsx', content }));
  assert.deepEqual(
    lines.map((l) => [l.sku, l.action]),
    [
      ['KS-COM18V', 'add'],
      ['NR-BV331', 'add'],
    ],
  );
  result(await director('products.applyImport', { fileName: 'catalogue.xlsx', content }));
  assert.deepEqual(
    result<{ sku: string }[]>(await warranty('products.list')).map((p) => p.sku),
    ['KS-COM18V'],
    'an inactive product is listed only when asked',
  );
  assert.equal(result<unknown[]>(await warranty('products.list', { includeInactive: true })).length, 2);

  const broken = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]).toString('base64');
  const notXlsx = await director('products.previewImport', { fileName: 'x.xlsx', content: broken });
  assert.equal(errorCode(notXlsx), 'invalid_input');
  const noMonths = Buffer.from('SKU,Tên\nA1,Máy\n').toString('base64');
  const lacking = await director('products.previewImport', { fileName: 'x.csv', content: noMonths });
  assert.equal(errorCode(lacking), 'invalid_input');
  assert.match(lacking.ok ? '' : lacking.error.message, /lacks the column bao hanh \(thang\)/);
});
