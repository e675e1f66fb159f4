import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export const SHORTCUTS: readonly [string, string][] = [
  ['j', 'shortcuts.j'],
  ['k', 'shortcuts.k'],
  ['/', 'shortcuts.slash'],
  ['n', 'shortcuts.n'],
  ['r', 'shortcuts.r'],
  ['e', 'shortcuts.e'],
  ['Ctrl+Enter', 'shortcuts.send'],
  ['?', 'shortcuts.help'],
  ['Esc', 'shortcuts.escape'],
];

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <div className="overlay" onClick={onClose}>
      <div role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" className="dialog" onClick={(e) => e.stopPropagation()}>
        <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map(([key, label]) => (
              <tr key={key}>
                <td>
                  <kbd>{key}</kbd>
                </td>
                <td>{t(label)}</td>
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

/** True when a key press belongs to a text box rather than to the shortcuts. */
export const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
