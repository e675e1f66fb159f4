/** IT's screen: enroll this desk with the hub using the one-time code, and see how syncing goes. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { messageFor } from '../components/Notices.tsx';
import { formatDateTime } from '../format/dates.ts';
import { SeatList } from '../staff/SeatList.tsx';

export function EnrollForm({ me }: { me: { id: string; role: string } }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ hubUrl: '', code: '', deviceName: '' });
  const [status, setStatus] = useState<Output<'desk.status'> | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // An enrolled desk shows how it syncs; enrolling again (a revoked desk, another hub) is a deliberate step.
  const [reenroll, setReenroll] = useState(false);
  useEffect(() => void call('desk.status', {}).then(setStatus, () => undefined), [result]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const { deviceId } = await call('sync.enroll', form);
      setResult({ ok: true, text: t('sync.enrolled', { id: deviceId }) });
    } catch (err) {
      setResult({ ok: false, text: messageFor(err, t) });
    } finally {
      setBusy(false);
    }
  };
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.target.value });
  return (
    <section className="pane enroll">
      <p>{t('home.itAdmin')}</p>
      {status && status.hub !== 'not_enrolled' && !reenroll && !result && (
        <div className="auth-card">
          <p>{t('sync.alreadyEnrolled')}</p>
          <button type="button" onClick={() => setReenroll(true)}>
            {t('sync.reenroll')}
          </button>
        </div>
      )}
      {status && (status.hub === 'not_enrolled' || reenroll || result) && (
        <form className="auth-card" onSubmit={submit} aria-busy={busy}>
          <h2>{t('sync.enrollTitle')}</h2>
          <p className="muted">{t('sync.enrollIntro')}</p>
          <label className="field">
            <span>{t('sync.hubUrl')}</span>
            <input required type="url" value={form.hubUrl} onChange={set('hubUrl')} placeholder="https://hub.example.vn" />
          </label>
          <label className="field">
            <span>{t('sync.code')}</span>
            <input required value={form.code} onChange={set('code')} placeholder="XXXX-XXXX-XXXX-XXXX" autoComplete="off" />
          </label>
          <label className="field">
            <span>{t('sync.deviceName')}</span>
            <input required value={form.deviceName} onChange={set('deviceName')} />
          </label>
          {result && (
            <p role="status" className={result.ok ? 'ok' : 'form-error'}>
              {result.text}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {t('sync.enroll')}
          </button>
        </form>
      )}
      {status && (
        <p className="muted">
          {t(`statusBar.hub_${status.hub}`)}
          {status.lastSyncAt && <> · {t('sync.lastSync', { time: formatDateTime(status.lastSyncAt) })}</>}
          {status.lastError && <> · {t('sync.lastError', { error: status.lastError })}</>}
        </p>
      )}
      <SeatList me={me} />
    </section>
  );
}
