/**
 * The customer's history on their card: their submissions, the replies staff sent them and their comments, as far
 * as the person may see them (<inbox>.customerTimeline: the inboxes they hold, comments with that grant), newest
 * first, a page at a time ("Xem thêm"). Read when the card opens, not after every sync: each read is audited as a
 * view. A submission or a reply names its submission with a button that opens it in its own inbox (openElsewhere).
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { formatDateTime } from '../format/dates.ts';
import { INBOX_KINDS, method, type InboxApi, type InboxKind } from './kinds.ts';

type Page = Output<`${InboxApi}.customerTimeline`>;
type Item = Page['items'][number];

const PAGE = 10;

/** Opens a submission in its own inbox (App); null where nothing can be opened. */
export const OpenElsewhere = createContext<((kind: InboxKind, id: string) => void) | null>(null);

export function CustomerHistory({ api, submissionId }: { api: InboxApi; submissionId: string }) {
  const { t } = useTranslation();
  const read = useCallback(
    (before?: string) => call(method(api, 'customerTimeline'), { submissionId, limit: PAGE, ...(before !== undefined && { before }) }),
    [api, submissionId],
  );
  return (
    <HistoryList
      read={read}
      current={submissionId}
      label={t('history.title')}
      heading={<h3>{t('history.title')}</h3>}
      itemTestId="history-item"
    />
  );
}

/**
 * A customer's timeline, a page at a time from `read` (the next page from the cursor it gives): the card's history
 * and the Customers screen's page show it. `current` is the submission open beside it, named rather than linked.
 */
export function HistoryList({
  read,
  current = null,
  label,
  heading,
  className = 'history',
  itemTestId,
}: {
  read: (before?: string) => Promise<Page>;
  current?: string | null;
  label: string;
  heading: ReactNode;
  className?: string;
  itemTestId: string;
}) {
  const { t } = useTranslation();
  const report = useReport();
  const [items, setItems] = useState<Item[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    setItems(null);
    read().then((page) => {
      if (!live) return;
      setItems(page.items);
      setNext(page.next);
    }, report);
    return () => {
      live = false;
    };
  }, [read, report]);
  const more = () => {
    if (next === null) return;
    setBusy(true);
    read(next)
      .then((page) => {
        setItems((shown) => [...(shown ?? []), ...page.items]);
        setNext(page.next);
      }, report)
      .finally(() => setBusy(false));
  };

  return (
    <section className={className} aria-label={label} aria-busy={items === null || busy}>
      {heading}
      {items?.length === 0 && <p className="muted small">{t('history.empty')}</p>}
      <ol className="history-list">
        {(items ?? []).map((item) => (
          <li key={`${item.type}-${item.id}`} className={`history-item history-${item.type}`} data-testid={itemTestId}>
            <HistoryItem item={item} current={current} />
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

function HistoryItem({ item, current }: { item: Item; current: string | null }) {
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
        <SubmissionLink kind={item.kind} id={item.id} subject={item.subject} current={item.id === current} />
      ) : item.type === 'reply' ? (
        <>
          <div className="history-excerpt">{item.excerpt}</div>
          <div className="muted small">
            {item.actorName && <>{t('history.by', { name: item.actorName })} · </>}
            {t('history.on')}{' '}
            <SubmissionLink kind={item.kind} id={item.submissionId} subject={item.subject} current={item.submissionId === current} />
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

/** A submission named in the history: a button that opens it in its own inbox, or a note that it is the one open. */
function SubmissionLink({ kind, id, subject, current }: { kind: InboxKind; id: string; subject: string; current: boolean }) {
  const { t } = useTranslation();
  const open = useContext(OpenElsewhere);
  if (current || !open) {
    return (
      <span className="history-subject">
        {subject}
        {current && <span className="muted small"> ({t('history.current')})</span>}
      </span>
    );
  }
  return (
    <button type="button" className="link history-subject" onClick={() => open(kind, id)}>
      {subject}
    </button>
  );
}
