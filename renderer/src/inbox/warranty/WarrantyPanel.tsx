/**
 * A warranty claim's panel in the detail pane: where it stands, the catalogue product it matched, whether it is
 * in warranty (or what to ask the customer to know), warnings about its serial, what its steps recorded (outcome,
 * parts, tracking code, reason for a rejection), and the steps it may take next: exactly the claim's `next`,
 * through a small form the `b` key opens (StepForm.tsx).
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../main/api/contract.ts';
import type { Detail } from '../kinds.ts';
import type { Editor } from '../SubmissionDetail.tsx';
import { eligibilityWords, outcomeName, partsOf, serialWarnings, stageName, type Warranty } from './words.ts';

// Loaded when first opened: the step's schema brings zod, which the rest of the renderer does without.
const StepForm = lazy(() => import('./StepForm.tsx'));

export type Step = Input<'warrantyClaims.advance'>['step'];

export function WarrantyPanel({
  warranty,
  details,
  stepper,
  onStep,
}: {
  warranty: Warranty;
  details: Detail['details'];
  /** Set while a step may be taken: opens the form (the `b` key). */
  stepper: Editor;
  /** Takes the step; true once it landed. */
  onStep: (step: Step) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [stepping, setStepping] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const open = warranty.next.length > 0;
  useEffect(() => {
    stepper.current = open ? () => setStepping(true) : null;
    return () => {
      stepper.current = null;
    };
  }, [stepper, open]);
  const stopStepping = () => {
    setStepping(false);
    button.current?.focus(); // back where the keys work again
  };

  const eligibility = eligibilityWords(t, warranty.eligibility);
  const warnings = serialWarnings(t, warranty.serial);
  const { product } = warranty;
  const parts = partsOf(details.parts);
  const recorded: [field: string, label: string, text: string][] = [
    ['outcome', t('warranty.outcome'), outcomeName(t, details.outcome)],
    ['parts', t('warranty.parts'), parts.join(', ')],
    ['tracking', t('warranty.tracking'), typeof details.tracking === 'string' ? details.tracking : ''],
    ['rejectReason', t('warranty.rejectReason'), typeof details.rejectReason === 'string' ? details.rejectReason : ''],
  ];
  return (
    <section className="warranty-panel" aria-label={t('warranty.title')} data-testid="warranty-panel">
      <h3>{t('warranty.title')}</h3>
      <dl className="facts">
        <dt>{t('warranty.stage')}</dt>
        <dd>
          <span className={`badge stage stage-${warranty.stage}`} data-testid="warranty-stage">
            {stageName(t, warranty.stage)}
          </span>
        </dd>
        <dt>{t('warranty.product')}</dt>
        <dd data-testid="warranty-product" className={product ? '' : 'muted'}>
          {product
            ? t('warranty.productOf', { name: product.name, sku: product.sku, count: product.warrantyMonths })
            : t('warranty.noProduct')}
        </dd>
        <dt>{t('warranty.eligibility')}</dt>
        <dd>
          <span className={`eligibility eligibility-${warranty.eligibility.state}`} data-testid="warranty-eligibility">
            {eligibility.text}
          </span>
          {eligibility.asks.length > 0 && (
            <ul className="asks" data-testid="warranty-asks">
              {eligibility.asks.map((ask) => (
                <li key={ask}>{ask}</li>
              ))}
            </ul>
          )}
        </dd>
        {recorded
          .filter(([, , text]) => text !== '')
          .map(([field, label, text]) => (
            <div key={field} className="fact-row">
              <dt>{label}</dt>
              <dd data-testid={`warranty-${field}`}>{text}</dd>
            </div>
          ))}
      </dl>
      {warnings.length > 0 && (
        <ul className="warnings" aria-label={t('warranty.warnings')}>
          {warnings.map((warning) => (
            <li key={warning} className="warning" data-testid="serial-warning">
              <span className="warning-icon" aria-hidden="true">
                ⚠
              </span>
              <span className="visually-hidden">{t('warranty.warning')}</span>
              {warning}
            </li>
          ))}
        </ul>
      )}
      {open ? (
        <div className="actions">
          <button ref={button} type="button" aria-expanded={stepping} onClick={() => setStepping(true)}>
            {t('warranty.advance')}
          </button>
        </div>
      ) : (
        <p className="muted small">{t('warranty.finished')}</p>
      )}
      {stepping && open && (
        <Suspense fallback={null}>
          <StepForm warranty={warranty} details={details} onStep={onStep} onClose={stopStepping} />
        </Suspense>
      )}
    </section>
  );
}
