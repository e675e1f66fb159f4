/** A submission's timeline, oldest first; a reply shows where it is on its way to the customer (DeliveryBadge). */
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/dates.ts';
import type { Detail } from './kinds.ts';

type Event = Detail['timeline'][number];

export function Timeline({ detail, words }: { detail: Detail; words: string }) {
  const { t } = useTranslation();
  const statusName = (s: unknown) => (typeof s === 'string' ? t(`status.${s}`) : '');
  // A desk's own event names the assignee in `toName` (its `to` is a staff id of that desk); the hub's copy,
  // which is what every desk holds after a sync, names them in `to`, because staff ids are per desk.
  const assigneeName = (data: Record<string, unknown>) =>
    typeof data.toName === 'string' ? data.toName : typeof data.to === 'string' ? data.to : '';
  const titleOf = (e: Event, actor: string) => {
    switch (e.type) {
      case 'created':
        return t(`${words}.created`);
      case 'status_change':
        return t('timeline.status_change', { actor, from: statusName(e.data.from), to: statusName(e.data.to) });
      case 'assignment':
        return e.data.to ? t('timeline.assignment', { actor, to: assigneeName(e.data) }) : t('timeline.unassign', { actor });
      default:
        return t(`timeline.${e.type}`, { actor });
    }
  };
  return (
    <section aria-label={t('detail.timeline')}>
      <h3>{t('detail.timeline')}</h3>
      <ol className="timeline">
        {detail.timeline.map((e) => (
          <li key={e.id} className={`event event-${e.type}`} data-event-id={e.id}>
            <div className="event-head">
              <span>{titleOf(e, e.actorName ?? '')}</span>
              <span className="spacer" />
              <time className="muted">{formatDateTime(e.createdAt)}</time>
            </div>
            {e.body && <div className="event-body">{e.body}</div>}
            {e.delivery && <DeliveryBadge delivery={e.delivery} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The hub's delivery state in words, including why a reply is not leaving (no SMTP on the hub, the server refused it). */
function DeliveryBadge({ delivery: d }: { delivery: NonNullable<Event['delivery']> }) {
  const { t } = useTranslation();
  const at = (iso: string) => formatDateTime(Date.parse(iso));
  const text =
    d.delivery === 'queued'
      ? d.notConfigured
        ? t('delivery.notConfigured')
        : d.lastError
          ? t('delivery.retrying', { time: d.retryAt ? at(d.retryAt) : '', attempts: d.attempts ?? 1, reason: d.lastError })
          : t('delivery.queued')
      : d.delivery === 'sent'
        ? t('delivery.sent', { time: at(d.sentAt) })
        : d.delivery === 'failed'
          ? d.code === 'no_address'
            ? t('delivery.failedNoAddress')
            : t('delivery.failed', { reason: d.reason })
          : t(`delivery.${d.delivery}`);
  const tone = d.delivery === 'failed' || (d.delivery === 'queued' && (d.notConfigured || d.lastError)) ? 'warn' : d.delivery;
  return (
    <span className={`badge delivery delivery-${tone}`} data-testid="delivery" data-state={d.delivery}>
      {text}
    </span>
  );
}
