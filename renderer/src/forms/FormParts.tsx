/**
 * What the small keyboard-first forms share (a claim's fields, its next step, a product): the form itself, titled,
 * where Escape cancels; a field's problem; and the foot with its hint, Cancel and the confirming button.
 */
import type { KeyboardEvent, ReactNode, RefObject } from 'react';

export function SmallForm({
  title,
  testId,
  className = '',
  formRef,
  onSave,
  onCancel,
  onKeys,
  children,
}: {
  title: string;
  testId: string;
  className?: string;
  formRef?: RefObject<HTMLFormElement | null>;
  onSave: () => void;
  onCancel: () => void;
  /** The form's own keys, besides Escape and Enter. */
  onKeys?: (e: KeyboardEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation(); // the form closes; the screen's Escape (leave the text box) has nothing left to do
      onCancel();
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !(e.target instanceof HTMLButtonElement)) {
      // Enter saves from any field, a select or a radio button too; Shift+Enter in a text area starts a new line.
      if (e.shiftKey && e.target instanceof HTMLTextAreaElement) return;
      e.preventDefault();
      onSave();
    } else onKeys?.(e);
  };
  return (
    <form
      ref={formRef}
      className={`details-form ${className}`}
      aria-label={title}
      data-testid={testId}
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <h3>{title}</h3>
      {children}
    </form>
  );
}

/** Why a field is refused, tied to it by `aria-describedby` (`${id}-problem`). */
export function Problem({ id, testId, text }: { id: string; testId: string; text: string | undefined }) {
  if (text === undefined) return null;
  return (
    <span id={`${id}-problem`} className="form-error small" data-testid={testId}>
      {text}
    </span>
  );
}

export function FormFoot({
  hint,
  cancel,
  confirm,
  busy,
  onCancel,
}: {
  hint: string;
  cancel: string;
  confirm: string;
  busy: boolean;
  onCancel: () => void;
}) {
  return (
    <div className="details-form-foot">
      <span className="muted small">{hint}</span>
      <span className="spacer" />
      <button type="button" onClick={onCancel}>
        {cancel}
      </button>
      <button type="submit" className="primary" disabled={busy}>
        {confirm}
      </button>
    </div>
  );
}
