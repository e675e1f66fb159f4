/** The app's phases: loading → first run | sign-in → desk, with the lock screen whenever the session idles out. */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../main/api/contract.ts';
import { mayUseInbox } from '../../common/roles.ts';
import { call, onSessionLost } from './api/client.ts';
import { DeskStatusProvider } from './api/desk-status.tsx';
import { AuditView } from './audit/AuditView.tsx';
import { CommentsQueue } from './comments/CommentsQueue.tsx';
import { CustomersScreen } from './customers/CustomersScreen.tsx';
import { LanguageButton } from './components/LanguageButton.tsx';
import { LeaveGuard } from './components/leave-guard.ts';
import { Notices } from './components/Notices.tsx';
import { isTyping, ShortcutsHelp } from './components/ShortcutsHelp.tsx';
import { StatusBar } from './components/StatusBar.tsx';
import { OpenElsewhere } from './inbox/CustomerHistory.tsx';
import { Inbox } from './inbox/Inbox.tsx';
import { INBOX_KINDS, inboxKinds, type Filters, type InboxKind } from './inbox/kinds.ts';
import { CommandPalette, type PaletteScreen } from './palette/CommandPalette.tsx';
import { RequestCountsProvider } from './requests/request-counts.tsx';
import { RequestsButton } from './requests/RequestsButton.tsx';
import { RequestsEscalation } from './requests/RequestsEscalation.tsx';
import { RequestsScreen } from './requests/RequestsScreen.tsx';
import { ChangePassword, FirstRun, Locked, SignIn } from './screens/AuthForms.tsx';
import { StaffScreen } from './staff/StaffScreen.tsx';
import { EnrollForm } from './sync/EnrollForm.tsx';
import { MyWork } from './work/MyWork.tsx';
import { MyWorkButton } from './work/MyWorkButton.tsx';

type Person = Output<'auth.signIn'>;
type Phase =
  | { kind: 'loading' }
  | { kind: 'firstRun' }
  | { kind: 'signIn' }
  | { kind: 'changePassword' }
  | { kind: 'locked'; person: Person }
  | { kind: 'desk'; person: Person };

export function App() {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  const refresh = useCallback(async () => {
    const s = await call('auth.state', {});
    if (s.needsFirstDirector) setPhase({ kind: 'firstRun' });
    else if (!s.person) setPhase({ kind: 'signIn' });
    else if (s.person.mustChangePassword && !s.locked) setPhase({ kind: 'changePassword' });
    else setPhase({ kind: s.locked ? 'locked' : 'desk', person: s.person });
  }, []);

  useEffect(() => {
    void refresh().catch(() => setPhase({ kind: 'signIn' }));
    return onSessionLost(() => void refresh().catch(() => setPhase({ kind: 'signIn' })));
  }, [refresh]);

  const signedIn = (person: Person) => setPhase(person.mustChangePassword ? { kind: 'changePassword' } : { kind: 'desk', person });
  switch (phase.kind) {
    case 'loading':
      return <p className="loading">{t('app.loading')}</p>;
    case 'firstRun':
      return <FirstRun onSignedIn={signedIn} />;
    case 'signIn':
      return <SignIn onSignedIn={signedIn} />;
    case 'changePassword':
      return <ChangePassword onChanged={signedIn} />;
    case 'locked':
      return <Locked person={phase.person} onUnlocked={signedIn} onSignedOut={() => setPhase({ kind: 'signIn' })} />;
    case 'desk':
      return (
        <Notices>
          <Desk person={phase.person} onSignedOut={() => setPhase({ kind: 'signIn' })} />
        </Notices>
      );
  }
}

// Loaded when first opened: its product form brings zod, which the rest of the renderer does without.
const CatalogueScreen = lazy(() => import('./catalogue/CatalogueScreen.tsx'));
// Likewise: the emails' schema and the shared render that fills them bring zod.
const NoticesScreen = lazy(() => import('./notices/NoticesScreen.tsx'));
// Likewise: the calendar's and the canned replies' schemas bring zod.
const ServiceScreen = lazy(() => import('./service/ServiceScreen.tsx'));
const RepliesScreen = lazy(() => import('./replies/RepliesScreen.tsx'));

/** The words of the directors' own screens in the navigation. */
const DIRECTOR_SCREENS = {
  requests: 'requests.nav',
  notices: 'warrantyEmails.nav',
  service: 'service.nav',
  replies: 'replies.nav',
  staff: 'nav.staff',
  audit: 'nav.audit',
} as const;

type View =
  InboxKind | 'mine' | 'comments' | 'customers' | 'catalogue' | 'requests' | 'notices' | 'service' | 'replies' | 'audit' | 'staff';

/** Ctrl+K, or ⌘K on a Mac: the command palette, from anywhere on the desk, typing or not. */
const isPaletteKey = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k';

function Desk({ person, onSignedOut }: { person: Person; onSignedOut: () => void }) {
  const { t } = useTranslation();
  const inboxes = useMemo(() => inboxKinds.filter((kind) => mayUseInbox(person, kind)), [person]);
  const mayComments = mayUseInbox(person, 'comment');
  // My work is for those who work the inboxes: directors and operators, never IT.
  const mayWork = person.role !== 'it_admin';
  // The product catalogue: kept by directors, read by whoever works warranty claims.
  const mayCatalogue = mayUseInbox(person, 'warranty');
  const [view, setView] = useState<View>(inboxes[0] ?? 'comments');
  // Opened from a customer's history or the command palette: an inbox shown with a submission open and/or in a
  // saved view's filters (a new object each time, so asking twice applies twice).
  const [opening, setOpening] = useState<{ kind: InboxKind; id: string | null; filters?: Filters } | null>(null);
  // The screen in front has unsaved changes (useLeaveGuard): leaving it asks first.
  const dirty = useRef(false);
  const setDirty = useCallback((d: boolean) => {
    dirty.current = d;
  }, []);
  const mayLeave = useCallback(() => {
    if (dirty.current && !window.confirm(t('palette.leave'))) return false;
    dirty.current = false;
    return true;
  }, [t]);
  const show = (next: View) => {
    if (next !== view && !mayLeave()) return;
    setOpening(null);
    setView(next);
  };
  const openElsewhere = useCallback(
    (kind: InboxKind, id: string | null, filters?: Filters) => {
      if (!mayLeave()) return;
      setOpening({ kind, id, ...(filters ? { filters } : {}) });
      setView(kind);
    },
    [mayLeave],
  );
  const [help, setHelp] = useState(false);
  const [palette, setPalette] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isPaletteKey(e)) {
        e.preventDefault();
        setHelp(false);
        setPalette(true);
        return;
      }
      if (e.key === 'Escape') return setHelp(false);
      if (e.key === '?' && !isTyping(e.target)) {
        e.preventDefault();
        setHelp((h) => !h);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The screen in front of the person; the `?` help lists that screen's shortcuts.
  const inbox = inboxes.find((kind) => kind === view) ?? inboxes[0];
  const shown =
    view === 'mine' && mayWork
      ? 'mine'
      : view === 'customers' && mayWork
        ? 'customers'
        : view === 'catalogue' && mayCatalogue
          ? 'catalogue'
          : (view === 'requests' || view === 'notices' || view === 'service' || view === 'replies') && person.role === 'director'
            ? view
            : view === 'audit' && person.role === 'director'
              ? 'audit'
              : view === 'staff' && person.role === 'director'
                ? 'staff'
                : view === 'comments' && mayComments
                  ? 'comments'
                  : inbox
                    ? 'inbox'
                    : person.role === 'it_admin'
                      ? 'enroll'
                      : 'none';
  // The navigation's screens, also offered by the command palette (My work has its own button, with its count).
  const screens: { view: View; title: string }[] = [
    ...(mayWork ? [{ view: 'mine' as const, title: t('mine.nav') }] : []),
    ...inboxes.map((kind) => ({ view: kind, title: t(`${INBOX_KINDS[kind].words}.nav`) })),
    ...(mayComments ? [{ view: 'comments' as const, title: t('nav.comments') }] : []),
    // Customers, found by email, phone or name among those their inboxes name; with the promotion lists for whoever
    // holds the promotion inbox (directors do). Never IT, who must not see customers' data.
    ...(mayWork ? [{ view: 'customers' as const, title: t('customers.nav') }] : []),
    ...(mayCatalogue ? [{ view: 'catalogue' as const, title: t('catalogue.nav') }] : []),
    // Customers' data requests, which directors alone handle; the emails warranty claimants get, the hours, the canned
    // replies: directors word them (the API refuses anyone else).
    ...(person.role === 'director'
      ? (['requests', 'notices', 'service', 'replies', 'staff', 'audit'] as const).map((v) => ({ view: v, title: t(DIRECTOR_SCREENS[v]) }))
      : []),
  ];
  const paletteScreens: PaletteScreen[] = screens.map((s) => ({ key: s.view, title: s.title, go: () => show(s.view) }));
  const busy = help || palette;
  return (
    <DeskStatusProvider>
      <RequestCountsProvider director={person.role === 'director'} screen={view}>
        <OpenElsewhere.Provider value={openElsewhere}>
          <LeaveGuard.Provider value={setDirty}>
            <div className="desk">
              <div className="desk-head">
                <header className="top-bar">
                  <strong className="brand">Backdesk</strong>
                  <nav aria-label="main">
                    {screens.map((s) =>
                      s.view === 'mine' ? (
                        <MyWorkButton key="mine" current={view === 'mine'} onClick={() => show('mine')} />
                      ) : s.view === 'requests' ? (
                        <RequestsButton key="requests" current={view === 'requests'} onClick={() => show('requests')} />
                      ) : (
                        <button key={s.view} type="button" aria-current={view === s.view} onClick={() => show(s.view)}>
                          {s.title}
                        </button>
                      ),
                    )}
                  </nav>
                  <span className="spacer" />
                  <button type="button" className="ghost" onClick={() => setHelp(true)}>
                    {t('nav.shortcuts')}
                  </button>
                  <LanguageButton />
                  <button type="button" className="ghost" onClick={() => void call('auth.signOut', {}).finally(onSignedOut)}>
                    {t('nav.signOut')}
                  </button>
                </header>
                {shown !== 'requests' && <RequestsEscalation onOpen={() => show('requests')} />}
              </div>
              {shown === 'mine' ? (
                <MyWork shortcutsEnabled={!busy} />
              ) : shown === 'customers' ? (
                <CustomersScreen person={person} shortcutsEnabled={!busy} onOpenRequests={() => show('requests')} />
              ) : shown === 'catalogue' ? (
                <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
                  <CatalogueScreen mayEdit={person.role === 'director'} />
                </Suspense>
              ) : shown === 'requests' ? (
                <RequestsScreen shortcutsEnabled={!busy} />
              ) : shown === 'notices' ? (
                <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
                  <NoticesScreen />
                </Suspense>
              ) : shown === 'service' ? (
                <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
                  <ServiceScreen />
                </Suspense>
              ) : shown === 'replies' ? (
                <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
                  <RepliesScreen />
                </Suspense>
              ) : shown === 'audit' ? (
                <AuditView />
              ) : shown === 'staff' ? (
                <StaffScreen me={person} />
              ) : shown === 'comments' ? (
                <CommentsQueue
                  shortcutsEnabled={!busy}
                  mayEditWords={person.role === 'director'}
                  inboxes={inboxes}
                  onOpenSubmission={openElsewhere}
                />
              ) : shown === 'inbox' && inbox ? (
                <Inbox
                  key={inbox}
                  kind={inbox}
                  person={person}
                  shortcutsEnabled={!busy}
                  opening={opening?.kind === inbox ? opening : null}
                />
              ) : shown === 'enroll' ? (
                <EnrollForm me={person} />
              ) : (
                <p className="empty-state">{t('home.noGrant')}</p>
              )}
              <StatusBar person={person} />
              {help && (
                <ShortcutsHelp
                  screen={shown}
                  inbox={shown === 'inbox' && inbox ? INBOX_KINDS[inbox] : undefined}
                  words={shown === 'mine' ? 'mine' : undefined}
                  onClose={() => setHelp(false)}
                />
              )}
              {palette && <CommandPalette screens={paletteScreens} onOpen={openElsewhere} onClose={() => setPalette(false)} />}
            </div>
          </LeaveGuard.Provider>
        </OpenElsewhere.Provider>
      </RequestCountsProvider>
    </DeskStatusProvider>
  );
}
