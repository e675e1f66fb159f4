/**
 * Who may sign in on this workstation, kept by directors and IT admins: everyone (the default), or the people
 * ticked here. IT admins may always sign in; a director keeping the list stays on it. Saved at once; it syncs
 * to the hub.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { useAfterSync } from '../api/desk-status.tsx';
import { useReport } from '../components/Notices.tsx';

export function SeatList({ me }: { me: { id: string; role: string } }) {
  const { t } = useTranslation();
  const report = useReport();
  const [seats, setSeats] = useState<Output<'desk.seats'> | null>(null);
  const load = useCallback(() => call('desk.seats', {}).then(setSeats, report), [report]);
  useEffect(() => void load(), [load]);
  useAfterSync(useCallback(() => void load(), [load]));
  if (!seats) return null;

  // Shown at once; a refusal is reported and the list read again as it is.
  const save = (staffIds: string[] | null) => {
    setSeats({ ...seats, staffIds });
    void call('desk.setSeats', { staffIds }).then(load, (e: unknown) => {
      report(e);
      void load();
    });
  };
  const seated = seats.people.filter((p) => p.role !== 'it_admin');
  const listed = seats.staffIds ?? [];
  // A director narrowing the list from everyone starts with themselves on it.
  const narrowed = me.role === 'director' ? [me.id] : [];
  return (
    <section className="seat-list" aria-label={t('seats.title')}>
      <h3>{t('seats.title')}</h3>
      <label>
        <input type="checkbox" checked={seats.staffIds === null} onChange={(e) => save(e.target.checked ? null : narrowed)} />{' '}
        {t('seats.everyone')}
      </label>
      {seats.staffIds !== null && (
        <ul>
          {seated.map((p) => (
            <li key={p.id}>
              <label>
                <input
                  type="checkbox"
                  checked={listed.includes(p.id)}
                  disabled={me.role === 'director' && p.id === me.id}
                  onChange={(e) => save(e.target.checked ? [...listed, p.id] : listed.filter((id) => id !== p.id))}
                />{' '}
                <bdi>{p.displayName}</bdi> <span className="muted">({p.username})</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <p className="muted">{t('seats.note')}</p>
    </section>
  );
}
