/**
 * Directors keep the organisation's staff here: add a person (their one-time password shown once), change a
 * name, role or grants, disable and enable again, reset a password. Every change is the API's (which checks
 * the role again, audits it and queues it for the hub); this screen shows the result and re-reads the list
 * when a sync brings other directors' changes in.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INBOXES, ROLES, type Inbox, type Role } from '../../../common/roles.ts';
import type { Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { useAfterSync } from '../api/desk-status.tsx';
import { useReport } from '../components/Notices.tsx';
import { formatDateTime } from '../format/dates.ts';
import { SeatList } from './SeatList.tsx';

type Account = Output<'staff.list'>[number];
type Person = Output<'auth.signIn'>;
interface Draft {
  username: string;
  displayName: string;
  role: Role;
  grants: Inbox[];
}
const EMPTY: Draft = { username: '', displayName: '', role: 'operator', grants: [] };

export function StaffScreen({ me }: { me: Person }) {
  const { t } = useTranslation();
  const report = useReport();
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  // The form: a new person (id null) or the account being edited.
  const [editing, setEditing] = useState<{ id: string | null; version: number; draft: Draft } | null>(null);
  const [secret, setSecret] = useState<{ name: string; username: string; password: string } | null>(null);

  const load = useCallback(() => call('staff.list', {}).then(setAccounts, report), [report]);
  useEffect(() => void load(), [load]);
  useAfterSync(useCallback(() => void load(), [load]));

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setEditing(null);
    } catch (e) {
      report(e);
    }
    await load();
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    const { id, version, draft } = editing;
    const fields = { displayName: draft.displayName, role: draft.role, grants: draft.role === 'operator' ? draft.grants : [] };
    void run(async () => {
      if (id) return call('staff.update', { id, version, ...fields });
      const added = await call('staff.add', { username: draft.username, ...fields });
      setSecret({ name: added.person.displayName, username: added.person.username, password: added.oneTimePassword });
    });
  };

  const grantsOf = (a: Account) =>
    a.role === 'director'
      ? t('staff.allInboxes')
      : a.role === 'it_admin'
        ? t('staff.noCustomerData')
        : a.grants.map((g) => t(`staff.inboxes.${g}`)).join(', ') || t('staff.noInbox');

  return (
    <section className="pane staff" aria-label={t('staff.title')}>
      <div className="audit-head">
        <h2>{t('staff.title')}</h2>
        <button type="button" className="primary" onClick={() => setEditing({ id: null, version: 0, draft: EMPTY })}>
          {t('staff.add')}
        </button>
      </div>
      <p className="muted">{t('staff.intro')}</p>

      {secret && (
        <div className="one-time" role="alert" data-testid="one-time-password">
          <p>{t('staff.oneTimePassword', { name: secret.name, username: secret.username })}</p>
          <code className="secret">{secret.password}</code>
          <p className="muted">{t('staff.oneTimeNote')}</p>
          <button type="button" onClick={() => setSecret(null)}>
            {t('staff.done')}
          </button>
        </div>
      )}

      <SeatList me={me} />

      {editing && <AccountForm editing={editing} isMe={editing.id === me.id} onChange={setEditing} onSubmit={save} />}

      <table className="audit-table">
        <thead>
          <tr>
            <th>{t('staff.name')}</th>
            <th>{t('staff.username')}</th>
            <th>{t('staff.role')}</th>
            <th>{t('staff.grants')}</th>
            <th>{t('staff.state')}</th>
            <th>{t('staff.lastActive')}</th>
            <th>{t('staff.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {(accounts ?? []).map((a) => (
            <tr key={a.id} className={a.active ? '' : 'muted'} data-testid="staff-row">
              <td>
                <bdi>{a.displayName}</bdi>
              </td>
              <td>
                <bdi>{a.username}</bdi>
              </td>
              <td>{t(`roles.${a.role}`)}</td>
              <td>{grantsOf(a)}</td>
              <td>
                {a.active ? t('staff.active') : t('staff.disabled')}
                {a.active && a.mustChangePassword && <span className="muted"> · {t('staff.mustChange')}</span>}
              </td>
              <td>{a.lastActiveAt ? formatDateTime(a.lastActiveAt) : t('staff.never')}</td>
              <td className="row-actions">
                <button
                  type="button"
                  onClick={() =>
                    setEditing({
                      id: a.id,
                      version: a.version,
                      draft: { username: a.username, displayName: a.displayName, role: a.role, grants: a.grants },
                    })
                  }
                >
                  {t('staff.edit')}
                </button>
                {a.id !== me.id && (
                  <button
                    type="button"
                    onClick={() =>
                      (a.active ? window.confirm(t('staff.confirmDisable', { name: a.displayName })) : true) &&
                      void run(() => call('staff.setActive', { id: a.id, version: a.version, active: !a.active }))
                    }
                  >
                    {a.active ? t('staff.disable') : t('staff.enable')}
                  </button>
                )}
                {a.active && a.id !== me.id && (
                  <button
                    type="button"
                    onClick={() =>
                      window.confirm(t('staff.confirmReset', { name: a.displayName })) &&
                      void run(async () => {
                        const reset = await call('staff.resetPassword', { id: a.id, version: a.version });
                        setSecret({ name: a.displayName, username: a.username, password: reset.oneTimePassword });
                      })
                    }
                  >
                    {t('staff.resetPassword')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function AccountForm({
  editing,
  isMe,
  onChange,
  onSubmit,
}: {
  editing: { id: string | null; version: number; draft: Draft };
  isMe: boolean;
  onChange: (e: { id: string | null; version: number; draft: Draft } | null) => void;
  onSubmit: (e: FormEvent) => void;
}) {
  const { t } = useTranslation();
  const { draft } = editing;
  const set = (patch: Partial<Draft>) => onChange({ ...editing, draft: { ...draft, ...patch } });
  const toggle = (g: Inbox) => set({ grants: draft.grants.includes(g) ? draft.grants.filter((x) => x !== g) : [...draft.grants, g] });
  return (
    <form className="staff-form" onSubmit={onSubmit} aria-label={editing.id ? t('staff.edit') : t('staff.add')}>
      <label className="field">
        <span>{t('staff.name')}</span>
        <input required autoFocus maxLength={100} value={draft.displayName} onChange={(e) => set({ displayName: e.target.value })} />
      </label>
      <label className="field">
        <span>{t('staff.username')}</span>
        <input
          required
          disabled={editing.id !== null}
          autoComplete="off"
          pattern="[A-Za-z0-9._\-]{3,64}"
          value={draft.username}
          onChange={(e) => set({ username: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('staff.role')}</span>
        <select value={draft.role} disabled={isMe} onChange={(e) => set({ role: e.target.value as Role })}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {draft.role === 'operator' && (
        <fieldset className="grants">
          <legend>{t('staff.grants')}</legend>
          {INBOXES.map((g) => (
            <label key={g}>
              <input type="checkbox" checked={draft.grants.includes(g)} onChange={() => toggle(g)} /> {t(`staff.inboxes.${g}`)}
            </label>
          ))}
        </fieldset>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {editing.id ? t('staff.save') : t('staff.add')}
        </button>
        <button type="button" onClick={() => onChange(null)}>
          {t('staff.cancel')}
        </button>
      </div>
    </form>
  );
}
