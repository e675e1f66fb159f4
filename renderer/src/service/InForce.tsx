/** The settings in force, read only: shown after a stale save, beside what the director typed. */
import { useTranslation } from 'react-i18next';
import type { ServiceSettings } from '../../../common/sla/clock.ts';
import { SUBMISSION_KINDS } from '../../../common/vocabulary/submissions.ts';
import { INBOX_KINDS } from '../inbox/kinds.ts';
import { hoursText, TARGET_FIELDS, timeText } from './draft.ts';

export function InForce({ settings }: { settings: ServiceSettings }) {
  const { t, i18n } = useTranslation();
  const { week, holidays } = settings.calendar;
  return (
    <section className="service-current" aria-label={t('service.current')} data-testid="service-current">
      <h3>{t('service.current')}</h3>
      <dl className="facts">
        {week.map((day, d) => (
          <div key={d} className="fact-row">
            <dt>{t(`service.days.${d}`)}</dt>
            <dd>{day.length === 0 ? t('service.week.dayOff') : day.map(([a, b]) => `${timeText(a)}–${timeText(b)}`).join(', ')}</dd>
          </div>
        ))}
        {SUBMISSION_KINDS.map((kind) => (
          <div key={kind} className="fact-row" data-testid="current-target">
            <dt>{t(`${INBOX_KINDS[kind].words}.nav`)}</dt>
            <dd>
              {TARGET_FIELDS.map((f) => `${t(`service.targets.${f}`)}: ${hoursText(settings.targets[kind][f], i18n.language) || '—'}`).join(
                ' · ',
              )}
            </dd>
          </div>
        ))}
        <div className="fact-row">
          <dt>{t('service.holidays.title')}</dt>
          <dd>{t('service.holidays.count', { count: holidays.length })}</dd>
        </div>
      </dl>
    </section>
  );
}
