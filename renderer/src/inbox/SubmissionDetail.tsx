/**
 * One submission of any inbox: what the customer wrote with its kind's own fields, its tags, the actions, the form
 * that corrects those fields, the timeline, the note and reply composers, and the customer card. Every action
 * names this submission's own id, so nothing done here can land on another item, whatever the list does
 * meanwhile. Near the reply box: who else has it open or is writing a reply (usePresence), and what others added
 * since the person opened it, which a reply then waits on (Composer's NewsWarning).
 */
import { lazy, Suspense, useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, Output } from '../../../main/api/contract.ts';
import type { Status, SubmissionKind } from '../../../common/vocabulary/submissions.ts';
import { call } from '../api/client.ts';
import { StatusOptions } from '../components/StatusOptions.tsx';
import { formatDateTime } from '../format/dates.ts';
import { SubmissionTags } from '../replies/SubmissionTags.tsx';
import { Composer, PresenceBanner, type Composers, type Drafts } from './Composer.tsx';
import { CustomerCard } from './CustomerCard.tsx';
import type { DetailsChanges } from './DetailsForm.tsx';
import { KindFacts } from './facts.tsx';
import { editableFields, method, type Detail, type InboxApi, type InboxConfig } from './kinds.ts';
import { Timeline } from './Timeline.tsx';
import { useNews, usePresence } from './usePresence.ts';
import { WarrantyPanel } from './warranty/WarrantyPanel.tsx';

const DetailsForm = lazy(() => import('./DetailsForm.tsx'));

/** Runs a change (a call naming this submission's id) and then shows its result (see Inbox). */
export type Change = (run: () => Promise<unknown>) => Promise<boolean>;
/**
 * Set by the open submission while it offers a form the inbox's keys open: the correction of its fields (`i`),
 * a warranty claim's next step (`b`).
 */
export type Editor = RefObject<(() => void) | null>;
/** Who an item of the inbox may be assigned to. */
export type Assignees = Output<`${InboxApi}.assignees`>;

// The value of the assignee select for a person named by the hub who has no account on this desk.
const NAMED_ELSEWHERE = 'named-elsewhere';

export function SubmissionDetail({
  kind,
  config,
  detail,
  assignees,
  composers,
  editor,
  stepper,
  drafts,
  change,
}: {
  kind: SubmissionKind;
  config: InboxConfig;
  detail: Detail;
  assignees: Assignees;
  composers: Composers;
  editor: Editor;
  stepper: Editor;
  drafts: Drafts;
  change: Change;
}) {
  const { t } = useTranslation();
  const { api, words } = config;
  const { id } = detail;
  // The person's own changes run one after another, each with the version the one before it made, so a
  // status change followed at once by an assignment is not refused as if someone else had edited the item.
  const version = useRef(detail.version);
  useEffect(() => {
    version.current = Math.max(version.current, detail.version);
  }, [detail.version]);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  /** Queues a versioned change; true once it landed (false when refused, stale included). */
  const act = (run: (version: number) => Promise<{ version: number }>): Promise<boolean> => {
    const landed = queue.current.then(async () => {
      let ok = false;
      await change(async () => {
        version.current = (await run(version.current)).version;
        ok = true;
      });
      return ok;
    });
    queue.current = landed;
    return landed;
  };
  // Who else has it open; the reply box says when the person is writing one.
  const [writing, setWriting] = useState(false);
  const presence = usePresence(api, id, writing);
  const news = useNews(detail);
  const setStatus = (status: Status) => void act((version) => call(method(api, 'setStatus'), { id, version, status }));

  // The form that corrects the kind's own fields, for kinds that have some.
  const editable = editableFields(config).length > 0;
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    editor.current = editable ? () => setEditing(true) : null;
    return () => {
      editor.current = null;
    };
  }, [editor, editable]);
  const stopEditing = () => {
    setEditing(false);
    editButton.current?.focus(); // back where the keys work again
  };
  const setDetails = (changes: DetailsChanges) =>
    act((version) => call(method(api, 'setDetails'), { id, version, changes } as Input<`${InboxApi}.setDetails`>));

  return (
    <>
      <section className="pane detail-pane" aria-label={detail.subject} data-testid="detail" data-submission-id={id} data-state="full">
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
            <KindFacts config={config} details={detail.details} />
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
                  void act((version) => call(method(api, 'assign'), { id, version, assigneeId }));
                }}
              >
                <option value="">{t('detail.unassigned')}</option>
                {/* The assignee by the name the item carries, while the list loads or when they no longer hold the inbox:
                    the select never says "unassigned" about an assigned item. */}
                {detail.assigneeName && !assignees.some((a) => a.id === detail.assigneeId) && (
                  <option value={detail.assigneeId ?? NAMED_ELSEWHERE} disabled>
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
          <SubmissionTags detail={detail} onChange={(tags) => change(() => call(method(api, 'setTags'), { id, ...tags }))} />
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
            {editable && (
              <button ref={editButton} type="button" aria-expanded={editing} onClick={() => setEditing(true)}>
                {t('edit.open')}
              </button>
            )}
          </div>
          {editing && (
            <Suspense fallback={null}>
              <DetailsForm kind={kind} config={config} detail={detail} onSave={setDetails} onClose={stopEditing} />
            </Suspense>
          )}
          {detail.warranty && (
            <WarrantyPanel
              warranty={detail.warranty}
              details={detail.details}
              stepper={stepper}
              onStep={(step) => act((version) => call('warrantyClaims.advance', { id, version, step }))}
            />
          )}
          {/* Customer-written text is rendered as text, never as HTML. */}
          <div className="body" data-testid="submission-body">
            {detail.body}
          </div>
        </article>
        <Timeline detail={detail} config={config} />
        <PresenceBanner presence={presence} />
        {(['note', 'reply'] as const).map((box) => (
          <Composer
            key={box}
            kind={box}
            submissionId={id}
            drafts={drafts}
            inputRef={composers[box]}
            canned={box === 'reply' ? { api, kind } : undefined}
            onSend={(body) =>
              change(async () => news.mine((await call(method(api, box === 'note' ? 'addNote' : 'queueReply'), { id, body })).eventId))
            }
            {...(box === 'reply' ? { onWriting: setWriting, news: news.unseen, onSeen: news.seeAll } : {})}
          />
        ))}
      </section>
      <CustomerCard api={api} submissionId={id} />
    </>
  );
}
