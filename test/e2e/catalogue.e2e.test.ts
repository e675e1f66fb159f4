/**
 * The product catalogue end to end, in Chromium through the browser host: a director imports a CSV file as Excel
 * saves it in Vietnamese (byte order mark, `;`), sees the preview line by line with the refused line's reason in
 * Vietnamese and nothing applied yet, applies it and sees the products; adds one whose SKU another holds and is
 * told whose; changes one that someone else changed meanwhile and is told so, what was typed kept. An operator
 * who works warranty claims reads the catalogue and cannot change it.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startWebHost } from '../../main/web/server.ts';
import { RENDERER_DIR } from '../../main/web/renderer-dir.ts';
import { launchBrowser } from '../support/browser.ts';
import { addStaff, tempDesk } from '../support/fixtures.ts';
import { screenshot, signIn } from '../support/synced-desk.ts';
import { go } from './desk-actions.ts';

const TEST = { timeout: 90_000 };
const desk = await tempDesk();
await addStaff(desk.store, 'giamdoc', 'director');
await addStaff(desk.store, 'hoa', 'operator', ['warranty']);
const host = await startWebHost({ dispatcher: desk.dispatcher, rendererDir: RENDERER_DIR });
after(() => host.close());
const browser = await launchBrowser();

const CSV = [
  'SKU;Tên;Bảo hành (tháng);Mẫu serial;Đang bán',
  'RO9-L;Máy lọc nước RO 9 lõi;12;RO9-9999-9999;có',
  'NR-BV331;Tủ lạnh Panasonic NR-BV331;24;NR9999AA;có',
  'KS-COM18V;Nồi cơm điện Sharp KS-COM18V;mười hai;;có',
  'QD-01;Quạt đứng Senko;6;;không',
].join('\r\n');

const rows = (page: Page) => page.getByTestId('product-row');
const cells = (page: Page) => rows(page).evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(0, 5).map((td) => td.textContent)));
const form = (page: Page, name: string) => page.getByRole('form', { name });

test('a director imports a CSV through its preview, then adds and changes products', TEST, async () => {
  const page = await signIn(browser, host, 'giamdoc');
  await go(page, 'Danh mục sản phẩm');
  await page.getByTestId('product-count').filter({ hasText: '0 sản phẩm' }).waitFor();

  await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
  const panel = page.getByRole('region', { name: 'Nhập danh mục từ tệp CSV hoặc XLSX' });
  await panel.getByLabel('Chọn tệp').setInputFiles({
    name: 'danh-muc.csv',
    mimeType: 'text/csv',
    buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')]),
  });
  await panel.getByTestId('import-counts').filter({ hasText: '3 thêm · 0 sửa · 0 không đổi · 1 từ chối' }).waitFor();
  const preview = await panel
    .getByTestId('import-preview')
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
  assert.deepEqual(preview, [
    ['2', 'RO9-L', 'Máy lọc nước RO 9 lõi', 'Thêm'],
    ['3', 'NR-BV331', 'Tủ lạnh Panasonic NR-BV331', 'Thêm'],
    ['4', 'KS-COM18V', 'Nồi cơm điện Sharp KS-COM18V', 'Từ chối: Bảo hành (tháng): phải là số tháng nguyên'],
    ['5', 'QD-01', 'Quạt đứng Senko', 'Thêm'],
  ]);
  assert.equal(await page.getByTestId('product-count').textContent(), '0 sản phẩm', 'nothing is applied by the preview');
  await screenshot(page, 'catalogue-import-preview');

  await panel.getByRole('button', { name: 'Áp dụng' }).click();
  await panel
    .getByTestId('import-outcome')
    .filter({ hasText: 'Đã áp dụng danh-muc.csv: thêm 3, sửa 0, không đổi 0, từ chối 1.' })
    .waitFor();
  await page.getByTestId('product-count').filter({ hasText: '2 sản phẩm' }).waitFor();
  assert.deepEqual(await cells(page), [
    ['RO9-L', 'Máy lọc nước RO 9 lõi', '12', 'RO9-9999-9999', 'Đang bán'],
    ['NR-BV331', 'Tủ lạnh Panasonic NR-BV331', '24', 'NR9999AA', 'Đang bán'],
  ]);
  await page.getByLabel('Hiện cả sản phẩm ngừng bán').check();
  await page.getByTestId('product-count').filter({ hasText: '3 sản phẩm' }).waitFor();
  assert.deepEqual(
    (await cells(page)).find((c) => c[0] === 'QD-01'),
    ['QD-01', 'Quạt đứng Senko', '6', '—', 'Ngừng bán'],
  );
  await screenshot(page, 'catalogue');
  await panel.getByRole('button', { name: 'Đóng' }).click();

  // A new product: its fields checked as typed, then a SKU another product holds (in another case) refused by name.
  await page.getByRole('button', { name: 'Thêm sản phẩm' }).click();
  const add = form(page, 'Thêm sản phẩm');
  await add.getByText('9 là một chữ số, A là một chữ cái, ? là một chữ cái hoặc chữ số').waitFor();
  await page.keyboard.type('ro9-l'); // the SKU has the focus
  await add.getByLabel('Tên sản phẩm').fill('Máy lọc nước RO 9 lõi bản mới');
  await add.getByLabel('Bảo hành (tháng)').fill('mười hai');
  await add.getByLabel('Mẫu số serial').fill('RO9-*-*');
  await add.getByLabel('Mẫu số serial').press('Enter');
  await add.getByTestId('problem-warrantyMonths').filter({ hasText: 'Nhập số tháng bảo hành là số nguyên từ 0 đến 240.' }).waitFor();
  await add.getByTestId('problem-serialPattern').filter({ hasText: 'Mẫu chỉ được có một dấu *.' }).waitFor();
  await add.getByLabel('Bảo hành (tháng)').fill('12');
  await add.getByLabel('Mẫu số serial').fill('RO9-*');
  await add.getByLabel('Mẫu số serial').press('Enter');
  await add.getByTestId('problem-sku').filter({ hasText: 'Mã RO9-L đã thuộc về sản phẩm “Máy lọc nước RO 9 lõi”.' }).waitFor();
  await screenshot(page, 'catalogue-product-form');
  await add.getByLabel('Mã sản phẩm (SKU)').press('Escape');
  await add.waitFor({ state: 'detached' });

  // A change made on a product someone else changed meanwhile: refused as stale, what was typed kept, then saved.
  await page.getByRole('button', { name: 'Sửa Tủ lạnh Panasonic NR-BV331' }).click();
  const change = form(page, 'Sửa sản phẩm NR-BV331');
  await change.getByLabel('Bảo hành (tháng)').fill('36');
  // A string, not a function: the test's transpiler would add helpers the page does not have.
  const bumped: any = await page.evaluate(`(async () => {
    const list = await window.backdesk.call('products.list', { text: 'NR-BV331' });
    const p = list.result[0];
    return window.backdesk.call('products.save', { id: p.id, version: p.version, product: {
      sku: p.sku, name: 'Tủ lạnh Panasonic NR-BV331 Inverter', warrantyMonths: p.warrantyMonths, serialPattern: p.serialPattern, active: true } });
  })()`);
  assert.equal(bumped.ok, true, JSON.stringify(bumped));
  await change.getByLabel('Bảo hành (tháng)').press('Enter');
  await change.getByRole('alert').filter({ hasText: 'Sản phẩm này vừa được sửa ở nơi khác' }).waitFor();
  assert.equal(await change.getByLabel('Bảo hành (tháng)').inputValue(), '36');
  await rows(page).filter({ hasText: 'Tủ lạnh Panasonic NR-BV331 Inverter' }).waitFor();
  await change.getByLabel('Tên sản phẩm').fill('Tủ lạnh Panasonic NR-BV331 Inverter');
  await change.getByLabel('Bảo hành (tháng)').press('Enter');
  await change.waitFor({ state: 'detached' });
  await rows(page).filter({ hasText: 'Tủ lạnh Panasonic NR-BV331 Inverter' }).filter({ hasText: '36' }).waitFor();
});

test('an operator who works warranty claims reads the catalogue and cannot change it', TEST, async () => {
  const page = await signIn(browser, host, 'hoa');
  await go(page, 'Danh mục sản phẩm');
  await page.getByTestId('product-count').filter({ hasText: '2 sản phẩm' }).waitFor();
  await page.getByText('Chỉ Ban giám đốc được sửa danh mục').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Thêm sản phẩm' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Nhập từ tệp' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: /^Sửa/ }).count(), 0);
  await page.getByPlaceholder('Tìm theo mã hoặc tên sản phẩm').fill('tu lanh');
  await page.getByTestId('product-count').filter({ hasText: '1 sản phẩm' }).waitFor();
  await screenshot(page, 'catalogue-read-only');
});
