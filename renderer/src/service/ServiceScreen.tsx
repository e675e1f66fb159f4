/**
 * "Giờ làm việc & SLA", for directors: the working hours of each weekday, the public holidays, and each inbox's
 * first-response and resolution targets in working hours, which every desk's service clocks count in. Saved whole
 * on the version it was read at (service.saveSettings); a save made on a version someone else has changed since is
 * refused as stale: the settings in force are read again and shown beside what was typed, which is kept, now on
 * the current version, for the director to look again and save. Checked with the shared schema before it is sent.
 * Enter in a time or a target saves. Leaving the window with changes unsaved asks first. Loaded when first opened: the schemas bring zod, which the
 * rest of the renderer does without.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLeaveGuard } from '../components/leave-guard.ts';
import type { Output } from '../../../main/api/contract.ts';
import { BackdeskError, call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { draftOf, settingsOf, type Draft, type Problems } from './draft.ts';
import { HolidayList } from './HolidayList.tsx';
import { InForce } from './InForce.tsx';
import { TargetsTable } from './TargetsTable.tsx';
import { WeekHours } from './WeekHours.tsx';

type Settings = Output<'service.settings'>;

export default function ServiceScreen() {
  const { t, i18n } = useTranslation();
  const report = useReport();
  /** What the draft was read from: a save names its version, Discard goes back to it. */
  const [base, setBase] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problems, setProblems] = useState<Problems>({});
  /** After a stale save: the settings in force, read again. */
  const [stale, setStale] = useState<Settings | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const read = useCallback(() => call('service.settings', {}), []);
  useEffect(() => {
    read().then((s) => {
      setBase(s);
      setDraft(draftOf(s.settings, i18n.language));
    }, report);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read once: a change of language (a new `report`) must not throw away what was typed
  }, [read]);

  // A stale save says so where the person is looking: the alert takes the focus, which scrolls it into view.
  const staleAlert = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (stale) staleAlert.current?.focus();
  }, [stale]);

  // Changed when it says other settings than those read, or nothing yet: compared as settings, not as text, so
  // "1,5" typed and "1.5" shown after a change of language are the same target.
  const said = (d: Draft) => {
    const checked = base && settingsOf(t, d, base.settings);
    return checked && 'settings' in checked ? JSON.stringify(checked.settings) : null;
  };
  const dirty = base !== null && draft !== null && (said(draft) ?? '') !== said(draftOf(base.settings, i18n.language));
  useUnsavedGuard(dirty);

  if (!base || !draft)
    return (
      <section className="pane staff" aria-label={t('service.nav')}>
        <p className="muted">{t('service.loading')}</p>
      </section>
    );

  const edit = (next: Partial<Draft>) => {
    setDraft({ ...draft, ...next });
    setProblems({});
    setSaved(null);
  };

  const save = async () => {
    if (busy) return;
    const checked = settingsOf(t, draft, base.settings);
    if ('problems' in checked) {
      setProblems(checked.problems);
      // The first field refused takes the focus, so the keyboard lands where the work is.
      const first = Object.keys(checked.problems).find((id) => document.getElementById(id));
      if (first) document.getElementById(first)?.focus();
      return;
    }
    setBusy(true);
    try {
      const { version } = await call('service.saveSettings', { version: base.version, settings: checked.settings });
      setBase({ version, settings: checked.settings });
      setDraft(draftOf(checked.settings, i18n.language));
      setStale(null);
      setSaved(version);
    } catch (e) {
      if (e instanceof BackdeskError && e.code === 'stale') {
        const now = await read().catch((err: unknown) => (report(err), null));
        if (now) {
          setBase(now);
          setStale(now);
        }
      } else report(e);
    }
    setBusy(false);
  };

  return (
    <section className="pane staff service-screen" aria-label={t('service.nav')}>
      <header className="service-head">
        <h2>{t('service.nav')}</h2>
        <p className="muted">{t('service.intro')}</p>
        <p className="muted small" data-testid="service-version">
          {base.version === null ? t('service.inForceDefault') : t('service.inForce', { version: base.version })}
        </p>
      </header>
      {stale && (
        <>
          <p ref={staleAlert} tabIndex={-1} className="form-error" role="alert">
            {t('service.problems.stale', { version: stale.version })}
          </p>
          <InForce settings={stale.settings} />
        </>
      )}
      {/* Enter in a time or a target saves, as in the desk's other forms (the holidays' own Enter adds one). */}
      <div
        className="service-fields"
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || !(e.target instanceof HTMLInputElement)) return;
          e.preventDefault();
          void save();
        }}
      >
        <WeekHours week={draft.week} problems={problems} onChange={(week) => edit({ week })} />
        <TargetsTable targets={draft.targets} problems={problems} onChange={(targets) => edit({ targets })} />
      </div>
      <HolidayList holidays={draft.holidays} onChange={(holidays) => edit({ holidays })} />
      <footer className="service-foot">
        {Object.keys(problems).length > 0 && (
          <p className="form-error" role="alert">
            {problems.form ?? t('service.problems.fix')}
          </p>
        )}
        {saved !== null && (
          <p className="ok" role="status" data-testid="service-saved">
            {t('service.saved', { version: saved })}
          </p>
        )}
        {dirty && <span className="muted">{t('service.unsaved')}</span>}
        <span className="muted small">{t('service.enterSaves')}</span>
        <span className="spacer" />
        <button type="button" disabled={!dirty} onClick={() => edit(draftOf(base.settings, i18n.language))}>
          {t('service.discard')}
        </button>
        <button type="button" className="primary" disabled={busy || !dirty} onClick={() => void save()}>
          {t('service.save')}
        </button>
      </footer>
    </section>
  );
}

/** While there are changes unsaved, closing or reloading the window, or leaving the screen, asks first. */
function useUnsavedGuard(dirty: boolean) {
  useLeaveGuard(dirty);
  useEffect(() => {
    if (!dirty) return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);
}
