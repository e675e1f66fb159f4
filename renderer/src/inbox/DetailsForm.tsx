/**
 * Correcting a kind's own fields (a warranty claim's serial, a trade contact's tax code): the fields staff may
 * edit, filled with what the submission holds, each checked as it is typed against the same schema the API and
 * the hub check it with, and worded in the interface's language. Only what the person changed is sent. Enter
 * saves, Escape cancels; a save that fails leaves the form as the person left it.
 *
 * Loaded when first opened: the schemas bring zod, which the rest of the renderer does without.
 */
import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { EDITABLE_DETAILS, TRADES } from '../../../common/protocol/submission-details.ts';
import { EARLIEST_PURCHASE_DATE } from '../../../common/protocol/time.ts';
import type { SubmissionKind } from '../../../common/vocabulary/submissions.ts';
import { FormFoot, Problem, SmallForm } from '../forms/FormParts.tsx';
import { issueText, type Issue } from '../forms/problems.ts';
import { formatDay, parseDay } from '../format/dates.ts';
import { editableFields, itemWords, type Detail, type Fact, type InboxConfig } from './kinds.ts';

export type DetailsChanges = Record<string, unknown>;

const schemaOf = (kind: SubmissionKind, field: string) =>
  (EDITABLE_DETAILS[kind] as Readonly<Record<string, z.ZodType | undefined>>)[field];

/** What the form's box shows for a stored value: a day as dd/mm/yyyy, nothing as empty. */
const typedOf = (fact: Fact, value: unknown) =>
  value === undefined || value === null ? '' : fact.format === 'day' ? formatDay(String(value)) : String(value);

/** Why a value is refused: a field's own format, or a day's bounds ([EARLIEST_PURCHASE_DATE, today]). */
const problem = (t: TFunction, field: string, fact: Fact, issue: Issue | undefined): string =>
  issueText(t, issue, {
    format: t(`edit.formats.${field}`, { defaultValue: t('edit.invalid') }),
    custom: fact.format === 'day' ? t('edit.pastDay', { earliest: formatDay(EARLIEST_PURCHASE_DATE) }) : undefined,
  });

export default function DetailsForm({
  kind,
  config,
  detail,
  onSave,
  onClose,
}: {
  kind: SubmissionKind;
  config: InboxConfig;
  detail: Detail;
  /** Sends the changes; true when they landed. */
  onSave: (changes: DetailsChanges) => Promise<boolean>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { words, facts } = config;
  const fields = editableFields(config);
  // What the form opened with: a field is changed when the person typed something else into it, so a
  // correction someone else made meanwhile (a sync) is never sent back as if it were this person's.
  const [stored] = useState(() => ({ ...detail.details }));
  const [opened] = useState(() => Object.fromEntries(fields.map((f) => [f, typedOf(facts[f]!, stored[f])])));
  const [typed, setTyped] = useState(opened);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const edit = (field: string, value: string) => {
    setTyped((v) => ({ ...v, [field]: value }));
    setProblems(({ [field]: _, ...others }) => others);
  };

  const save = async () => {
    if (busy) return;
    const changes: DetailsChanges = {};
    const found: Record<string, string> = {};
    for (const field of fields.filter((f) => typed[f] !== opened[f])) {
      const fact = facts[field]!;
      const value = fact.format === 'day' ? parseDay(typed[field]!) : typed[field];
      const checked = schemaOf(kind, field)?.safeParse(value) ?? { success: true as const, data: value };
      if (!checked.success) found[field] = problem(t, field, fact, checked.error.issues[0]);
      else if (checked.data !== stored[field]) changes[field] = checked.data;
    }
    setProblems(found);
    const first = fields.find((f) => f in found);
    if (first) return (form.current?.elements.namedItem(first) as HTMLElement | null)?.focus();
    if (Object.keys(changes).length === 0) return onClose();
    setBusy(true);
    if (await onSave(changes)) onClose();
    else setBusy(false);
  };

  const title = t('edit.title', itemWords(t, words));
  return (
    <SmallForm title={title} testId="details-form" formRef={form} onSave={() => void save()} onCancel={onClose}>
      <div className="details-form-fields">
        {fields.map((field, i) => {
          const id = `details-${field}`;
          const shared = {
            id,
            name: field,
            autoFocus: i === 0,
            value: typed[field],
            'aria-invalid': field in problems,
            'aria-describedby': field in problems ? `${id}-problem` : undefined,
          };
          return (
            <div key={field} className="field">
              <label htmlFor={id}>{t(`${words}.facts.${field}`)}</label>
              {facts[field]!.format === 'trade' ? (
                <select {...shared} onChange={(e) => edit(field, e.target.value)}>
                  {opened[field] === '' && <option value="">{t('customer.none')}</option>}
                  {TRADES.map((trade) => (
                    <option key={trade} value={trade}>
                      {t(`${words}.trades.${trade}`)}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...shared}
                  type="text"
                  autoComplete="off"
                  spellCheck={false}
                  placeholder={facts[field]!.format === 'day' ? t('edit.dayPlaceholder') : undefined}
                  onChange={(e) => edit(field, e.target.value)}
                />
              )}
              <Problem id={id} testId={`problem-${field}`} text={problems[field]} />
            </div>
          );
        })}
      </div>
      <FormFoot hint={t('edit.hint')} cancel={t('edit.cancel')} confirm={t('edit.save')} busy={busy} onCancel={onClose} />
    </SmallForm>
  );
}
