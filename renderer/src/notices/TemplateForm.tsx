/**
 * A director words one of the emails warranty claimants get: its subject and text, checked against the schema the
 * API and the hub check them with and worded in the interface's language; beside them a preview filled from a
 * sample claim by the shared render the hub sends with, and under them the placeholders the wording may use. A
 * `{{…}}` that is no placeholder, or one this email has nothing for, is pointed out before the customer sees it.
 * A change made on a version someone else has changed since is refused as stale: the wording in force is read
 * again and shown, and the form keeps what was typed, now on the current version, for the person to look again
 * and save. Enter saves (Shift+Enter starts a new line of the text), Escape cancels.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TEMPLATES, PLACEHOLDERS, Template } from '../../../common/warranty/notices.ts';
import type { Output } from '../../../main/api/contract.ts';
import { BackdeskError, call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { FormFoot, Problem, SmallForm } from '../forms/FormParts.tsx';
import { issuesByField, issueText, type Issue } from '../forms/problems.ts';
import { availableIn, preview, SAMPLE, unfilled, written } from './placeholders.ts';

export type NoticeTemplate = Output<'notices.templates'>[number];
type Field = 'subject' | 'body';
const FIELDS: readonly Field[] = ['subject', 'body'];

export function TemplateForm({
  template,
  onSaved,
  onStale,
  onClose,
}: {
  /** The email as it was when the person opened it (its version: null while the default is in force). */
  template: NoticeTemplate;
  onSaved: () => void;
  /** Reads the emails again; this one as it is now. */
  onStale: () => Promise<NoticeTemplate | undefined>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const report = useReport();
  const { notice } = template;
  const name = t(`warrantyEmails.names.${notice}`);
  const [version, setVersion] = useState(template.version);
  const [typed, setTyped] = useState<Record<Field, string>>({ subject: template.subject, body: template.body });
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  /** After a stale save: the wording in force, read again. */
  const [current, setCurrent] = useState<NoticeTemplate | null>(null);
  const [busy, setBusy] = useState(false);

  const edit = (field: Field, value: string) => {
    setTyped((v) => ({ ...v, [field]: value }));
    setProblems(({ [field]: _, ...others }) => others);
  };
  const problemOf = (field: Field, issue: Issue): string =>
    field === 'body' ? issueText(t, issue, { custom: t('warrantyEmails.problems.control') }) : issueText(t, issue);

  const save = async () => {
    if (busy) return;
    const checked = Template.safeParse(typed);
    if (!checked.success) {
      const byField = issuesByField(checked.error.issues);
      setProblems(Object.fromEntries(FIELDS.filter((f) => byField[f]).map((f) => [f, problemOf(f, byField[f]!)])));
      const first = FIELDS.find((f) => byField[f]);
      if (first) document.getElementById(`notice-${first}`)?.focus();
      return;
    }
    setBusy(true);
    setCurrent(null);
    try {
      await call('notices.saveTemplate', { notice, version, template: checked.data });
      onSaved();
      return;
    } catch (e) {
      if (e instanceof BackdeskError && e.code === 'stale') {
        const now = await onStale();
        if (now) {
          setVersion(now.version);
          setCurrent(now);
        }
      } else report(e);
    }
    setBusy(false);
  };

  const shown = preview(notice, typed);
  const { unknown, unavailable } = unfilled(notice, typed);
  const field = (f: Field) => {
    const id = `notice-${f}`;
    const props = {
      id,
      name: f,
      value: typed[f],
      spellCheck: false,
      'aria-invalid': f in problems,
      'aria-describedby': f in problems ? `${id}-problem` : undefined,
      onChange: (e: { target: { value: string } }) => edit(f, e.target.value),
    };
    return (
      <div className="field">
        <label htmlFor={id}>{t(`warrantyEmails.${f}`)}</label>
        {f === 'subject' ? <input type="text" autoComplete="off" autoFocus {...props} /> : <textarea rows={12} {...props} />}
        <Problem id={id} testId={`problem-${f}`} text={problems[f]} />
      </div>
    );
  };
  return (
    <SmallForm
      title={t('warrantyEmails.editTitle', { name })}
      testId="notice-form"
      className="notice-form"
      onSave={() => void save()}
      onCancel={onClose}
    >
      <p className="muted small">{t(`warrantyEmails.when.${notice}`)}</p>
      {current && (
        <>
          <p className="form-error" role="alert">
            {t('warrantyEmails.problems.stale')}
          </p>
          <section className="notice-current" aria-label={t('warrantyEmails.current')} data-testid="notice-current">
            <h4>{t('warrantyEmails.current')}</h4>
            <p className="notice-subject">
              <span className="muted">{t('warrantyEmails.subject')}: </span>
              <span data-testid="current-subject">{current.subject}</span>
            </p>
            <div className="body" data-testid="current-body">
              {current.body}
            </div>
          </section>
        </>
      )}
      <div className="notice-columns">
        <div className="notice-fields">
          {field('subject')}
          {field('body')}
          {(unknown.length > 0 || unavailable.length > 0) && (
            <ul className="warnings" aria-label={t('warranty.warnings')}>
              {unknown.length > 0 && (
                <li className="warning" data-testid="notice-unknown">
                  <span className="warning-icon" aria-hidden="true">
                    ⚠
                  </span>
                  <span className="visually-hidden">{t('warranty.warning')}</span>
                  {t('warrantyEmails.unknown', { names: unknown.join(', ') })}
                </li>
              )}
              {unavailable.length > 0 && (
                <li className="warning" data-testid="notice-unavailable">
                  <span className="warning-icon" aria-hidden="true">
                    ⚠
                  </span>
                  <span className="visually-hidden">{t('warranty.warning')}</span>
                  {t('warrantyEmails.unavailable', { names: unavailable.map(written).join(', ') })}
                </li>
              )}
            </ul>
          )}
          <div>
            <button
              type="button"
              onClick={() => {
                setTyped({ ...DEFAULT_TEMPLATES[notice] });
                setProblems({});
              }}
            >
              {t('warrantyEmails.useDefault')}
            </button>
          </div>
        </div>
        <section className="notice-preview" aria-labelledby="notice-preview-title" data-testid="notice-preview">
          <h4 id="notice-preview-title">{t('warrantyEmails.preview')}</h4>
          <p className="notice-subject">
            <span className="muted">{t('warrantyEmails.subject')}: </span>
            <span data-testid="preview-subject">{shown.subject}</span>
          </p>
          <div className="body" data-testid="preview-body">
            {shown.body}
          </div>
        </section>
      </div>
      <section className="notice-placeholders" aria-labelledby="notice-placeholders-title">
        <h4 id="notice-placeholders-title">{t('warrantyEmails.placeholders')}</h4>
        <p className="muted small">{t('warrantyEmails.placeholdersHint', { example: written('ten_khach') })}</p>
        <table className="audit-table" data-testid="placeholders">
          <thead>
            <tr>
              <th>{t('warrantyEmails.placeholder')}</th>
              <th>{t('warrantyEmails.meaning')}</th>
              <th>{t('warrantyEmails.sample')}</th>
            </tr>
          </thead>
          <tbody>
            {PLACEHOLDERS.map((p) => (
              <tr key={p} className={availableIn(p, notice) ? '' : 'muted'}>
                <td className="mono">{written(p)}</td>
                <td>{t(`warrantyEmails.meanings.${p}`)}</td>
                <td>{availableIn(p, notice) ? SAMPLE[p] : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <FormFoot
        hint={t('warrantyEmails.hint')}
        cancel={t('warrantyEmails.cancel')}
        confirm={t('warrantyEmails.save')}
        busy={busy}
        onCancel={onClose}
      />
    </SmallForm>
  );
}
