/**
 * The product catalogue the warranty desk works from (products.list): searched by SKU or name, products no longer
 * sold shown on request. Directors add and change products (ProductForm) and import a file (ImportPanel); people
 * who work warranty claims read it. Read again when a sync brings other desks' changes.
 *
 * Loaded when first opened: the product form's schema brings zod, which the rest of the renderer does without.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.ts';
import { useAfterSync } from '../api/desk-status.tsx';
import { useReport } from '../components/Notices.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { ProductForm, type Product } from './ProductForm.tsx';

type Panel = { kind: 'form'; product: Product | null } | { kind: 'import' } | null;

export default function CatalogueScreen({ mayEdit }: { mayEdit: boolean }) {
  const { t } = useTranslation();
  const report = useReport();
  const [typed, setTyped] = useState('');
  const [text, setText] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [products, setProducts] = useState<Product[] | null>(null);
  const [panel, setPanel] = useState<Panel>(null);

  // Search as the person types, once they pause.
  useEffect(() => {
    const timer = setTimeout(() => setText(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const load = useCallback(
    () =>
      call('products.list', { ...(text ? { text } : {}), includeInactive }).then(
        (list) => {
          setProducts(list);
          return list;
        },
        (e: unknown) => {
          report(e);
          return [];
        },
      ),
    [text, includeInactive, report],
  );
  useEffect(() => void load(), [load]);
  useAfterSync(useCallback(() => void load(), [load]));

  const close = () => setPanel(null);
  const edited = panel?.kind === 'form' ? panel.product : null;
  return (
    <section className="pane staff catalogue" aria-label={t('catalogue.title')}>
      <div className="audit-head">
        <h2>{t('catalogue.title')}</h2>
        {mayEdit && (
          <>
            <button type="button" className="primary" onClick={() => setPanel({ kind: 'form', product: null })}>
              {t('catalogue.add')}
            </button>
            <button type="button" onClick={() => setPanel({ kind: 'import' })}>
              {t('catalogue.import.open')}
            </button>
          </>
        )}
      </div>
      <p className="muted">{mayEdit ? t('catalogue.intro') : t('catalogue.readOnly')}</p>

      {panel?.kind === 'form' && (
        <ProductForm
          key={edited?.id ?? 'new'}
          product={edited}
          onSaved={() => {
            close();
            void load();
          }}
          onStale={async () => (await load()).find((p) => p.id === edited?.id)}
          onClose={close}
        />
      )}
      {panel?.kind === 'import' && <ImportPanel onApplied={() => void load()} onClose={close} />}

      <div className="filter-row catalogue-filters">
        <input
          type="search"
          className="search"
          aria-label={t('catalogue.search')}
          placeholder={t('catalogue.search')}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <label className="check">
          <input type="checkbox" checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} />{' '}
          {t('catalogue.includeInactive')}
        </label>
        <span className="muted" data-testid="product-count">
          {products ? t('catalogue.count', { count: products.length }) : '…'}
        </span>
      </div>
      {products?.length === 0 ? (
        <p className="empty-state">{t('catalogue.empty')}</p>
      ) : (
        <table className="audit-table" data-testid="products">
          <thead>
            <tr>
              <th>{t('catalogue.sku')}</th>
              <th>{t('catalogue.name')}</th>
              <th>{t('catalogue.warrantyMonths')}</th>
              <th>{t('catalogue.serialPattern')}</th>
              <th>{t('catalogue.state')}</th>
              {mayEdit && <th>{t('catalogue.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {(products ?? []).map((p) => (
              <tr key={p.id} className={p.active ? '' : 'muted'} data-testid="product-row">
                <td className="mono">
                  <bdi>{p.sku}</bdi>
                </td>
                <td>
                  <bdi>{p.name}</bdi>
                </td>
                <td>{p.warrantyMonths}</td>
                <td className="mono">{p.serialPattern ?? t('customer.none')}</td>
                <td>{p.active ? t('catalogue.activeYes') : t('catalogue.activeNo')}</td>
                {mayEdit && (
                  <td>
                    <button
                      type="button"
                      aria-label={t('catalogue.editLabel', { name: p.name })}
                      onClick={() => setPanel({ kind: 'form', product: p })}
                    >
                      {t('catalogue.edit')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
