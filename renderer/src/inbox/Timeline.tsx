/**
 * A submission's timeline, oldest first; a reply shows where it is on its way to the customer (DeliveryBadge),
 * a correction each field's value before and after, written as the detail pane writes it. An email the hub sent a
 * warranty claimant (a `notice`) is named by what it told them, with its delivery state and its text folded away.
 * A change of tags names the tags put on and taken off, by their names as this desk knows them. What the customer
 * wrote again through the website (`customer_message`) reads as the customer's, apart from staff replies, and the
 * status change it made (no actor, `byCustomer`) says the customer's message reopened it.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MailFailure } from '../../../common/protocol/delivery.ts';
import { formatDateTime } from '../format/dates.ts';
import { useTags } from '../replies/tags.tsx';
import { factText } from './facts.tsx';
import type { Detail, InboxConfig } from './kinds.ts';
import { outcomeName, partsOf, stageName } from './warranty/words.ts';

type Event = Detail['timeline'][number];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A correction's fields (`data.fields`, each `{ from, to }`) as "số serial: A → B; ngày mua: …". */
function corrections(t: TFunction, { words, facts }: InboxConfig, data: Record<string, unknown>): string {
  const fields = isRecord(data.fields) ? Object.entries(data.fields) : [];
  const said = fields.flatMap(([field, change]) =>
    isRecord(change)
      ? [
          t('timeline.details_field', {
            field: t(`${words}.factsInline.${field}`, { defaultValue: field }),
            from: factText(t, words, facts[field], change.from),
            to: factText(t, words, facts[field], change.to),
          }),
        ]
      : [],
  );
  return said.join('; ') || t('timeline.details_fields');
}

/** A warranty claim's step (`data`: from, to, outcome, parts, tracking, reason) as "X chuyển từ A sang B — kết quả: …". */
function warrantyStep(t: TFunction, actor: string, data: Record<string, unknown>): string {
  const moved = t('timeline.warranty_step', { actor, from: stageName(t, data.from), to: stageName(t, data.to) });
  const parts = partsOf(data.parts);
  const recorded = [
    ...(data.outcome ? [t('timeline.warranty_outcome', { outcome: outcomeName(t, data.outcome) })] : []),
    ...(parts.length ? [t('timeline.warranty_parts', { parts: parts.join(', ') })] : []),
    ...(typeof data.tracking === 'string' ? [t('timeline.warranty_tracking', { tracking: data.tracking })] : []),
  ];
  return recorded.length ? `${moved} — ${recorded.join('; ')}` : moved;
}

/**
 * A warranty email (`data.notice`) as "Đã gửi email cho khách: Đã nhận yêu cầu bảo hành" once sent, "Email cho
 * khách: …" until then (the delivery state says where it is); a notice this desk does not know is named as it came.
 */
function notice(t: TFunction, e: Event): string {
  const name = typeof e.data.notice === 'string' ? t(`warrantyEmails.names.${e.data.notice}`, { defaultValue: e.data.notice }) : '';
  return t(e.delivery?.delivery === 'sent' ? 'timeline.notice_sent' : 'timeline.notice', { notice: name });
}

type Named = { id: string; name: string };

/**
 * A change of tags (`data.add`, `data.remove`: tag ids) as "X gắn nhãn Gấp, VIP; bỏ nhãn Đổi trả". A tag this desk
 * has not received yet (made on another desk, not synced) is said to be so rather than named by its id.
 */
function tagsChange(t: TFunction, actor: string, data: Record<string, unknown>, tags: readonly Named[]): string {
  const names = (ids: unknown) =>
    (Array.isArray(ids) ? ids : []).map((id) => tags.find((tag) => tag.id === id)?.name ?? t('replies.timeline.unknownTag')).join(', ');
  const added = names(data.add);
  const removed = names(data.remove);
  if (added && removed) return t('replies.timeline.changed', { actor, added, removed });
  return added ? t('replies.timeline.added', { actor, tags: added }) : t('replies.timeline.removed', { actor, tags: removed });
}

/** What an event says below its title: a note's or reply's text, a rejection's reason. */
const bodyOf = (t: TFunction, e: Event): string | null =>
  e.body ??
  (e.type === 'warranty_step' && typeof e.data.reason === 'string' ? t('timeline.warranty_reason', { reason: e.data.reason }) : null);

/** How much of an email's text shows while it is folded. */
const EXCERPT = 140;
const excerptOf = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1).trimEnd()}…` : flat;
};

/** A warranty email's text: an excerpt, unfolded to the whole letter (a native disclosure: Enter or Space opens it). */
function EmailText({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <details className="event-email" data-testid="notice-email">
      <summary>
        <span className="event-email-label">{t('timeline.notice_body')}</span>{' '}
        <span className="muted event-email-excerpt">{excerptOf(text)}</span>
      </summary>
      <div className="event-body">{text}</div>
    </details>
  );
}

export function Timeline({ detail, config }: { detail: Detail; config: InboxConfig }) {
  const { t } = useTranslation();
  const { words } = config;
  // The tags' names, read for a submission whose timeline has tag changes (the detail's own tags name only the ones
  // it has now). Its current tags name one a sync brought since.
  const known = useTags(
    detail.id,
    detail.timeline.some((e) => e.type === 'tags_change'),
  );
  const tags: Named[] = [...detail.tags, ...known];
  const statusName = (s: unknown) => (typeof s === 'string' ? t(`status.${s}`) : '');
  // An assignment names the assignee by id in `to` and as they were called then in `toName`; events the hub
  // recorded before the staff directory named them in `to` only.
  const assigneeName = (data: Record<string, unknown>) =>
    typeof data.toName === 'string' ? data.toName : typeof data.to === 'string' ? data.to : '';
  const titleOf = (e: Event, actor: string) => {
    switch (e.type) {
      case 'created': {
        // Turned from a website comment by a moderator, rather than sent by the customer through a form.
        const from = e.data.fromComment as { pageUrl?: string; pageTitle?: string | null } | undefined;
        return from ? t('timeline.fromComment', { actor, page: from.pageTitle ?? from.pageUrl ?? '' }) : t(`${words}.created`);
      }
      case 'status_change':
        return e.data.byCustomer === true
          ? t('timeline.reopened_by_customer')
          : t('timeline.status_change', { actor, from: statusName(e.data.from), to: statusName(e.data.to) });
      case 'customer_message':
        return t('timeline.customer_message');
      case 'assignment':
        return e.data.to ? t('timeline.assignment', { actor, to: assigneeName(e.data) }) : t('timeline.unassign', { actor });
      case 'details_change':
        return t('timeline.details_change', { actor, changes: corrections(t, config, e.data) });
      case 'warranty_step':
        return warrantyStep(t, actor, e.data);
      case 'notice':
        return notice(t, e);
      case 'tags_change':
        return tagsChange(t, actor, e.data, tags);
      default:
        return t(`timeline.${e.type}`, { actor });
    }
  };
  return (
    <section aria-label={t('detail.timeline')}>
      <h3>{t('detail.timeline')}</h3>
      <ol className="timeline">
        {detail.timeline.map((e) => {
          const body = bodyOf(t, e);
          return (
            <li
              key={e.id}
              className={`event event-${e.type}${e.data.byCustomer === true ? ' event-by-customer' : ''}`}
              data-event-id={e.id}
              data-type={e.type}
            >
              <div className="event-head">
                <span>{titleOf(e, e.actorName ?? '')}</span>
                <span className="spacer" />
                <time className="muted">{formatDateTime(e.createdAt)}</time>
              </div>
              {body && (e.type === 'notice' ? <EmailText text={body} /> : <div className="event-body">{body}</div>)}
              {e.delivery && <DeliveryBadge delivery={e.delivery} />}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/**
 * The hub's delivery state in words, including why a reply is not leaving (no SMTP on the hub, the server
 * refused it): a failure is worded from its category and SMTP code, never from the mail server's text.
 */
export function DeliveryBadge({ delivery: d }: { delivery: NonNullable<Event['delivery']> }) {
  const { t } = useTranslation();
  const at = (iso: string) => formatDateTime(Date.parse(iso));
  // Events written before failures were sorted carry none: they read as "other".
  const why = (f: MailFailure | undefined) => {
    const reason = t(`delivery.failure.${f?.category ?? 'other'}`);
    return f?.smtpCode ? t('delivery.withCode', { reason, code: f.smtpCode }) : reason;
  };
  const text =
    d.delivery === 'queued'
      ? d.notConfigured
        ? t('delivery.notConfigured')
        : d.lastFailure
          ? t('delivery.retrying', { time: d.retryAt ? at(d.retryAt) : '', count: d.attempts ?? 1, reason: why(d.lastFailure) })
          : t('delivery.queued')
      : d.delivery === 'sent'
        ? t('delivery.sent', { time: at(d.sentAt) })
        : d.delivery === 'failed'
          ? d.code === 'no_address'
            ? t('delivery.failedNoAddress')
            : // `reason` is set on the desk alone, when the hub refused the push; the hub's own refusals are coded.
              t('delivery.failed', { reason: d.code === 'refused' || !d.reason ? why(d.failure) : d.reason })
          : t(`delivery.${d.delivery}`);
  const tone = d.delivery === 'failed' || (d.delivery === 'queued' && (d.notConfigured || d.lastFailure)) ? 'warn' : d.delivery;
  return (
    <span className={`badge delivery delivery-${tone}`} data-testid="delivery" data-state={d.delivery}>
      {text}
    </span>
  );
}
