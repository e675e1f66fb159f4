/**
 * One submission of any inbox: what the customer wrote, the actions, the timeline, the note and reply
 * composers, and the customer card. Every action names this submission's own id, so nothing done here
 * can land on another item, whatever the list does meanwhile.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../main/api/contract.ts';
import type { Status } from '../../../common/vocabulary/submissions.ts';
import { call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { StatusOptions } from '../components/StatusOptions.tsx';
import { formatDateTime } from '../format/dates.ts';
import { Composer, type Composers, type Drafts } from './Composer.tsx';
import { CustomerCard } from './CustomerCard.tsx';
import { method, type Detail, type InboxApi, type InboxConfig } from './kinds.ts';
import { Timeline } from './Timeline.tsx';

/** Runs a change (a call naming this submission's id) and then shows its result (see Inbox). */
export type Change = (run: () => Promise<unknown>) => Promise<boolean>;

// The value of the assignee select for a person named by the hub who has no account on this desk.
const NAMED_ELSEWHERE = 'named-elsewhere';

export function SubmissionDetail({
  config,
  detail,
  composers,
  drafts,
  change,
}: {
  config: InboxConfig;
  detail: Detail;
  composers: Composers;
  drafts: Drafts;
  change: Change;
}) {
  const { t } = useTranslation();
  const report = useReport();
  const { api, words } = config;
  const [assignees, setAssignees] = useState<Output<`${InboxApi}.assignees`>>([]);
  useEffect(() => {
    call(method(api, 'assignees'), {}).then(setAssignees, report);
  }, [api, report]);
  const { id } = detail;
  // The person's own changes run one after another, each with the version the one before it made, so a
  // status change followed at once by an assignment is not refused as if someone else had edited the item.
  const version = useRef(detail.version);
  useEffect(() => {
    version.current = Math.max(version.current, detail.version);
  }, [detail.version]);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const act = (run: (version: number) => Promise<{ version: number }>) => {
    queue.current = queue.current.then(() =>
      change(async () => {
        version.current = (await run(version.current)).version;
      }),
    );
  };
  const setStatus = (status: Status) => act((version) => call(method(api, 'setStatus'), { id, version, status }));

  return (
    <>
      <section className="pane detail-pane" aria-label={detail.subject} data-testid="detail" data-submission-id={id}>
        <article className="submission">
          <h2 className="subject">{detail.subject}</h2>
          <dl className="facts">
            <dt>{t('detail.received')}</dt>
            <dd>{formatDateTime(detail.createdAt)}</dd>
            {detail.dueAt && (
              <>
                <dt>{t('detail.due')}</dt>
                <dd>{formatDateTime(detail.dueAt)}</dd>
              </>
            )}
            {config.facts.map((key) => (
              <div key={key} className="fact-row">
                <dt>{t(`${words}.facts.${key}`)}</dt>
                <dd>{String(detail.details[key] ?? t('customer.none'))}</dd>
              </div>
            ))}
            <dt>{t('detail.status')}</dt>
            <dd>
              <select
                aria-label={t('detail.status')}
                data-testid="status-select"
                value={detail.status}
                onChange={(e) => setStatus(e.target.value as Status)}
              >
                <StatusOptions />
              </select>
            </dd>
            <dt>{t('detail.assignee')}</dt>
            <dd>
              <select
                aria-label={t('detail.assignee')}
                data-testid="assignee-select"
                value={detail.assigneeId ?? (detail.assigneeName ? NAMED_ELSEWHERE : '')}
                onChange={(e) => {
                  const assigneeId = e.target.value || null;
                  act((version) => call(method(api, 'assign'), { id, version, assigneeId }));
                }}
              >
                <option value="">{t('detail.unassigned')}</option>
                {!detail.assigneeId && detail.assigneeName && (
                  <option value={NAMED_ELSEWHERE} disabled>
                    {detail.assigneeName}
                  </option>
                )}
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
              <button type="button" onClick={() => setStatus('open')}>
                {t('detail.reopen')}
              </button>
            ) : (
              <button type="button" className="primary" onClick={() => setStatus('closed')}>
                {t(`${words}.close`)}
              </button>
            )}
          </div>
          {/* Customer-written text is rendered as text, never as HTML. */}
          <div className="body" data-testid="submission-body">
            {detail.body}
          </div>
        </article>
        <Timeline detail={detail} words={words} />
        {(['note', 'reply'] as const).map((kind) => (
          <Composer
            key={kind}
            kind={kind}
            submissionId={id}
            drafts={drafts}
            inputRef={composers[kind]}
            onSend={(body) => change(() => call(method(api, kind === 'note' ? 'addNote' : 'queueReply'), { id, body }))}
          />
        ))}
      </section>
      <CustomerCard api={api} submissionId={id} />
    </>
  );
}
