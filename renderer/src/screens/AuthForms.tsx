/** Sign-in, first-run and lock screens: small forms that end in a signed-in person. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.ts';
import type { Output } from '../../../main/api/contract.ts';
import { messageFor } from '../components/Notices.tsx';
import { LanguageButton } from '../components/LanguageButton.tsx';

type Person = Output<'auth.signIn'>;

function Card({
  title,
  children,
  onSubmit,
  busy,
  error,
  submit,
}: {
  title: string;
  children: ReactNode;
  onSubmit: () => Promise<void>;
  busy: boolean;
  error: string | null;
  submit: string;
}) {
  const { t } = useTranslation();
  const handle = (e: FormEvent) => {
    e.preventDefault();
    void onSubmit();
  };
  return (
    <main className="auth">
      <form className="auth-card" onSubmit={handle} aria-busy={busy}>
        <div className="auth-head">
          <h1>{title}</h1>
          <LanguageButton />
        </div>
        {children}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signIn.busy') : submit}
        </button>
      </form>
    </main>
  );
}

function useSubmit(run: () => Promise<void>) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await run();
    } catch (e) {
      setError(messageFor(e, t));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}

const Field = ({ label, ...props }: { label: string } & React.InputHTMLAttributes<HTMLInputElement>) => (
  <label className="field">
    <span>{label}</span>
    <input {...props} />
  </label>
);

type OnInput = (e: React.ChangeEvent<HTMLInputElement>) => void;

/** A password being chosen, typed twice (the form compares them before it sends). */
function NewPassword({
  label,
  value,
  confirm,
  onChange,
  onConfirm,
}: {
  label: string;
  value: string;
  confirm: string;
  onChange: OnInput;
  onConfirm: OnInput;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={label} type="password" autoComplete="new-password" required minLength={10} value={value} onChange={onChange} />
      <Field label={t('firstRun.confirm')} type="password" autoComplete="new-password" required value={confirm} onChange={onConfirm} />
    </>
  );
}

export function SignIn({ onSignedIn }: { onSignedIn: (p: Person) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit(async () => onSignedIn(await call('auth.signIn', { username, password })));
  return (
    <Card title={t('signIn.title')} onSubmit={submit} busy={busy} error={error} submit={t('signIn.submit')}>
      <Field
        label={t('signIn.username')}
        name="username"
        autoComplete="username"
        autoFocus
        required
        value={username}
        onChange={(e) => setUsername(e.target.value)}
      />
      <Field
        label={t('signIn.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
    </Card>
  );
}

export function FirstRun({ onSignedIn }: { onSignedIn: (p: Person) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ username: '', displayName: '', password: '', confirm: '' });
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.target.value });
  const { busy, error, setError, submit } = useSubmit(async () => {
    if (form.password !== form.confirm) return setError(t('firstRun.mismatch'));
    onSignedIn(await call('auth.createFirstDirector', { username: form.username, displayName: form.displayName, password: form.password }));
  });
  return (
    <Card title={t('firstRun.title')} onSubmit={submit} busy={busy} error={error} submit={t('firstRun.submit')}>
      <p>{t('firstRun.intro')}</p>
      <Field label={t('firstRun.displayName')} autoFocus required value={form.displayName} onChange={set('displayName')} />
      <Field label={t('signIn.username')} autoComplete="username" required value={form.username} onChange={set('username')} />
      <NewPassword
        label={t('signIn.password')}
        value={form.password}
        confirm={form.confirm}
        onChange={set('password')}
        onConfirm={set('confirm')}
      />
    </Card>
  );
}

/** After signing in with a one-time password: nothing else opens until the person chooses their own. */
export function ChangePassword({ onChanged }: { onChanged: (p: Person) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ current: '', next: '', confirm: '' });
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.target.value });
  const { busy, error, setError, submit } = useSubmit(async () => {
    if (form.next !== form.confirm) return setError(t('firstRun.mismatch'));
    onChanged(await call('auth.changePassword', { current: form.current, next: form.next }));
  });
  return (
    <Card title={t('changePassword.title')} onSubmit={submit} busy={busy} error={error} submit={t('changePassword.submit')}>
      <p>{t('changePassword.intro')}</p>
      <Field
        label={t('changePassword.current')}
        type="password"
        autoComplete="current-password"
        autoFocus
        required
        value={form.current}
        onChange={set('current')}
      />
      <NewPassword
        label={t('changePassword.next')}
        value={form.next}
        confirm={form.confirm}
        onChange={set('next')}
        onConfirm={set('confirm')}
      />
    </Card>
  );
}

export function Locked({ person, onUnlocked, onSignedOut }: { person: Person; onUnlocked: (p: Person) => void; onSignedOut: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit(async () => onUnlocked(await call('auth.unlock', { password })));
  return (
    <Card title={t('lock.title')} onSubmit={submit} busy={busy} error={error} submit={t('lock.unlock')}>
      <p>{t('lock.intro', { name: person.displayName })}</p>
      <Field
        label={t('signIn.password')}
        type="password"
        autoComplete="current-password"
        autoFocus
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="button" className="link" onClick={() => void call('auth.signOut', {}).finally(onSignedOut)}>
        {t('lock.signOut')}
      </button>
    </Card>
  );
}
