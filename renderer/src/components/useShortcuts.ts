/**
 * A screen's single-key shortcuts, on the window while `enabled` (off while the `?` help is open). Keys typed in
 * a text box are the box's; Escape there leaves the box, so the keys work again.
 */
import { useEffect } from 'react';
import { isTyping } from './ShortcutsHelp.tsx';

export function useShortcuts(enabled: boolean, actions: Record<string, () => void>): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTyping(e.target)) {
        if (e.key === 'Escape') (e.target as HTMLElement).blur();
        return;
      }
      const action = actions[e.key];
      if (action) {
        e.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}
