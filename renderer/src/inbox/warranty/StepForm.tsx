/**
 * Moving a warranty claim on: the steps it may take from where it stands (the claim's `next`, nothing else), and
 * for the chosen one what it needs — the reason for a rejection, the outcome (and parts) when ready to return, the
 * tracking code of the return, the parts used while repairing. Keyboard first: it opens on the first step; a digit
 * chooses a step and goes to what it asks, arrows move between steps, Enter confirms (Shift+Enter starts a new
 * line of a reason or a list of parts), Escape cancels. The step is checked against the schema the API and the hub
 * check it with, worded in the interface's language; a step that does not land (a stale claim, read again) leaves
 * the form as the person left it.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOMES, WarrantyStep } from '../../../../common/warranty/stages.ts';
import { FormFoot, Problem, SmallForm } from '../../forms/FormParts.tsx';
import { issuesByField, issueText } from '../../forms/problems.ts';
import type { Detail } from '../kinds.ts';
import { partsOf, stageName, type Stage, type Warranty } from './words.ts';
import type { Step } from './WarrantyPanel.tsx';

type Field = 'reason' | 'outcome' | 'parts' | 'tracking';
/** What each step asks for, in the order the form shows it; steps not named ask for nothing. */
const ASKS: Partial<Record<Stage, readonly Field[]>> = {
  rejected: ['reason'],
  ready_to_return: ['outcome', 'parts'],
  returned: ['tracking'],
  repairing: ['parts'],
};
const MULTILINE: ReadonlySet<Field> = new Set(['reason', 'parts']);

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export default function StepForm({
  warranty,
  details,
  onStep,
  onClose,
}: {
  warranty: Warranty;
  details: Detail['details'];
  onStep: (step: Step) => Promise<boolean>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { next } = warranty;
  const [chosen, setChosen] = useState<Stage>(next[0]!);
  // A claim read again (after a stale step) may offer other steps: the choice falls back to the first one.
  const to = next.includes(chosen) ? chosen : next[0]!;
  const asks = ASKS[to] ?? [];
  // The parts already recorded, so ready-to-return shows what the repair used; sent only when changed.
  const [recordedParts] = useState(() => partsOf(details.parts).join('\n'));
  const [typed, setTyped] = useState<Record<Field, string>>({ reason: '', outcome: '', parts: recordedParts, tracking: '' });
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const [focusOn, setFocusOn] = useState<{ name: string; value?: string } | null>(null);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!focusOn) return;
    const { name, value } = focusOn;
    const el =
      form.current?.querySelector<HTMLElement>(`[name="${name}"]${value ? `[value="${value}"]` : ':checked'}`) ??
      form.current?.querySelector<HTMLElement>(`[name="${name}"]`);
    el?.focus();
    setFocusOn(null);
  }, [focusOn]);

  const edit = (field: Field, value: string) => {
    setTyped((v) => ({ ...v, [field]: value }));
    setProblems(({ [field]: _, ...others }) => others);
  };
  /** Chooses a step; `go` moves to the first thing it asks for (or to the step itself when it asks nothing). */
  const choose = (stage: Stage, go: boolean) => {
    setChosen(stage);
    setProblems({});
    if (go) setFocusOn(ASKS[stage] ? { name: ASKS[stage][0]! } : { name: 'step', value: stage });
  };

  const step = (): Step => {
    const parts = lines(typed.parts);
    const asked = (field: Field, given: boolean) => asks.includes(field) && given;
    return {
      to,
      ...(asked('reason', typed.reason.trim() !== '') ? { reason: typed.reason } : {}),
      ...(asked('outcome', typed.outcome !== '') ? { outcome: typed.outcome as Step['outcome'] } : {}),
      ...(asked('parts', parts.length > 0 && parts.join('\n') !== recordedParts) ? { parts } : {}),
      ...(asked('tracking', typed.tracking.trim() !== '') ? { tracking: typed.tracking } : {}),
    };
  };

  const problemOf = (field: Field, issue: Parameters<typeof issueText>[1], sent: Step): string => {
    if (field === 'reason' && sent.reason === undefined) return t('step.needReason');
    if (field === 'outcome') return t('step.needOutcome');
    if (field === 'parts' && issue?.path.length === 1 && issue.code === 'too_big') return t('step.tooManyParts', { max: issue.maximum });
    return issueText(t, issue, field === 'reason' ? { custom: t('step.control') } : {});
  };

  const save = async () => {
    if (busy) return;
    const sent = step();
    const checked = WarrantyStep.safeParse(sent);
    if (!checked.success) {
      const byField = issuesByField(checked.error.issues);
      const found = Object.fromEntries(asks.filter((f) => byField[f]).map((f) => [f, problemOf(f, byField[f], sent)] as const)) as Partial<
        Record<Field, string>
      >;
      setProblems(found);
      const first = asks.find((f) => f in found);
      if (first) setFocusOn({ name: first });
      return;
    }
    setBusy(true);
    if (await onStep(checked.data)) onClose();
    else setBusy(false);
  };

  /** A digit on the steps chooses one. */
  const onKeys = (e: KeyboardEvent<HTMLFormElement>) => {
    if ((e.target as HTMLInputElement).name === 'step' && /^[1-9]$/.test(e.key)) {
      e.preventDefault();
      const stage = next[Number(e.key) - 1];
      if (stage) choose(stage, true);
    }
  };

  const fieldProps = (field: Field) => ({
    id: `step-${field}`,
    name: field,
    value: typed[field],
    'aria-invalid': field in problems,
    'aria-describedby': field in problems ? `step-${field}-problem` : undefined,
  });
  const problem = (field: Field) => <Problem id={`step-${field}`} testId={`problem-${field}`} text={problems[field]} />;

  return (
    <SmallForm
      title={t('step.title')}
      testId="step-form"
      className="step-form"
      formRef={form}
      onSave={() => void save()}
      onCancel={onClose}
      onKeys={onKeys}
    >
      <fieldset className="choices">
        <legend>{t('step.steps')}</legend>
        {next.map((stage, i) => (
          <label key={stage} className="choice">
            <input
              type="radio"
              name="step"
              value={stage}
              checked={stage === to}
              autoFocus={i === 0}
              onChange={() => choose(stage, false)}
            />
            <kbd aria-hidden="true">{i + 1}</kbd> <span className="choice-name">{stageName(t, stage)}</span>
          </label>
        ))}
      </fieldset>
      {asks.map((field) =>
        field === 'outcome' ? (
          <fieldset
            key={field}
            className="choices"
            aria-invalid={field in problems}
            aria-describedby={field in problems ? 'step-outcome-problem' : undefined}
          >
            <legend>{t('step.outcome')}</legend>
            {OUTCOMES.map((outcome) => (
              <label key={outcome} className="choice">
                <input
                  type="radio"
                  name="outcome"
                  value={outcome}
                  checked={typed.outcome === outcome}
                  onChange={() => edit('outcome', outcome)}
                />{' '}
                {t(`warranty.outcomes.${outcome}`)}
              </label>
            ))}
            {problem(field)}
          </fieldset>
        ) : (
          <div key={field} className="field">
            <label htmlFor={`step-${field}`}>{t(`step.${field}`)}</label>
            {MULTILINE.has(field) ? (
              <textarea {...fieldProps(field)} rows={field === 'reason' ? 3 : 2} onChange={(e) => edit(field, e.target.value)} />
            ) : (
              <input
                {...fieldProps(field)}
                type="text"
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => edit(field, e.target.value)}
              />
            )}
            {problem(field)}
          </div>
        ),
      )}
      <FormFoot hint={t('step.hint')} cancel={t('step.cancel')} confirm={t('step.confirm')} busy={busy} onCancel={onClose} />
    </SmallForm>
  );
}
