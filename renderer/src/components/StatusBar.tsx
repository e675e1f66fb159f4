/** Outbox count and connectivity, polled (the poll is passive: it does not keep an idle session unlocked). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.ts';
import type { Output } from '../../../main/api/contract.ts';

const POLL_MS = 5000;

export function StatusBar({ person }: { person: Output<'auth.signIn'> }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Output<'desk.status'> | null>(null);
  const [online, setOnline] = useState(navigator.onLine);

  useEffect(() => {
    let alive = true;
    const poll = () => call('desk.status', {}).then((s) => alive && setStatus(s), () => alive && setStatus(null));
    void poll();
    const timer = setInterval(poll, POLL_MS);
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  const connected = online && status?.hub === 'online';
  return (
    <footer className="status-bar" aria-label="status">
      <span className={connected ? 'dot online' : 'dot offline'} aria-hidden="true" />
      <span data-testid="connectivity">{connected ? t('statusBar.online') : t('statusBar.offline')}</span>
      {status && <span className="muted">{t(`statusBar.hub_${status.hub}`)}</span>}
      {status?.progress && <span role="status">{t('statusBar.syncing', status.progress)}</span>}
      {status && <span data-testid="outbox-count">{t('statusBar.outbox', { count: status.outboxPending })}</span>}
      {status && status.conflicts > 0 && <span className="conflicts" data-testid="conflict-count">{t('statusBar.conflicts', { count: status.conflicts })}</span>}
      <span className="spacer" />
      <span>{t('statusBar.signedInAs', { name: person.displayName, role: t(`roles.${person.role}`) })}</span>
    </footer>
  );
}
