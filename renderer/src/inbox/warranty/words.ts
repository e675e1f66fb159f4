/**
 * A warranty claim in words, the same in its panel and its timeline: stages, eligibility, outcomes and parts.
 */
import type { TFunction } from 'i18next';
import { formatDay } from '../../format/dates.ts';
import type { Detail } from '../kinds.ts';

export type Warranty = NonNullable<Detail['warranty']>;
export type Stage = Warranty['stage'];

/** A stage's name ("Đang kiểm tra"); a value this desk does not know is shown as it is. */
export const stageName = (t: TFunction, stage: unknown): string =>
  typeof stage === 'string' ? t(`warranty.stages.${stage}`, { defaultValue: stage }) : '';

/** What was done for the customer: repaired, replaced, refunded, or the warranty refused. */
export const outcomeName = (t: TFunction, outcome: unknown): string =>
  typeof outcome === 'string' ? t(`warranty.outcomes.${outcome}`, { defaultValue: outcome }) : '';

/** The parts a step recorded, as a list of lines (anything else as none). */
export const partsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : []);

/** Whether the claim is in warranty, as staff say it to the customer; when not known, what to ask (asks). */
export function eligibilityWords(t: TFunction, e: Warranty['eligibility']): { text: string; asks: string[] } {
  switch (e.state) {
    case 'in':
      return { text: t('warranty.in', { count: e.daysLeft, until: formatDay(e.until) }), asks: [] };
    case 'out':
      return { text: t('warranty.out', { count: e.daysOver, until: formatDay(e.until) }), asks: [] };
    case 'unknown':
      return { text: t('warranty.unknown'), asks: e.missing.map((m) => t(`warranty.ask.${m}`)) };
  }
}

/** The serial's warnings, each a sentence; none when the serial looks right or there is none. */
export function serialWarnings(t: TFunction, serial: Warranty['serial']): string[] {
  if (!serial) return [];
  return [
    ...(serial.unlikePattern ? [t('warranty.unlikePattern')] : []),
    ...(serial.otherCustomers > 0 ? [t('warranty.otherCustomers', { count: serial.otherCustomers })] : []),
    ...(serial.tooManyClaims ? [t('warranty.tooManyClaims', { count: serial.claims })] : []),
  ];
}
