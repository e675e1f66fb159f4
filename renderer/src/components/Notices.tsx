/** One place for messages to the person: errors from calls, translated from their codes. */
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { BackdeskError } from '../api/client.ts';
import { formatDateTime } from '../format/dates.ts';
import { itemWords } from '../inbox/kinds.ts';

type Side = { displayName: string; role: string };

/** `words`: the i18n block of the inbox the call was made in (kinds.ts), for errors that name the submission. */
export function messageFor(e: unknown, t: TFunction, words?: string): string {
  if (!(e instanceof BackdeskError)) return t('errors.internal');
  if (e.detail?.network) return t('errors.network');
  switch (e.code) {
    case 'account_locked':
      return t('errors.account_locked', { time: formatDateTime(Number(e.detail?.lockedUntil ?? Date.now())) });
    case 'invalid_input':
      return t('errors.invalid_input', { message: e.message });
    case 'username_taken': {
      const clash = e.detail?.clash as { username: string; joining: Side; holder: Side } | undefined;
      if (!clash) return t('errors.username_taken');
      const side = (s: Side) => `${s.displayName} (${t(`roles.${s.role}`)})`;
      return t('errors.username_clash', { username: clash.username, joining: side(clash.joining), holder: side(clash.holder) });
    }
    case 'stale':
      // Only an inbox's calls can be stale, and it names itself (Inbox.tsx).
      return words ? t('errors.stale', itemWords(t, words)) : t('errors.internal');
    case 'bad_credentials':
    case 'forbidden':
    case 'weak_password':
    case 'not_seated':
    case 'key_unreadable':
    case 'not_found':
      return t(`errors.${e.code}`);
    default:
      return t('errors.internal');
  }
}

const Report = createContext<(e: unknown, words?: string) => void>(() => {});
export const useReport = () => useContext(Report);

export function Notices({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<{ id: number; text: string }[]>([]);
  const report = useCallback(
    (e: unknown, words?: string) => setNotices((n) => [...n.slice(-2), { id: Date.now() + Math.random(), text: messageFor(e, t, words) }]),
    [t],
  );
  return (
    <Report.Provider value={report}>
      {children}
      <div className="notices" role="alert" aria-live="assertive">
        {notices.map((n) => (
          <div key={n.id} className="notice">
            <span>{n.text}</span>
            <button type="button" aria-label={t('errors.dismiss')} onClick={() => setNotices((all) => all.filter((x) => x.id !== n.id))}>
              ×
            </button>
          </div>
        ))}
      </div>
    </Report.Provider>
  );
}
