/**
 * Importing the product catalogue from a CSV or XLSX file, in two steps: a preview that says, line by line,
 * what would be added, changed, left as it is or refused and why; then the same file applied, read and
 * checked again, so what is applied is exactly what the preview showed for that file. Nothing is written by
 * the preview.
 *
 * The columns are found by their headings, in Vietnamese or English, without regard to case or marks:
 * SKU / Mã; Tên / Name; Bảo hành (tháng) / Warranty months; Mẫu serial / Serial pattern; Đang bán / Active.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { ProductFields, type Product } from '../../../common/protocol/products.ts';
import { fold } from '../../../common/text/fold.ts';
import type { Db } from '../store/open.ts';
import { DomainError } from './errors.ts';
import { listProducts, saveProduct } from './products.ts';

export const MAX_IMPORT_ROWS = 10_000;

type Column = keyof ProductFields;
/** Folded headings each column is known by. */
const HEADINGS: Record<Column, string[]> = {
  sku: ['sku', 'ma', 'ma sp', 'ma san pham'],
  name: ['ten', 'ten san pham', 'name', 'product'],
  warrantyMonths: ['bao hanh (thang)', 'bao hanh', 'so thang bao hanh', 'warranty months', 'warranty'],
  serialPattern: ['mau serial', 'serial pattern', 'serial'],
  active: ['dang ban', 'active'],
};
const YES = ['', 'co', 'x', 'yes', 'true', '1', 'dang ban'];
const NO = ['khong', 'no', 'false', '0', 'ngung ban'];

export type ImportAction = 'add' | 'change' | 'unchanged' | 'refuse';

export interface ImportLine {
  /** The line in the file (the heading is line 1). */
  line: number;
  sku: string;
  name: string;
  action: ImportAction;
  /** For a change: the fields that change. */
  fields?: Column[];
  /** For a refusal: why, naming the column. */
  reason?: string;
}

export interface CatalogueLine {
  line: number;
  cells: Partial<Record<Column, string>>;
}

/** The file's lines as text cells under the columns their headings name. */
export async function readCatalogue(content: Buffer): Promise<CatalogueLine[]> {
  const grid = isZip(content) ? await xlsxGrid(content) : csvGrid(content);
  const [heading, ...lines] = grid;
  if (!heading) throw new DomainError('invalid', 'the file is empty');
  const columns = new Map<number, Column>();
  heading.forEach((cell, i) => {
    const found = (Object.keys(HEADINGS) as Column[]).find((c) => HEADINGS[c].includes(fold(cell).trim()));
    if (found && ![...columns.values()].includes(found)) columns.set(i, found);
  });
  const missing = (['sku', 'name', 'warrantyMonths'] as Column[]).filter((c) => ![...columns.values()].includes(c));
  if (missing.length) {
    throw new DomainError('invalid', `the heading row lacks the column ${missing.map((c) => HEADINGS[c][0]).join(', ')}`, { missing });
  }
  if (lines.length > MAX_IMPORT_ROWS) throw new DomainError('invalid', `the file has more than ${MAX_IMPORT_ROWS} lines`);
  return lines
    .map((cells, i) => ({
      line: i + 2,
      cells: Object.fromEntries([...columns].map(([index, column]) => [column, (cells[index] ?? '').trim()])),
    }))
    .filter((l) => Object.values(l.cells).some((v) => v !== ''));
}

const isZip = (b: Buffer) => b.length > 3 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

function csvGrid(content: Buffer): string[][] {
  // Excel saves CSV with a byte order mark; papaparse works out the delimiter (, or ; in Vietnamese locales).
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new DomainError('invalid', `the CSV file is malformed at line ${(fatal.row ?? 0) + 1}: ${fatal.message}`);
  return parsed.data;
}

async function xlsxGrid(content: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('invalid', 'the file is not a readable XLSX workbook');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new DomainError('invalid', 'the workbook has no sheet');
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => (cells[c - 1] = cell.text ?? ''));
    grid[n - 1] = cells;
  });
  return Array.from(grid, (r) => r ?? []);
}

/** One line as the product it describes, or why it cannot be one. */
function productOfLine(cells: CatalogueLine['cells']): { fields: ProductFields } | { reason: string } {
  const active = fold(cells.active ?? '').trim();
  if (!YES.includes(active) && !NO.includes(active)) return { reason: `${HEADINGS.active[0]}: write có or không, not “${cells.active}”` };
  const months = cells.warrantyMonths ?? '';
  const parsed = ProductFields.safeParse({
    sku: cells.sku ?? '',
    name: cells.name ?? '',
    warrantyMonths: /^\d+$/.test(months) ? Number(months) : NaN,
    serialPattern: cells.serialPattern ? cells.serialPattern : null,
    active: YES.includes(active),
  });
  if (parsed.success) return { fields: parsed.data };
  const issue = parsed.error.issues[0]!;
  const column = issue.path[0] as Column;
  const message = column === 'warrantyMonths' && !/^\d+$/.test(months) ? 'must be a whole number of months' : issue.message;
  return { reason: `${HEADINGS[column][0]}: ${message}` };
}

const FIELDS: Column[] = ['name', 'warrantyMonths', 'serialPattern', 'active', 'sku'];

/** What applying the file would do, line by line; nothing is written. */
export function previewImport(db: Db, lines: CatalogueLine[]): (ImportLine & { product?: ProductFields; current?: Product })[] {
  const catalogue = new Map(listProducts(db, { includeInactive: true }).map((p) => [p.sku.toLowerCase(), p]));
  const seen = new Map<string, number>();
  return lines.map(({ line, cells }) => {
    const base = { line, sku: cells.sku ?? '', name: cells.name ?? '' };
    const read = productOfLine(cells);
    if ('reason' in read) return { ...base, action: 'refuse' as const, reason: read.reason };
    const key = read.fields.sku.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) return { ...base, action: 'refuse' as const, reason: `sku: already on line ${earlier} of this file` };
    seen.set(key, line);
    const current = catalogue.get(key);
    if (!current) return { ...base, action: 'add' as const, product: read.fields };
    const changed = FIELDS.filter((f) => current[f] !== read.fields[f]);
    if (changed.length === 0) return { ...base, action: 'unchanged' as const };
    return { ...base, action: 'change' as const, fields: changed, product: read.fields, current };
  });
}

export interface ImportOutcome {
  added: number;
  changed: number;
  unchanged: number;
  refused: number;
}

/** Applies the file's additions and changes in one transaction, as the preview of the same file showed them. */
export function applyImport(db: Db, actorId: string, lines: CatalogueLine[], now = Date.now()): ImportOutcome {
  return db.transaction(() => {
    const preview = previewImport(db, lines);
    for (const l of preview) {
      if (l.action === 'add') saveProduct(db, actorId, { fields: l.product! }, now);
      if (l.action === 'change') saveProduct(db, actorId, { id: l.current!.id, version: l.current!.version, fields: l.product! }, now);
    }
    const count = (a: ImportAction) => preview.filter((l) => l.action === a).length;
    return { added: count('add'), changed: count('change'), unchanged: count('unchanged'), refused: count('refuse') };
  })();
}

/** The preview as a person reads it: without the values used to apply it. */
export const previewLines = (db: Db, lines: CatalogueLine[]): ImportLine[] =>
  previewImport(db, lines).map(({ product: _p, current: _c, ...line }) => line);
