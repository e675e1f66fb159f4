/**
 * What the customer sent, on their page: their submissions, the replies staff sent them and their comments, as far
 * as the person may see them (customers.timeline), newest first, a page at a time. A submission, or a reply's,
 * opens in its own inbox (OpenElsewhere, as from the card's history and the palette).
 */
import { useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { formatDateTime } from '../format/dates.ts';
import { OpenElsewhere } from '../inbox/CustomerHistory.tsx';
import { INBOX_KINDS, type InboxKind } from '../inbox/kinds.ts';

type Item = Output<'customers.timeline'>['items'][number];
const PAGE = 20;

export function CustomerTimeline({ id }: { id: string }) {
  const { t } = useTranslation();
  const report = useReport();
  const [items, setItems] = useState<Item[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    call('customers.timeline', { id, limit: PAGE }).then((page) => {
      if (!live) return;
      setItems(page.items);
      setNext(page.next);
    }, report);
    return () => {
      live = false;
    };
  }, [id, report]);
  const more = () => {
    if (next === null) return;
    setBusy(true);
    call('customers.timeline', { id, limit: PAGE, before: next })
      .then((page) => {
        setItems((shown) => [...(shown ?? []), ...page.items]);
        setNext(page.next);
      }, report)
      .finally(() => setBusy(false));
  };

  return (
    <section className="history customer-timeline" aria-labelledby="customer-timeline-title" aria-busy={items === null || busy}>
      <h4 id="customer-timeline-title">{t('customers.timeline')}</h4>
      {items?.length === 0 && <p className="muted small">{t('history.empty')}</p>}
      <ol className="history-list">
        {(items ?? []).map((item) => (
          <li key={`${item.type}-${item.id}`} className={`history-item history-${item.type}`} data-testid="timeline-item">
            <TimelineItem item={item} />
          </li>
        ))}
      </ol>
      {next !== null && (
        <button type="button" className="link" disabled={busy} onClick={more}>
          {t('history.more')}
        </button>
      )}
    </section>
  );
}

function TimelineItem({ item }: { item: Item }) {
  const { t } = useTranslation();
  const kindName = item.type === 'comment' ? t('nav.comments') : t(`${INBOX_KINDS[item.kind].words}.nav`);
  const state =
    item.type === 'submission' ? t(`status.${item.status}`) : item.type === 'comment' ? t(`decision.${item.status}`) : t('history.reply');
  return (
    <>
      <div className="history-head">
        <span className="badge kind">{kindName}</span>
        <span className={`badge ${item.type === 'submission' ? `status-${item.status}` : ''}`}>{state}</span>
        <span className="spacer" />
        <time className="muted small">{formatDateTime(item.at)}</time>
      </div>
      {item.type === 'submission' ? (
        <Opens kind={item.kind} id={item.id} subject={item.subject} />
      ) : item.type === 'reply' ? (
        <>
          <div className="history-excerpt">{item.excerpt}</div>
          <div className="muted small">
            {item.actorName && <>{t('history.by', { name: item.actorName })} · </>}
            {t('history.on')} <Opens kind={item.kind} id={item.submissionId} subject={item.subject} />
          </div>
        </>
      ) : (
        <>
          <div className="history-excerpt">{item.excerpt}</div>
          <div className="muted small url">{item.pageUrl}</div>
        </>
      )}
    </>
  );
}

function Opens({ kind, id, subject }: { kind: InboxKind; id: string; subject: string }) {
  const open = useContext(OpenElsewhere);
  if (!open) return <span className="history-subject">{subject}</span>;
  return (
    <button type="button" className="link history-subject" onClick={() => open(kind, id)}>
      {subject}
    </button>
  );
}
