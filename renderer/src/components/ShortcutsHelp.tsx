/**
 * The `?` help: the keyboard shortcuts of the screen in front of the person, and only those, so a comment
 * moderator is not told about complaint keys and IT (who has no inbox) is not told about either. An inbox's
 * keys name its own kind of submission (complaint, question…), from its words in kinds.ts.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { editableFields, itemWords, type InboxConfig } from '../inbox/kinds.ts';

type Shortcut = readonly [key: string, label: string];

const EVERYWHERE: readonly Shortcut[] = [
  ['Ctrl+K', 'palette.shortcut'],
  ['?', 'shortcuts.help'],
  ['Esc', 'shortcuts.escape'],
];

/** On an inbox whose kind has fields staff may correct (a warranty claim's serial…). */
const CORRECTING: readonly Shortcut[] = [['i', 'shortcuts.i']];
/** On an inbox whose submissions go through steps (warranty claims). */
const STEPPING: readonly Shortcut[] = [['b', 'shortcuts.b']];

/** What acts on the open submission, wherever it is open. */
const ON_SUBMISSION: readonly Shortcut[] = [
  ['n', 'shortcuts.n'],
  ['r', 'shortcuts.r'],
  ['e', 'shortcuts.e'],
  ['Ctrl+Enter', 'shortcuts.send'],
  // In the reply box (Composer.tsx): the canned replies' picker.
  ['Ctrl+/', 'replies.shortcut'],
];
const STEPPING_ROWS: readonly Shortcut[] = [
  ['j', 'shortcuts.j'],
  ['k', 'shortcuts.k'],
];

/** Each screen's own keys; a screen not named here has only the keys that work everywhere. */
const BY_SCREEN: Partial<Record<string, readonly Shortcut[]>> = {
  // `x` picks the open row for bulk actions (inbox/BulkBar.tsx): an inbox's list only, never My work's.
  inbox: [...STEPPING_ROWS, ['x', 'shortcuts.x'], ['/', 'shortcuts.slash'], ...ON_SUBMISSION],
  // My work opens submissions of every kind: their corrections and a claim's steps too.
  mine: [...STEPPING_ROWS, ...ON_SUBMISSION, ...CORRECTING, ...STEPPING],
  comments: [
    ['j', 'shortcuts.commentNext'],
    ['k', 'shortcuts.commentPrevious'],
    ['a', 'shortcuts.approve'],
    ['x', 'shortcuts.reject'],
    ['1–4', 'shortcuts.rejectWithReason'],
    ['s', 'shortcuts.spam'],
    ['z', 'shortcuts.undoDecision'],
    ['Space', 'shortcuts.pickComment'],
    ['Shift+A / X / S', 'shortcuts.decidePicked'],
    ['u', 'shortcuts.authorPanel'],
  ],
  requests: [
    ['j / ↓', 'shortcuts.rowNext'],
    ['k / ↑', 'shortcuts.rowPrevious'],
    ['Enter', 'shortcuts.rowOpen'],
  ],
  customers: [
    ['/', 'shortcuts.slash'],
    ['j / ↓', 'shortcuts.rowNext'],
    ['k / ↑', 'shortcuts.rowPrevious'],
    ['Enter', 'shortcuts.rowOpen'],
  ],
};

/**
 * `screen` names what the desk is showing (inbox, mine, comments, audit, enroll…); `inbox`, on an inbox, its entry
 * in kinds.ts; `words`, elsewhere, the i18n block naming what the screen lists (My work's).
 */
export function ShortcutsHelp({
  screen,
  inbox,
  words = inbox?.words,
  onClose,
}: {
  screen: string;
  inbox: InboxConfig | undefined;
  words?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const named = words ? itemWords(t, words) : {};
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  const onInbox = screen === 'inbox' && inbox !== undefined;
  const editable = onInbox && editableFields(inbox).length > 0;
  const own = [...(BY_SCREEN[screen] ?? []), ...(editable ? CORRECTING : []), ...(onInbox && inbox.steps ? STEPPING : [])];
  return (
    <div className="overlay" onClick={onClose}>
      <div role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" className="dialog" onClick={(e) => e.stopPropagation()}>
        <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
        {own.length === 0 && <p className="muted">{t('shortcuts.noneHere')}</p>}
        <table className="shortcuts">
          <tbody>
            {[...own, ...EVERYWHERE].map(([key, label]) => (
              <tr key={key}>
                <td>
                  <kbd>{key}</kbd>
                </td>
                <td>{t(label, named)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={closeRef} type="button" onClick={onClose}>
          {t('shortcuts.close')}
        </button>
      </div>
    </div>
  );
}

/** Inputs that take no typing: a row's checkbox keeps the list's keys (j, k, x) working after a click. */
const NOT_TYPED: ReadonlySet<string> = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

/** True when a key press belongs to a text box rather than to the shortcuts. */
export const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    ['TEXTAREA', 'SELECT'].includes(target.tagName) ||
    (target instanceof HTMLInputElement && !NOT_TYPED.has(target.type)));
