/** What the small keyboard-first forms share: a field's problem, and the foot with its hint, Cancel and the confirming button. */

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
