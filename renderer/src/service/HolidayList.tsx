/**
 * The public holidays and days off, by date: each removable, one added by its date (dd/mm/yyyy) and name, and a
 * year's holidays as the Labour Code gives them (service.publicHolidays) shown for review, those already listed
 * left out, each ticked to be added or not: the government moves days, so a director looks before adding.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Holiday } from '../../../common/sla/calendar.ts';
import { call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { formatDay } from '../format/dates.ts';
import { Problem } from '../forms/FormParts.tsx';
import { holidayOf } from './draft.ts';

const byDate = (list: Holiday[]) => [...list].sort((a, b) => a.date.localeCompare(b.date));

export function HolidayList({ holidays, onChange }: { holidays: Holiday[]; onChange: (holidays: Holiday[]) => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState({ date: '', name: '' });
  const [problems, setProblems] = useState<Partial<Record<keyof Holiday, string>>>({});

  const add = () => {
    const checked = holidayOf(t, typed, holidays);
    if ('problems' in checked) {
      setProblems(checked.problems);
      document.getElementById(checked.problems.date ? 'holiday-date' : 'holiday-name')?.focus();
      return;
    }
    onChange(byDate([...holidays, checked.holiday]));
    setTyped({ date: '', name: '' });
    setProblems({});
    document.getElementById('holiday-date')?.focus();
  };
  const field = (key: keyof Holiday) => ({
    id: `holiday-${key}`,
    value: typed[key],
    'aria-invalid': problems[key] ? true : undefined,
    'aria-describedby': problems[key] ? `holiday-${key}-problem` : undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      setTyped({ ...typed, [key]: e.target.value });
      setProblems(({ [key]: _, ...others }) => others);
    },
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      add();
    },
  });

  return (
    <section className="service-section" aria-labelledby="holidays-title">
      <h3 id="holidays-title">
        {t('service.holidays.title')} <span className="muted small">({t('service.holidays.count', { count: holidays.length })})</span>
      </h3>
      <div className="holiday-add">
        <label>
          {t('service.holidays.newDate')}
          <input {...field('date')} placeholder={t('edit.dayPlaceholder')} inputMode="numeric" />
          <Problem id="holiday-date" testId="problem-holiday-date" text={problems.date} />
        </label>
        <label>
          {t('service.holidays.newName')}
          <input {...field('name')} />
          <Problem id="holiday-name" testId="problem-holiday-name" text={problems.name} />
        </label>
        <button type="button" onClick={add}>
          {t('service.holidays.add')}
        </button>
      </div>
      <YearReview listed={holidays} onAdd={(more) => onChange(byDate([...holidays, ...more]))} />
      {holidays.length === 0 ? (
        <p className="muted">{t('service.holidays.empty')}</p>
      ) : (
        <div className="holiday-scroll">
          <table className="holiday-table">
            <thead>
              <tr>
                <th scope="col">{t('service.holidays.date')}</th>
                <th scope="col">{t('service.holidays.name')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {holidays.map((h) => (
                <tr key={h.date} data-testid="holiday-row">
                  <td>{formatDay(h.date)}</td>
                  <td>{h.name}</td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      aria-label={t('service.holidays.removeLabel', { name: h.name, date: formatDay(h.date) })}
                      onClick={() => onChange(holidays.filter((x) => x.date !== h.date))}
                    >
                      {t('service.holidays.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A year's public holidays for review: those not listed yet, each ticked, added together on the person's word. */
function YearReview({ listed, onAdd }: { listed: Holiday[]; onAdd: (holidays: Holiday[]) => void }) {
  const { t } = useTranslation();
  const report = useReport();
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [review, setReview] = useState<{ year: number; proposed: Holiday[]; chosen: Set<string> } | null>(null);
  const asked = Number(year);
  const valid = Number.isInteger(asked) && asked >= 2000 && asked <= 2100;

  const open = async () => {
    try {
      const all = await call('service.publicHolidays', { year: asked });
      const proposed = all.filter((h) => !listed.some((l) => l.date === h.date));
      setReview({ year: asked, proposed, chosen: new Set(proposed.map((h) => h.date)) });
    } catch (e) {
      report(e);
    }
  };
  const toggle = (date: string) =>
    setReview((r) => {
      if (!r) return r;
      const chosen = new Set(r.chosen);
      if (!chosen.delete(date)) chosen.add(date);
      return { ...r, chosen };
    });

  return (
    <div className="year-review">
      <label>
        {t('service.holidays.year')}
        <input className="year-input" inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value.trim())} />
      </label>
      <button type="button" disabled={!valid} onClick={() => void open()}>
        {t('service.holidays.review', { year: valid ? asked : year })}
      </button>
      {review && (
        <section
          className="review-panel"
          aria-label={t('service.holidays.reviewTitle', { year: review.year })}
          data-testid="holiday-review"
        >
          <h4>{t('service.holidays.reviewTitle', { year: review.year })}</h4>
          {review.proposed.length === 0 ? (
            <p>{t('service.holidays.allListed', { year: review.year })}</p>
          ) : (
            <>
              <p className="muted small">{t('service.holidays.reviewHint')}</p>
              <ul className="review-list">
                {review.proposed.map((h) => (
                  <li key={h.date}>
                    <label>
                      <input type="checkbox" checked={review.chosen.has(h.date)} onChange={() => toggle(h.date)} /> {formatDay(h.date)} —{' '}
                      {h.name}
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="review-foot">
            {review.chosen.size > 0 && (
              <button
                type="button"
                className="primary"
                onClick={() => {
                  onAdd(review.proposed.filter((h) => review.chosen.has(h.date)));
                  setReview(null);
                }}
              >
                {t('service.holidays.addChosen', { count: review.chosen.size })}
              </button>
            )}
            <button type="button" onClick={() => setReview(null)}>
              {t('service.holidays.closeReview')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
