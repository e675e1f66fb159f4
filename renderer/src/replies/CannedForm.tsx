/**
 * A director writes a canned reply or changes one: its title, the inbox it is for (or every inbox), its body with
 * the variables it may use (each with its meaning and a sample, and a button that puts it in at the cursor), a
 * preview filled with the sample values by the shared fill, and whether it is offered (archived: not). Checked
 * against the schema the API and the hub check it with, worded in the interface's language; a `{{…}}` that is no
 * variable is pointed out as it is typed. A change made on a version someone else has changed since is refused as
 * stale: the reply in force is read again and shown, and the form keeps what was typed, now on the current version.
 * Enter saves (Shift+Enter starts a new line of the body), Escape cancels.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CANNED_VARIABLES, CannedReplyFields, fillCanned, SAMPLE_VALUES, unknownVariables } from '../../../common/replies/canned.ts';
import { SUBMISSION_KINDS, type SubmissionKind } from '../../../common/vocabulary/submissions.ts';
import type { Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { FormFoot, Problem, SmallForm } from '../forms/FormParts.tsx';
import { issuesByField, issueText, type Issue } from '../forms/problems.ts';
import { INBOX_KINDS } from '../inbox/kinds.ts';
import { useVersionedSave } from './useVersionedSave.ts';

export type Canned = Output<'cannedReplies.list'>[number];
type Field = 'title' | 'body';
const FIELDS: readonly Field[] = ['title', 'body'];
const written = (name: string) => `{{${name}}}`;

export function CannedForm({
  canned,
  onSaved,
  onStale,
  onClose,
}: {
  /** The reply changed, at the version the person saw; null for a new one. */
  canned: Canned | null;
  onSaved: (title: string) => void;
  /** Reads the replies again; this one as it is now. */
  onStale: () => Promise<Canned | undefined>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState<Record<Field, string>>({ title: canned?.title ?? '', body: canned?.body ?? '' });
  const [kind, setKind] = useState<SubmissionKind | null>(canned ? canned.kind : null);
  const [active, setActive] = useState(canned?.active ?? true);
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  // After a stale save, `current` is the reply in force, read again.
  const { save, current, busy } = useVersionedSave(canned, onStale);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  const edit = (field: Field, value: string) => {
    setTyped((v) => ({ ...v, [field]: value }));
    setProblems(({ [field]: _, ...others }) => others);
  };
  const unknown = unknownVariables(typed.body).map(written);
  const problemOf = (field: Field, issue: Issue): string =>
    field === 'body' && issue.code === 'custom' && unknown.length > 0
      ? t('replies.canned.problems.unknown', { names: unknown.join(', ') })
      : issueText(t, issue, field === 'body' ? { custom: t('replies.canned.problems.control') } : {});

  /** Puts a variable in the body at its cursor (or at its end), and the cursor after it. */
  const putVariable = (name: string) => {
    const box = bodyRef.current;
    const at = box ? box.selectionStart : typed.body.length;
    const text = written(name);
    edit('body', typed.body.slice(0, at) + text + typed.body.slice(at));
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(at + text.length, at + text.length);
    });
  };

  const check = async () => {
    const checked = CannedReplyFields.safeParse({ title: typed.title, body: typed.body, kind, active });
    if (!checked.success) {
      const byField = issuesByField(checked.error.issues);
      setProblems(Object.fromEntries(FIELDS.filter((f) => byField[f]).map((f) => [f, problemOf(f, byField[f]!)])));
      const first = FIELDS.find((f) => byField[f]);
      if (first) document.getElementById(`canned-${first}`)?.focus();
      return;
    }
    const c = checked.data;
    if (await save((version) => call('cannedReplies.save', canned ? { id: canned.id, version, canned: c } : { canned: c })))
      onSaved(c.title);
  };

  const field = (f: Field) => {
    const id = `canned-${f}`;
    const props = {
      id,
      name: f,
      value: typed[f],
      'aria-invalid': f in problems,
      'aria-describedby': f in problems ? `${id}-problem` : undefined,
      onChange: (e: { target: { value: string } }) => edit(f, e.target.value),
    };
    return (
      <div className="field">
        <label htmlFor={id}>{t(`replies.canned.${f}`)}</label>
        {f === 'title' ? (
          <input type="text" autoComplete="off" autoFocus {...props} />
        ) : (
          <textarea ref={bodyRef} rows={10} spellCheck={false} {...props} />
        )}
        <Problem id={id} testId={`problem-${f}`} text={problems[f]} />
      </div>
    );
  };
  const inboxName = (k: SubmissionKind | null) => (k === null ? t('replies.everyInbox') : t(`${INBOX_KINDS[k].words}.nav`));
  return (
    <SmallForm
      title={canned ? t('replies.canned.editTitle', { title: canned.title }) : t('replies.canned.addTitle')}
      testId="canned-form"
      className="canned-form"
      onSave={() => void check()}
      onCancel={onClose}
    >
      {current && (
        <>
          <p className="form-error" role="alert">
            {t('replies.canned.problems.stale')}
          </p>
          <section className="replies-current" aria-label={t('replies.canned.current')} data-testid="canned-current">
            <h4>{t('replies.canned.current')}</h4>
            <p>
              <span className="muted">{t('replies.canned.title')}: </span>
              <bdi data-testid="current-title">{current.title}</bdi>
              <span className="muted"> · {inboxName(current.kind)}</span>
              {!current.active && <span className="muted"> · {t('replies.archived')}</span>}
            </p>
            <div className="body" data-testid="current-body">
              {current.body}
            </div>
          </section>
        </>
      )}
      <div className="replies-columns">
        <div className="replies-fields">
          {field('title')}
          <div className="field">
            <label htmlFor="canned-kind">{t('replies.canned.kind')}</label>
            <select
              id="canned-kind"
              name="kind"
              value={kind ?? ''}
              onChange={(e) => setKind((e.target.value || null) as SubmissionKind | null)}
            >
              <option value="">{t('replies.everyInbox')}</option>
              {SUBMISSION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {inboxName(k)}
                </option>
              ))}
            </select>
          </div>
          {field('body')}
          {unknown.length > 0 && (
            <p className="warning" data-testid="canned-unknown">
              <span className="warning-icon" aria-hidden="true">
                ⚠
              </span>{' '}
              {t('replies.canned.unknown', { names: unknown.join(', ') })}
            </p>
          )}
          <label className="check">
            <input type="checkbox" name="active" checked={active} onChange={(e) => setActive(e.target.checked)} />{' '}
            {t('replies.canned.active')}
          </label>
        </div>
        <section className="replies-preview" aria-labelledby="canned-preview-title" data-testid="canned-preview">
          <h4 id="canned-preview-title">{t('replies.canned.preview')}</h4>
          <div className="body" data-testid="preview-body">
            {fillCanned(typed.body, SAMPLE_VALUES)}
          </div>
        </section>
      </div>
      <section className="replies-variables" aria-labelledby="canned-variables-title">
        <h4 id="canned-variables-title">{t('replies.canned.variables')}</h4>
        <p className="muted small">{t('replies.canned.variablesHint', { example: written('ten_khach') })}</p>
        <table className="audit-table" data-testid="canned-variables">
          <thead>
            <tr>
              <th>{t('replies.canned.variable')}</th>
              <th>{t('replies.canned.meaning')}</th>
              <th>{t('replies.canned.sample')}</th>
              <th>
                <span className="visually-hidden">{t('replies.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {CANNED_VARIABLES.map((v) => (
              <tr key={v}>
                <td className="mono">{written(v)}</td>
                <td>{t(`replies.canned.meanings.${v}`)}</td>
                <td>{SAMPLE_VALUES[v]}</td>
                <td>
                  <button type="button" aria-label={t('replies.canned.putLabel', { name: written(v) })} onClick={() => putVariable(v)}>
                    {t('replies.canned.put')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <FormFoot hint={t('replies.canned.hint')} cancel={t('replies.cancel')} confirm={t('replies.save')} busy={busy} onCancel={onClose} />
    </SmallForm>
  );
}
