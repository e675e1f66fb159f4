/**
 * The open submission's pane and what acts on it, for any screen that lists submissions (an inbox, My work): the
 * submission bound to its id (useOpenSubmission), the changes made on it, the keys that act on it (n, r, i, b,
 * e), and what a landed sync brings (the list and the open submission read again), as a minute does for the
 * service clocks' time left.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackdeskError, call } from '../api/client.ts';
import { useAfterSync } from '../api/desk-status.tsx';
import { useReport } from '../components/Notices.tsx';
import { formatDateTime } from '../format/dates.ts';
import { BULK_CHANGED } from './BulkBar.tsx';
import { Drafts, type Composers } from './Composer.tsx';
import { OpenClock } from './facts.tsx';
import { method, type InboxApi, type InboxConfig, type InboxKind, type Row } from './kinds.ts';
import { SubmissionDetail, type Assignees, type Change, type Editor } from './SubmissionDetail.tsx';
import { useOpenSubmission } from './useOpenSubmission.ts';

/**
 * How often the time left is read again without a sync. Business time is counted on the calendar only the main
 * process holds (its schema brings zod, which the renderer's main bundle does without), so the list and the
 * open submission are re-read, passively, rather than counted down here; a minute is the label's smallest unit.
 */
const CLOCK_TICK_MS = 60_000;
const NO_ONE: Assignees = [];

export function useDetailPane(config: InboxConfig, openId: string | null, refreshList: () => Promise<void>) {
  const { api, words } = config;
  const report = useReport();
  const { detail, reload } = useOpenSubmission(api, openId, report);
  // Who an item of this inbox may be assigned to: read once something is open, then again only for another inbox
  // (My work opens items of every inbox the person holds; before anything is open it names none of them).
  const [read, setRead] = useState<{ api: InboxApi; list: Assignees } | null>(null);
  const opened = openId !== null;
  useEffect(() => {
    if (!opened) return;
    let live = true;
    call(method(api, 'assignees'), {}).then((list) => live && setRead({ api, list }), report);
    return () => {
      live = false;
    };
  }, [api, opened, report]);
  // Another inbox's people are never offered, even for the moment its own are being read.
  const assignees = read?.api === api ? read.list : NO_ONE;
  const composers: Composers = { note: useRef<HTMLTextAreaElement>(null), reply: useRef<HTMLTextAreaElement>(null) };
  const editor: Editor = useRef(null);
  const stepper: Editor = useRef(null);
  const [drafts] = useState(() => new Drafts());

  // A sync that landed brings new rows and new states in; a minute, the clocks' time left.
  const reread = useCallback(() => {
    void refreshList();
    void reload();
  }, [refreshList, reload]);
  useAfterSync(reread);
  // A bulk change in the list (BulkBar) may have changed the open submission too.
  useEffect(() => {
    const onBulk = () => void reload();
    window.addEventListener(BULK_CHANGED, onBulk);
    return () => window.removeEventListener(BULK_CHANGED, onBulk);
  }, [reload]);
  // One steady tick, whatever is opened meanwhile: it reads the list and the submission open at the time.
  const latest = useRef(reread);
  latest.current = reread;
  useEffect(() => {
    const timer = setInterval(() => latest.current(), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);

  /** Runs a change, then shows its result; a stale edit reloads the current state so the person sees why. */
  const change: Change = useCallback(
    async (run) => {
      try {
        await run();
      } catch (e) {
        report(e, words);
        if (!(e instanceof BackdeskError && e.code === 'stale')) return false;
      }
      await Promise.all([reload(), refreshList()]);
      return true;
    },
    [reload, refreshList, report, words],
  );

  const keys: Record<string, () => void> = {
    n: () => composers.note.current?.focus(),
    r: () => composers.reply.current?.focus(),
    i: () => editor.current?.(),
    b: () => stepper.current?.(),
    e: () => {
      if (!detail || detail.status === 'closed') return;
      const { id, version } = detail;
      void change(() => call(method(api, 'setStatus'), { id, version, status: 'closed' }));
    },
  };
  return { openId, detail, assignees, keys, composers, editor, stepper, drafts, change };
}

/** The open submission, or what to do to open one. */
export function DetailPane({
  kind,
  config,
  pane,
  preview,
  choose,
}: {
  kind: InboxKind;
  config: InboxConfig;
  pane: ReturnType<typeof useDetailPane>;
  /** The list's row of the submission being opened, shown at once while its detail is read. */
  preview: Row | undefined;
  /** What the pane says while nothing is open. */
  choose: string;
}) {
  const { t } = useTranslation();
  const { detail } = pane;
  if (!detail && preview && preview.id === pane.openId) return <DetailPreview row={preview} loading={t(`${config.words}.loading`)} />;
  if (!detail) {
    return (
      <section className="pane detail-pane">
        <p className="empty-state">{pane.openId ? t(`${config.words}.loading`) : choose}</p>
      </section>
    );
  }
  return (
    <OpenClock.Provider value={detail}>
      <SubmissionDetail
        key={detail.id}
        kind={kind}
        config={config}
        detail={detail}
        assignees={pane.assignees}
        composers={pane.composers}
        editor={pane.editor}
        stepper={pane.stepper}
        drafts={pane.drafts}
        change={pane.change}
      />
    </OpenClock.Provider>
  );
}

/**
 * What the list already knows about the submission being opened (its subject, when it came, its state and
 * assignee), painted in the frame after the key press; the detail replaces it once read. It offers no action:
 * a change needs the version and the audited read that the detail brings. Not a heading yet, so assistive
 * technology announces the submission once, when it is there to read.
 */
function DetailPreview({ row, loading }: { row: Row; loading: string }) {
  const { t } = useTranslation();
  return (
    <section
      className="pane detail-pane"
      aria-label={row.subject}
      aria-busy="true"
      data-testid="detail"
      data-submission-id={row.id}
      data-state="preview"
    >
      <article className="submission">
        <p className="subject">{row.subject}</p>
        <dl className="facts">
          <dt>{t('detail.received')}</dt>
          <dd>{formatDateTime(row.createdAt)}</dd>
          <dt>{t('detail.status')}</dt>
          <dd>{t(`status.${row.status}`)}</dd>
          <dt>{t('detail.assignee')}</dt>
          <dd>{row.assigneeName ?? t('detail.unassigned')}</dd>
        </dl>
        <p className="muted">{loading}</p>
      </article>
    </section>
  );
}
