/**
 * The small form that names a saved view: a new one from the inbox's filters, or a new name for one of the
 * person's views. A name they already use (whatever its case and marks: views.save refuses it with the view's id)
 * is said in words, and a new view may replace the one holding that name.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackdeskError, call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import type { Filters, InboxKind } from '../inbox/kinds.ts';

export function SaveViewForm({
  kind,
  filters,
  view,
  nameOf,
  onSaved,
  onCancel,
}: {
  kind: InboxKind;
  filters: Filters;
  /** The view being renamed; none for a new one. */
  view?: { id: string; name: string };
  /** The name of one of the person's views as they wrote it, to say which view holds a name. */
  nameOf: (id: string) => string | undefined;
  onSaved: (name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const report = useReport();
  const [name, setName] = useState(view?.name ?? '');
  const [problem, setProblem] = useState<'empty' | { takenBy: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const save = async (id: string | undefined) => {
    const trimmed = name.trim();
    if (!trimmed) return setProblem('empty');
    setBusy(true);
    try {
      await call('views.save', { ...(id ? { id } : {}), name: trimmed, kind, filters });
      onSaved(trimmed);
    } catch (e) {
      const takenBy = e instanceof BackdeskError ? e.detail?.viewId : undefined;
      if (typeof takenBy === 'string') setProblem({ takenBy, name: nameOf(takenBy) ?? trimmed });
      else report(e);
      setBusy(false);
    }
  };
  const label = view ? t('palette.views.renameLabel', { name: view.name }) : t('palette.views.name');
  return (
    <form
      className="view-form"
      data-testid="view-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(view?.id);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        onCancel();
      }}
    >
      <input
        ref={inputRef}
        type="text"
        aria-label={label}
        placeholder={label}
        maxLength={60}
        value={name}
        aria-invalid={problem !== null}
        aria-describedby={problem ? 'view-form-problem' : undefined}
        onChange={(e) => {
          setName(e.target.value);
          setProblem(null);
        }}
      />
      <button type="submit" className="primary" disabled={busy}>
        {t('palette.views.saveButton')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('palette.views.cancel')}
      </button>
      {problem && (
        <div id="view-form-problem" className="form-error small view-form-problem" role="alert" data-testid="view-problem">
          {problem === 'empty' ? t('palette.views.empty') : t('palette.views.taken', { name: problem.name })}
          {/* A new view may take the name's place; a rename never overwrites another view. */}
          {problem !== 'empty' && !view && (
            <button type="button" className="link" disabled={busy} onClick={() => void save(problem.takenBy)}>
              {t('palette.views.replace')}
            </button>
          )}
        </div>
      )}
    </form>
  );
}
