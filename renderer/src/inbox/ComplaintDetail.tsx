/** One complaint: what the customer wrote, the actions, the timeline, the notes and reply composers. */
import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { StatusOptions } from '../components/StatusOptions.tsx';
import { formatTime } from '../i18n/index.ts';
import { CustomerCard } from './CustomerCard.tsx';

type Detail = Output<'complaints.get'>;
export type Composers = { note: RefObject<HTMLTextAreaElement | null>; reply: RefObject<HTMLTextAreaElement | null> };

export function ComplaintDetail({
  detail,
  composers,
  change,
}: {
  detail: Detail;
  composers: Composers;
  change: (run: () => Promise<unknown>) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const report = useReport();
  const [assignees, setAssignees] = useState<Output<'complaints.assignees'>>([]);
  useEffect(() => {
    call('complaints.assignees', {}).then(setAssignees, report);
  }, [report]);
  const { id, version } = detail;

  return (
    <>
      <section className="pane detail-pane" aria-label={detail.subject}>
        <article className="complaint">
          <h2 className="subject">{detail.subject}</h2>
          <dl className="facts">
            <dt>{t('detail.received')}</dt>
            <dd>{formatTime(detail.createdAt)}</dd>
            {detail.dueAt && (
              <>
                <dt>{t('detail.due')}</dt>
                <dd>{formatTime(detail.dueAt)}</dd>
              </>
            )}
            <dt>{t('detail.status')}</dt>
            <dd>
              <select
                aria-label={t('detail.status')}
                data-testid="status-select"
                value={detail.status}
                onChange={(e) =>
                  void change(() => call('complaints.setStatus', { id, version, status: e.target.value as Detail['status'] }))
                }
              >
                <StatusOptions />
              </select>
            </dd>
            <dt>{t('detail.assignee')}</dt>
            <dd>
              <select
                aria-label={t('detail.assignee')}
                value={detail.assigneeId ?? ''}
                onChange={(e) => void change(() => call('complaints.assign', { id, version, assigneeId: e.target.value || null }))}
              >
                <option value="">{t('detail.unassigned')}</option>
                {assignees.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.displayName}
                  </option>
                ))}
              </select>
            </dd>
          </dl>
          <div className="actions">
            {detail.status === 'closed' ? (
              <button type="button" onClick={() => void change(() => call('complaints.setStatus', { id, version, status: 'open' }))}>
                {t('detail.reopen')}
              </button>
            ) : (
              <button
                type="button"
                className="primary"
                onClick={() => void change(() => call('complaints.setStatus', { id, version, status: 'closed' }))}
              >
                {t('detail.close')}
              </button>
            )}
          </div>
          {/* Customer-written text is rendered as text, never as HTML. */}
          <div className="body" data-testid="complaint-body">
            {detail.body}
          </div>
        </article>
        <Timeline detail={detail} />
        <Composer kind="note" inputRef={composers.note} onSend={(body) => change(() => call('complaints.addNote', { id, body }))} />
        <Composer kind="reply" inputRef={composers.reply} onSend={(body) => change(() => call('complaints.queueReply', { id, body }))} />
      </section>
      <CustomerCard submissionId={id} />
    </>
  );
}

function Timeline({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  const statusName = (s: unknown) => (typeof s === 'string' ? t(`status.${s}`) : '');
  const assigneeName = (data: Record<string, unknown>) => (typeof data.toName === 'string' ? data.toName : undefined);
  return (
    <section aria-label={t('detail.timeline')}>
      <h3>{t('detail.timeline')}</h3>
      <ol className="timeline">
        {detail.timeline.map((e) => {
          const actor = e.actorName ?? '';
          const title =
            e.type === 'status_change'
              ? t('timeline.status_change', { actor, from: statusName(e.data.from), to: statusName(e.data.to) })
              : e.type === 'assignment'
                ? e.data.to
                  ? t('timeline.assignment', { actor, to: assigneeName(e.data) ?? '' })
                  : t('timeline.unassign', { actor })
                : t(`timeline.${e.type}`, { actor });
          return (
            <li key={e.id} className={`event event-${e.type}`}>
              <div className="event-head">
                <span>{title}</span>
                {e.type === 'reply' && e.data.delivery === 'queued' && <span className="badge">{t('timeline.queued')}</span>}
                <span className="spacer" />
                <time className="muted">{formatTime(e.createdAt)}</time>
              </div>
              {e.body && <div className="event-body">{e.body}</div>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Composer({
  kind,
  inputRef,
  onSend,
}: {
  kind: 'note' | 'reply';
  inputRef: Composers['note'];
  onSend: (body: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!text.trim() || busy) return;
    setBusy(true);
    // The draft is kept unless the change really landed: nothing a person wrote is lost to an error.
    if (await onSend(text)) setText('');
    setBusy(false);
  };
  const label = kind === 'note' ? t('detail.note') : t('detail.reply');
  return (
    <form
      className={`composer composer-${kind}`}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label>
        <span>{label}</span>
        <textarea
          ref={inputRef}
          name={kind}
          rows={3}
          value={text}
          placeholder={kind === 'note' ? t('detail.notePlaceholder') : t('detail.replyPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void send();
            }
          }}
        />
      </label>
      <div className="composer-foot">
        <span className="muted">{t('detail.sendHint')}</span>
        <button type="submit" className={kind === 'reply' ? 'primary' : ''} disabled={busy || !text.trim()}>
          {kind === 'note' ? t('detail.addNote') : t('detail.queueReply')}
        </button>
      </div>
    </form>
  );
}
