/** Outbox count, connectivity and sync now (the status itself is polled once for the window, api/desk-status.tsx). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.ts';
import { useDeskStatus } from '../api/desk-status.tsx';
import { ConflictsDialog } from '../sync/ConflictsDialog.tsx';
import { useReport } from './Notices.tsx';
import type { Output } from '../../../main/api/contract.ts';

export function StatusBar({ person }: { person: Output<'auth.signIn'> }) {
  const { t } = useTranslation();
  const { status, refresh } = useDeskStatus();
  const [online, setOnline] = useState(navigator.onLine);
  const [syncing, setSyncing] = useState(false);
  const [showConflicts, setShowConflicts] = useState(false);
  const report = useReport();
  const syncNow = () => {
    setSyncing(true);
    void call('sync.now', {})
      .catch(report)
      .finally(() => {
        setSyncing(false);
        void refresh(); // the inboxes see lastSyncAt move and show what came in
      });
  };

  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  const connected = online && status?.hub === 'online';
  const hubText =
    status &&
    (status.hub === 'revoked' ? (
      <strong className="form-error">{t('statusBar.hub_revoked')}</strong>
    ) : (
      <span className="muted">{t(`statusBar.hub_${status.hub}`)}</span>
    ));
  return (
    <footer className="status-bar" aria-label="status">
      <span className={connected ? 'dot online' : 'dot offline'} aria-hidden="true" />
      <span data-testid="connectivity">{connected ? t('statusBar.online') : t('statusBar.offline')}</span>
      {hubText}
      {status?.progress && <span role="status">{t('statusBar.syncing', status.progress)}</span>}
      {status && <span data-testid="outbox-count">{t('statusBar.outbox', { count: status.outboxPending })}</span>}
      {status && status.conflicts > 0 && (
        <button type="button" className="link conflicts" data-testid="conflict-count" onClick={() => setShowConflicts(true)}>
          {t('statusBar.conflicts', { count: status.conflicts })}
        </button>
      )}
      {status && status.hub !== 'not_enrolled' && (
        <button type="button" className="link" disabled={syncing} onClick={syncNow}>
          {syncing ? t('sync.running') : t('sync.now')}
        </button>
      )}
      {showConflicts && <ConflictsDialog onClose={() => setShowConflicts(false)} />}
      <span className="spacer" />
      <span>{t('statusBar.signedInAs', { name: person.displayName, role: t(`roles.${person.role}`) })}</span>
    </footer>
  );
}
