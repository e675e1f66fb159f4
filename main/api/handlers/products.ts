/** The product catalogue: read by warranty staff, kept by directors (domain/products.ts, domain/product-import.ts). */
import { applyImport, previewLines, readCatalogue, type CatalogueLine } from '../../core/domain/product-import.ts';
import { listProducts, saveProduct } from '../../core/domain/products.ts';
import { me, type Handler } from './types.ts';

const bytes = (content: string) => Buffer.from(content, 'base64');

export const productHandlers = {
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
