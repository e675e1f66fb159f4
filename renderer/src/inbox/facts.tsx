/**
 * A kind's own fields in words (a trade contact's trade and tax code, a warranty claim's serial and purchase
 * date, a feedback's rating): in the detail pane's facts and in the timeline's corrections, written the same
 * way in both. A field the customer left out shows a dash.
 */
import type { TFunction } from 'i18next';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../format/dates.ts';
import { timeLeft } from '../format/time-left.ts';
import type { Detail, Fact, InboxConfig } from './kinds.ts';
import { ClockLabel } from './SubmissionList.tsx';

/** The open submission's status and service clock, for its facts (DetailPane provides it). */
export const OpenClock = createContext<Pick<Detail, 'status' | 'clock'> | null>(null);

const missing = (value: unknown) => value === undefined || value === null || value === '';

/** One field's value as text: a trade in the interface's language, a day as dd/mm/yyyy, a rating as 4/5. */
export function factText(t: TFunction, words: string, fact: Fact | undefined, value: unknown): string {
  if (missing(value)) return t('customer.none');
  const s = String(value);
  switch (fact?.format) {
    case 'trade':
      return t(`${words}.trades.${s}`, { defaultValue: s });
    case 'day':
      return formatDay(s);
    case 'rating':
      return `${s}/5`;
    default:
      return s;
  }
}

/** The kind's fields as rows of the detail pane's facts (a <dl>'s rows), after the time left to its target. */
export function KindFacts({ config, details }: { config: InboxConfig; details: Detail['details'] }) {
  const { t } = useTranslation();
  return (
    <>
      <ClockFact />
      {Object.entries(config.facts).map(([field, fact]) => (
        <div key={field} className="fact-row">
          <dt>{t(`${config.words}.facts.${field}`)}</dt>
          <dd data-testid={`fact-${field}`}>
            {fact.format === 'rating' && !missing(details[field]) ? (
              <Rating value={Number(details[field])} text={factText(t, config.words, fact, details[field])} />
            ) : (
              factText(t, config.words, fact, details[field])
            )}
          </dd>
        </div>
      ))}
    </>
  );
}

/** The business time left to the open submission's next target, or paused while waiting; nothing when closed. */
function ClockFact() {
  const { t } = useTranslation();
  const open = useContext(OpenClock);
  if (!open || timeLeft(t, open.status, open.clock) === null) return null;
  return (
    <div className="fact-row">
      <dt>{t('service.clock.fact')}</dt>
      <dd>
        <ClockLabel item={open} testId="detail-clock" />
      </dd>
    </div>
  );
}

/** A rating out of five: stars for the eye, the number as text, and one label for a screen reader. */
function Rating({ value, text }: { value: number; text: string }) {
  const { t } = useTranslation();
  const stars = Math.min(Math.max(Math.round(value) || 0, 0), 5);
  return (
    <span className="rating" role="img" aria-label={t('detail.rating', { rating: value })}>
      <span className="stars" aria-hidden="true">
        {'★'.repeat(stars)}
        <span className="stars-off">{'★'.repeat(5 - stars)}</span>
      </span>{' '}
      {text}
    </span>
  );
}
