/**
 * The working hours of each weekday, Monday first: up to four periods a day, each a start and an end typed as
 * 08:00; a day with none is a day off. Every input is labelled with its day and period, for a screen reader and
 * for the keyboard (Tab walks the week in order).
 */
import { useTranslation } from 'react-i18next';
import { Problem } from '../forms/FormParts.tsx';
import { dayId, MAX_PERIODS, periodId, type Draft, type Period, type Problems } from './draft.ts';

export function WeekHours({
  week,
  problems,
  onChange,
}: {
  week: Draft['week'];
  problems: Problems;
  onChange: (week: Draft['week']) => void;
}) {
  const { t } = useTranslation();
  const setDay = (d: number, day: Period[]) => onChange(week.map((old, i) => (i === d ? day : old)));
  return (
    <section className="service-section" aria-labelledby="week-title">
      <h3 id="week-title">{t('service.week.title')}</h3>
      <p className="muted small">{t('service.week.hint')}</p>
      <table className="week-table">
        <thead>
          <tr>
            <th scope="col">{t('service.week.day')}</th>
            <th scope="col">{t('service.week.periods')}</th>
          </tr>
        </thead>
        <tbody>
          {week.map((day, d) => {
            const name = t(`service.days.${d}`);
            return (
              <tr key={d} data-testid="week-day">
                <th scope="row">{name}</th>
                <td>
                  <div className="periods">
                    {day.length === 0 && <span className="muted day-off">{t('service.week.dayOff')}</span>}
                    {day.map((p, n) => (
                      <PeriodInputs
                        key={n}
                        day={d}
                        n={n}
                        name={name}
                        period={p}
                        problems={problems}
                        onChange={(next) =>
                          setDay(
                            d,
                            day.map((old, i) => (i === n ? next : old)),
                          )
                        }
                        onRemove={() =>
                          setDay(
                            d,
                            day.filter((_, i) => i !== n),
                          )
                        }
                      />
                    ))}
                    {day.length < MAX_PERIODS && (
                      <button
                        type="button"
                        aria-label={t('service.week.addLabel', { day: name })}
                        onClick={() => setDay(d, [...day, { from: '', to: '' }])}
                      >
                        + {t('service.week.add')}
                      </button>
                    )}
                  </div>
                  <Problem id={dayId(d)} testId="problem-day" text={problems[dayId(d)]} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function PeriodInputs({
  day,
  n,
  name,
  period,
  problems,
  onChange,
  onRemove,
}: {
  day: number;
  n: number;
  name: string;
  period: Period;
  problems: Problems;
  onChange: (p: Period) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const input = (end: keyof Period) => {
    const id = periodId(day, n, end);
    return (
      <input
        id={id}
        className="time-input"
        inputMode="numeric"
        placeholder="08:00"
        aria-label={t(`service.week.${end}`, { day: name, n: n + 1 })}
        aria-invalid={problems[id] ? true : undefined}
        aria-describedby={problems[id] ? `${id}-problem` : undefined}
        value={period[end]}
        onChange={(e) => onChange({ ...period, [end]: e.target.value })}
      />
    );
  };
  return (
    <span className="period" data-testid="period">
      {input('from')}–{input('to')}
      <button type="button" className="link" aria-label={t('service.week.removeLabel', { day: name, n: n + 1 })} onClick={onRemove}>
        ×
      </button>
      <Problem id={periodId(day, n, 'from')} testId="problem-time" text={problems[periodId(day, n, 'from')]} />
      <Problem id={periodId(day, n, 'to')} testId="problem-time" text={problems[periodId(day, n, 'to')]} />
    </span>
  );
}
