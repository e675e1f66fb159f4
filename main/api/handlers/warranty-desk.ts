/**
 * The warranty desk's settings: the product catalogue, read by warranty staff and kept by directors
 * (domain/products.ts, domain/product-import.ts), and the emails claimants get (domain/notice-templates.ts).
 */
import { applyImport, previewLines, readCatalogue, type CatalogueLine } from '../../core/domain/product-import.ts';
import { listProducts, saveProduct } from '../../core/domain/products.ts';
import { listTemplates, saveTemplate } from '../../core/domain/notice-templates.ts';
import { me, type Handler } from './types.ts';

const bytes = (content: string) => Buffer.from(content, 'base64');

export const warrantyDeskHandlers = {
  'notices.templates': { run: (_input, ctx) => listTemplates(ctx.store.db) } satisfies Handler<'notices.templates'>,
  'notices.saveTemplate': {
    run: ({ notice, version, template }, ctx) => ({ version: saveTemplate(ctx.store.db, me(ctx).id, notice, version, template) }),
    audit: ({ notice }) => ({ action: 'notice.template', targetType: 'notice_template', targetId: notice }),
  } satisfies Handler<'notices.saveTemplate'>,
  'products.list': { run: (q, ctx) => listProducts(ctx.store.db, q) } satisfies Handler<'products.list'>,
  'products.save': {
    run: ({ id, version, product }, ctx) => saveProduct(ctx.store.db, me(ctx).id, { id, version, fields: product }),
    audit: ({ product }, out) => ({ action: 'product.save', targetType: 'product', targetId: out.id, detail: { sku: product.sku } }),
  } satisfies Handler<'products.save'>,
  'products.previewImport': {
    run: async ({ content }, ctx) => ({ lines: previewLines(ctx.store.db, await readCatalogue(bytes(content))) }),
  } satisfies Handler<'products.previewImport'>,
  'products.applyImport': {
    // The file is read before the write: the change and its audit row are one synchronous transaction.
    prepare: ({ content }) => readCatalogue(bytes(content)),
    run: (_input, ctx, lines) => applyImport(ctx.store.db, me(ctx).id, lines as CatalogueLine[]),
    audit: ({ fileName }, out) => ({ action: 'product.import', targetType: 'product', targetId: null, detail: { fileName, ...out } }),
  } satisfies Handler<'products.applyImport'>,
};
