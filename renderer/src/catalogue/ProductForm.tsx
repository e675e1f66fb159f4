/**
 * A director adds a product to the catalogue or changes one: SKU, name, months of warranty, serial pattern (with
 * what 9, A, ? and * mean) and whether it is still sold. Each field is checked against the schema the API and the
 * hub check it with, worded in the interface's language. A change made on a version someone else has changed
 * since is refused as stale: the catalogue is read again and the form keeps what was typed, now on the current
 * version, for the person to look again and save. A SKU another product holds is said with that product's name.
 * Enter saves, Escape cancels.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_WARRANTY_MONTHS, ProductFields } from '../../../common/protocol/products.ts';
import type { Output } from '../../../main/api/contract.ts';
import { BackdeskError, call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { FormFoot, Problem, SmallForm } from '../forms/FormParts.tsx';
import { issuesByField, issueText, type Issue } from '../forms/problems.ts';

export type Product = Output<'products.list'>[number];
type Field = 'sku' | 'name' | 'warrantyMonths' | 'serialPattern';
const FIELDS: readonly Field[] = ['sku', 'name', 'warrantyMonths', 'serialPattern'];

export function ProductForm({
  product,
  onSaved,
  onStale,
  onClose,
}: {
  /** The product changed, at the version the person saw; null for a new one. */
  product: Product | null;
  onSaved: () => void;
  /** Reads the catalogue again; the product as it is now, if it still is. */
  onStale: () => Promise<Product | undefined>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const report = useReport();
  const [version, setVersion] = useState(product?.version);
  const [typed, setTyped] = useState<Record<Field, string>>({
    sku: product?.sku ?? '',
    name: product?.name ?? '',
    warrantyMonths: product ? String(product.warrantyMonths) : '',
    serialPattern: product?.serialPattern ?? '',
  });
  const [active, setActive] = useState(product?.active ?? true);
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);

  const edit = (field: Field, value: string) => {
    setTyped((v) => ({ ...v, [field]: value }));
    setProblems(({ [field]: _, ...others }) => others);
  };

  const problemOf = (field: Field, issue: Issue): string => {
    switch (field) {
      case 'sku':
        return issueText(t, issue, { format: t('catalogue.problems.sku') });
      case 'warrantyMonths':
        return t('catalogue.problems.months', { max: MAX_WARRANTY_MONTHS });
      case 'serialPattern':
        return issueText(t, issue, { format: t('catalogue.problems.pattern'), custom: t('catalogue.problems.star') });
      default:
        return issueText(t, issue);
    }
  };

  /** Why the API refused a save it had no reason to refuse here: a SKU another product holds, said with its name. */
  const refusal = async (sku: string): Promise<Partial<Record<Field, string>> | null> => {
    const same = (await call('products.list', { text: sku, includeInactive: true })).find(
      (p) => p.sku.toLowerCase() === sku.toLowerCase() && p.id !== product?.id,
    );
    return same ? { sku: t('catalogue.problems.clash', { sku: same.sku, name: same.name }) } : null;
  };

  const save = async () => {
    if (busy) return;
    const months = typed.warrantyMonths.trim();
    const checked = ProductFields.safeParse({
      sku: typed.sku,
      name: typed.name,
      warrantyMonths: /^\d+$/.test(months) ? Number(months) : NaN,
      serialPattern: typed.serialPattern.trim() || null,
      active,
    });
    if (!checked.success) {
      const byField = issuesByField(checked.error.issues);
      setProblems(Object.fromEntries(FIELDS.filter((f) => byField[f]).map((f) => [f, problemOf(f, byField[f]!)])));
      const first = FIELDS.find((f) => byField[f]);
      if (first) document.getElementById(`product-${first}`)?.focus();
      return;
    }
    setBusy(true);
    setStale(false);
    try {
      await call('products.save', product ? { id: product.id, version, product: checked.data } : { product: checked.data });
      onSaved();
      return;
    } catch (e) {
      if (e instanceof BackdeskError && e.code === 'stale') {
        setStale(true);
        const now = await onStale();
        if (now) setVersion(now.version);
      } else if (e instanceof BackdeskError && e.code === 'invalid_input') {
        const found = await refusal(checked.data.sku).catch(() => null);
        if (found) setProblems(found);
        else report(e);
      } else report(e);
    }
    setBusy(false);
  };

  const title = product ? t('catalogue.editTitle', { sku: product.sku }) : t('catalogue.addTitle');
  const input = (field: Field, extra: { hint?: string; inputMode?: 'numeric' } = {}) => {
    const id = `product-${field}`;
    const described = [field in problems ? `${id}-problem` : '', extra.hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
    return (
      <div className="field">
        <label htmlFor={id}>{t(`catalogue.${field}`)}</label>
        <input
          id={id}
          name={field}
          type="text"
          autoComplete="off"
          spellCheck={false}
          autoFocus={field === 'sku'}
          inputMode={extra.inputMode}
          value={typed[field]}
          aria-invalid={field in problems}
          aria-describedby={described || undefined}
          onChange={(e) => edit(field, e.target.value)}
        />
        {extra.hint && (
          <span id={`${id}-hint`} className="muted small">
            {extra.hint}
          </span>
        )}
        <Problem id={id} testId={`problem-${field}`} text={problems[field]} />
      </div>
    );
  };
  return (
    <SmallForm title={title} testId="product-form" className="product-form" onSave={() => void save()} onCancel={onClose}>
      {stale && (
        <p className="form-error" role="alert">
          {t('catalogue.problems.stale')}
        </p>
      )}
      <div className="details-form-fields">
        {input('sku')}
        {input('name')}
        {input('warrantyMonths', { inputMode: 'numeric' })}
        {input('serialPattern', { hint: t('catalogue.patternHint') })}
        <label className="check">
          <input type="checkbox" name="active" checked={active} onChange={(e) => setActive(e.target.checked)} /> {t('catalogue.active')}
        </label>
      </div>
      <FormFoot hint={t('catalogue.hint')} cancel={t('catalogue.cancel')} confirm={t('catalogue.save')} busy={busy} onCancel={onClose} />
    </SmallForm>
  );
}
