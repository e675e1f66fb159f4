/**
 * The comment moderation queue: read each comment as text, then approve, reject or mark it spam. One tab
 * per status, and one for published comments readers reported; the heading names the tab shown. Keys j/k/a/x/s,
 * z to undo the latest decision made here, Space to pick comments and Shift+a/x/s to decide them all after the
 * count is confirmed, u for the author's record; off while a dialog (the help) is open.
 * What is selected is a comment's id (queue.ts): a key acts on the comment selected when it was pressed, a
 * decision selects the comment that was below it, and a re-read after a sync never changes the selection;
 * comments that sync in above it wait behind a "N new" cue.
 */
import { memo, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MARKER_REASONS, type MarkerReason } from '../../../common/moderation/markers.ts';
import {
  COMMENT_FILTERS,
  COMMENT_SUBMISSION_KINDS,
  REJECT_REASONS,
  type CommentSubmissionKind,
  type Decision,
  type RejectReason,
} from '../../../common/vocabulary/comments.ts';
import type { SubmissionKind } from '../../../common/vocabulary/submissions.ts';
import type { Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { useAfterSync } from '../api/desk-status.tsx';
import { useReport } from '../components/Notices.tsx';
import { isTyping } from '../components/ShortcutsHelp.tsx';
import { formatDateTime } from '../format/dates.ts';
import { AuthorPanel } from './AuthorPanel.tsx';
import { WordLists } from './WordLists.tsx';
import { MarkedBody, MarkerChips } from './CommentMarkers.tsx';
import {
  decided,
  decidedMany,
  decides,
  emptyQueue,
  loaded,
  merged,
  release,
  select,
  shown,
  step,
  toggleChecked,
  type Comment,
  type Filter,
  type Queue,
  type Rows,
} from './queue.ts';

const PAGE = 50;
// The most rows the API gives in one answer.
const MOST = 500;
// By the key's place, not its letter: with Caps Lock on, `a` still decides one comment; with Shift, every one picked.
const KEYS: Record<string, Decision> = { KeyA: 'approved', KeyX: 'rejected', KeyS: 'spam' };
/** 1–4 reject with that reason (REJECT_REASONS' order), by key position like the others. */
const REASON_KEYS: Record<string, RejectReason> = Object.fromEntries(REJECT_REASONS.map((r, i) => [`Digit${i + 1}`, r]));

/** A tab narrowed to one page of the website and one reason to look, newest or oldest first. */
interface Narrow {
  page?: string;
  marker?: MarkerReason;
  order: 'newest' | 'oldest';
}

/**
 * The first `count` rows of a tab; with `find`, read on (a page at a time, a few pages at most) until that
 * comment is among them, since comments new above it push it down.
 */
async function readRows(
  method: 'comments.list' | 'comments.relist',
  status: Filter,
  narrow: Narrow,
  count: number,
  find: string | null,
): Promise<Rows> {
  const rows: Comment[] = [];
  const seen = new Set<string>();
  let total = 0;
  let offset = 0;
  const take = async (limit: number) => {
    const page = await call(method, { status, ...narrow, offset, limit });
    total = page.total;
    offset += page.rows.length;
    for (const r of page.rows) {
      if (seen.has(r.id)) continue; // a row pushed down between two reads
      seen.add(r.id);
      rows.push(r);
    }
    return page.rows.length === limit;
  };
  while (offset < count && (await take(Math.min(MOST, count - offset))));
  for (let more = 0; find && !seen.has(find) && offset < total && more < 10; more++) if (!(await take(MOST))) break;
  return { total, rows };
}

export function CommentsQueue({
  shortcutsEnabled,
  mayEditWords,
  inboxes,
  onOpenSubmission,
}: {
  shortcutsEnabled: boolean;
  mayEditWords: boolean;
  /** The submission inboxes the person holds: a comment may be turned into a submission of those. */
  inboxes: readonly SubmissionKind[];
  onOpenSubmission: (kind: SubmissionKind, id: string) => void;
}) {
  const { t } = useTranslation();
  const report = useReport();
  // The queue lives in a ref so that a key acts on the selection as it is at that moment, even before a render.
  const queue = useRef<Queue>(emptyQueue('pending'));
  const [, rendered] = useReducer((n: number) => n + 1, 0);
  const update = useCallback((change: (q: Queue) => Queue) => {
    queue.current = change(queue.current);
    rendered();
  }, []);
  const q = queue.current;
  const pane = useRef<HTMLElement>(null);

  // Calls run one after another, in the order asked: a re-read asked for after a decision sees the decision.
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const serial = useCallback(<T,>(run: () => Promise<T>): Promise<T> => {
    const next = chain.current.then(run);
    chain.current = next.catch(() => undefined);
    return next;
  }, []);
  // A read asked for before the tab changed or a decision was made is dropped when it lands.
  const epoch = useRef(0);
  // The tab's narrowing (page, reason, order), read by every read; the tabs' counts and the tab's pages to pick from.
  const narrow = useRef<Narrow>({ order: 'newest' });
  const [counts, setCounts] = useState<Output<'comments.counts'> | null>(null);
  const [pages, setPages] = useState<Output<'comments.pages'>>([]);

  const read = useCallback(
    (how: 'load' | 'refresh' | 'more') => {
      const at = epoch.current;
      const { filter } = queue.current;
      const by = narrow.current;
      return serial(async () => {
        if (at !== epoch.current) return;
        const { rows, selected } = queue.current;
        const page =
          how === 'load'
            ? await readRows('comments.list', filter, by, PAGE, null)
            : how === 'more'
              ? await readRows('comments.list', filter, by, rows.length + PAGE, null)
              : // Passive: a refresh in the background does not keep an idle session unlocked.
                await readRows('comments.relist', filter, by, Math.max(PAGE, rows.length + PAGE), selected);
        if (at !== epoch.current) return;
        update((current) => (how === 'load' ? loaded(current, page) : merged(current, page, how === 'more', PAGE)));
        setCounts(await call('comments.counts', {}));
        if (how === 'load') setPages(await call('comments.pages', { status: filter }));
      }).catch(report);
    },
    [serial, update, report],
  );

  useEffect(() => {
    void read('load');
  }, [read]);

  const showTab = (filter: Filter) => {
    epoch.current++;
    setConfirming(null); // what was picked is not on screen any more
    // Another tab has other pages: the page picked here may have none there.
    narrow.current = { ...narrow.current, page: undefined };
    update(() => emptyQueue(filter));
    void read('load');
  };

  const narrowTo = (change: Partial<Narrow>) => {
    epoch.current++;
    setConfirming(null);
    narrow.current = { ...narrow.current, ...change };
    update((current) => emptyQueue(current.filter));
    void read('load');
  };

  // A sync that landed brings new comments and decisions made elsewhere.
  useAfterSync(useCallback(() => void read('refresh'), [read]));

  // The comments this person decided here, latest last: "z" undoes them one at a time, latest first.
  const undoable = useRef<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [wordsOpen, setWordsOpen] = useState(false);

  const decide = useCallback(
    (id: string, decision: Decision, reason?: RejectReason) => {
      epoch.current++;
      update((current) => decided(current, id, decision));
      setNotice(null);
      // On the undo stack once it stands here: a decision refused at once (decided elsewhere since) is nothing to undo.
      void serial(() => call('comments.moderate', { id, decision, ...(reason && { reason }) }))
        .then(() => void undoable.current.push(id))
        .catch(report);
      void read('refresh');
    },
    [update, serial, read, report],
  );

  // Shift+a/x/s on the comments picked with Space: asked first, by the count.
  const [confirming, setConfirming] = useState<Decision | null>(null);
  const confirmingNow = useRef<Decision | null>(null);
  confirmingNow.current = confirming;

  // The author panel (`u`): the author of this comment.
  const [authorOf, setAuthorOf] = useState<string | null>(null);
  const authorOpen = useRef<string | null>(null);
  authorOpen.current = authorOf;

  const decideMany = useCallback(
    (ids: string[], decision: Decision) => {
      setConfirming(null);
      confirmingNow.current = null; // a second Enter before the next render asks nothing more
      if (!ids.length) return;
      setAuthorOf(null);
      epoch.current++;
      update((current) => decidedMany(current, ids, decision));
      setNotice(null);
      void serial(() => call('comments.moderateMany', { ids, decision }))
        .then(({ done, refused }) => {
          undoable.current.push(...ids.filter((id) => !refused.some((r) => r.id === id)));
          setNotice(
            [
              t('comments.bulkDone', { count: done, decision: t(`decision.${decision}`) }),
              ...refused.map((r) => t('comments.bulkRefused', { reason: r.reason })),
            ].join(' '),
          );
        })
        .catch(report);
      void read('refresh');
    },
    [update, serial, read, report, t],
  );

  const decidePicked = useCallback((decision: Decision) => decideMany([...queue.current.checked], decision), [decideMany]);

  /** Undoes the latest decision: the comment is back in the queue, selected, and the person is told how it went. */
  const undo = useCallback(() => {
    epoch.current++;
    // In turn with the decisions: a `z` pressed while the decision is still on its way undoes it once it stands.
    void serial(async () => {
      const id = undoable.current.pop();
      if (!id) return setNotice(t('comments.nothingToUndo'));
      const { outcome } = await call('comments.undo', { id });
      setNotice(t(`comments.undone_${outcome}`));
      if (queue.current.filter === 'pending') update((current) => select(current, id));
      void read('refresh');
    }).catch(report);
  }, [serial, update, read, report, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!shortcutsEnabled || isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const { selected, checked, filter } = queue.current;
      const asked = confirmingNow.current;
      if (asked) {
        // While the count is asked, Enter confirms and Escape cancels; nothing else acts.
        if (e.key === 'Enter') decidePicked(asked);
        else if (e.key === 'Escape') setConfirming(null);
        e.preventDefault();
        return;
      }
      const decision = KEYS[e.code];
      const reason = REASON_KEYS[e.code];
      if (authorOpen.current && (e.key === 'Escape' || e.key === 'u')) setAuthorOf(null);
      else if (e.key === 'u' && selected) setAuthorOf(selected);
      else if (e.key === ' ' && decides(filter)) update(toggleChecked);
      else if (decision && e.shiftKey && checked.size && decides(filter)) setConfirming(decision);
      else if (e.key === 'j') {
        // From the last card read, j reads the next cards first, so the keyboard alone reaches every comment.
        const last = shown(queue.current).at(-1)?.id === selected;
        if (last && queue.current.total !== null && queue.current.rows.length < queue.current.total)
          void read('more').then(() => update((current) => step(current, 1)));
        else update((current) => step(current, 1));
      } else if (e.key === 'k') update((current) => step(current, -1));
      // Decisions are for the queue and reported comments (the first decision wins); decided tabs are for reading.
      else if (decision && !e.shiftKey && selected && decides(filter)) decide(selected, decision);
      else if (reason && !e.shiftKey && selected && decides(filter)) decide(selected, 'rejected', reason);
      else if (e.key === 'z') undo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shortcutsEnabled, update, decide, undo, decidePicked, read]);

  // The selected comment stays in view when the selection moves (j/k, a decision, one decided elsewhere).
  useEffect(() => {
    pane.current?.querySelector('.comment.selected')?.scrollIntoView({ block: 'nearest' });
  }, [q.selected]);

  // Turning a comment into a submission: the comment names it at once, the submission comes after the next sync.
  const turnable = useMemo(() => COMMENT_SUBMISSION_KINDS.filter((k) => inboxes.includes(k)), [inboxes]);
  const turn = useCallback(
    (id: string, kind: CommentSubmissionKind) =>
      void serial(() => call('comments.toSubmission', { id, kind }))
        .then(() => {
          setNotice(t('comments.turned', { kind: t(`kinds.${kind}.item`) }));
          void read('refresh');
        })
        .catch(report),
    [serial, read, report, t],
  );

  const selectOne = useCallback((id: string) => update((current) => select(current, id)), [update]);
  const pickOne = useCallback((id: string) => update((current) => toggleChecked(select(current, id))), [update]);

  const showNew = () => {
    update(release);
    pane.current?.scrollTo({ top: 0 });
  };

  const rows = shown(q);
  return (
    <section ref={pane} className="pane comments" aria-labelledby="comments-heading">
      <div className="comments-head">
        <h2 id="comments-heading">{t(`comments.heading_${q.filter}`)}</h2>
        <div role="tablist" className="tabs">
          {COMMENT_FILTERS.map((f) => (
            <button key={f} type="button" role="tab" aria-selected={q.filter === f} onClick={() => showTab(f)}>
              {t(`comments.tab_${f}`)}
              {counts && <span className="tab-count"> {t('comments.tabCount', { count: counts[f] })}</span>}
            </button>
          ))}
        </div>
        <div className="narrow">
          <select
            aria-label={t('comments.byPage')}
            value={narrow.current.page ?? ''}
            onChange={(e) => narrowTo({ page: e.target.value || undefined })}
          >
            <option value="">{t('comments.allPages')}</option>
            {pages.map((p) => (
              <option key={p.url} value={p.url}>
                {`${p.title ?? p.url} (${p.count})`}
              </option>
            ))}
          </select>
          <select
            aria-label={t('comments.byMarker')}
            value={narrow.current.marker ?? ''}
            onChange={(e) => narrowTo({ marker: (e.target.value || undefined) as MarkerReason | undefined })}
          >
            <option value="">{t('comments.allMarkers')}</option>
            {MARKER_REASONS.map((m) => (
              <option key={m} value={m}>
                {t(`comments.markerName_${m}`)}
              </option>
            ))}
          </select>
          <select
            aria-label={t('comments.order')}
            value={narrow.current.order}
            onChange={(e) => narrowTo({ order: e.target.value as Narrow['order'] })}
          >
            <option value="newest">{t('comments.newest')}</option>
            <option value="oldest">{t('comments.oldest')}</option>
          </select>
        </div>
        <span className="muted" data-testid="comment-count">
          {q.total === null ? '…' : t('comments.count', { count: q.total })}
        </span>
        <button type="button" onClick={undo}>
          {t('comments.undo')}
        </button>
        <button type="button" aria-expanded={wordsOpen} onClick={() => setWordsOpen((open) => !open)}>
          {t('comments.wordLists')}
        </button>
      </div>
      {wordsOpen && <WordLists mayEdit={mayEditWords} onClose={() => setWordsOpen(false)} />}
      <div role="status" className="muted small" data-testid="selection-moved">
        {q.moved ? t('comments.selectionMoved') : null}
      </div>
      <div role="status" className="muted small" data-testid="queue-notice">
        {notice}
      </div>
      {authorOf && (
        <AuthorPanel
          commentId={authorOf}
          onRejectAll={(ids) => decideMany(ids, 'rejected')}
          onStandingChanged={(rejected) => {
            if (rejected) {
              setNotice(t('comments.banRejected', { count: rejected }));
              void read('refresh');
            }
          }}
          onClose={() => setAuthorOf(null)}
        />
      )}
      {q.checked.size > 0 && (
        <div className="picked muted small" data-testid="picked-count">
          {t('comments.picked', { count: q.checked.size })}
        </div>
      )}
      {confirming && (
        <div role="alertdialog" aria-labelledby="bulk-question" className="bulk-confirm">
          <p id="bulk-question">{t(`comments.bulkAsk_${confirming}`, { count: q.checked.size })}</p>
          <button type="button" className="primary" onClick={() => decidePicked(confirming)}>
            {t('comments.bulkConfirm')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(null)}>
            {t('comments.bulkCancel')}
          </button>
        </div>
      )}
      {q.held.size > 0 && (
        <button type="button" className="new-rows" data-testid="new-comments" style={CUE} onClick={showNew}>
          {t('comments.newRows', { count: q.held.size })}
        </button>
      )}
      {q.total !== null && rows.length === 0 && <p className="empty-state">{t('comments.empty')}</p>}
      <ol className="comment-list">
        {rows.map((c) => (
          <CommentCard
            key={c.id}
            comment={c}
            selected={c.id === q.selected}
            checked={q.checked.has(c.id)}
            decidable={decides(q.filter)}
            onSelect={selectOne}
            onPick={pickOne}
            onDecide={decide}
            turnable={turnable}
            onTurn={turn}
            onOpenSubmission={onOpenSubmission}
          />
        ))}
      </ol>
      {q.total !== null && q.rows.length < q.total && (
        <button type="button" onClick={() => void read('more')}>
          {t('comments.more')}
        </button>
      )}
    </section>
  );
}

// The inbox's "N new" cue (styles.css), here in the flow of the page at the top of the list, kept in sight.
const CUE: React.CSSProperties = { position: 'sticky', top: 8, left: 'auto', transform: 'none', display: 'block', margin: '8px auto 0' };

/**
 * One comment's card. Memoised: a key that moves the selection re-renders the two cards whose selection changed,
 * not the fifty on screen (the rows keep their identity across renders until a re-read replaces them).
 */
const CommentCard = memo(function CommentCard({
  comment: c,
  selected,
  checked,
  decidable,
  onSelect,
  onPick,
  onDecide,
  turnable,
  onTurn,
  onOpenSubmission,
}: {
  comment: Comment;
  selected: boolean;
  checked: boolean;
  decidable: boolean;
  onSelect: (id: string) => void;
  onPick: (id: string) => void;
  onDecide: (id: string, decision: Decision, reason?: RejectReason) => void;
  /** The kinds it may be turned into, and what turns it or opens the submission it became. */
  turnable: readonly CommentSubmissionKind[];
  onTurn: (id: string, kind: CommentSubmissionKind) => void;
  onOpenSubmission: (kind: SubmissionKind, id: string) => void;
}) {
  const { t } = useTranslation();
  const act = (decision: Decision) => (e: React.MouseEvent) => {
    e.stopPropagation(); // the row's click would select the comment being decided
    onDecide(c.id, decision);
  };
  return (
    <li data-comment-id={c.id} className={`comment ${selected ? 'selected' : ''}`} aria-current={selected} onClick={() => onSelect(c.id)}>
      <div className="muted small">
        {decidable && (
          <input
            type="checkbox"
            className="pick"
            aria-label={t('comments.pick')}
            checked={checked}
            onClick={(e) => e.stopPropagation()}
            onChange={() => onPick(c.id)}
          />
        )}{' '}
        {t('comments.by')} <strong>{c.authorUsername ?? '—'}</strong> · {t('comments.on')}{' '}
        {c.pageTitle && (
          <>
            <span className="page-title">{c.pageTitle}</span>{' '}
          </>
        )}
        <span className="url">{c.pageUrl}</span> · <time>{formatDateTime(c.postedAt)}</time>
      </div>
      <MarkerChips markers={c.markers} />
      {c.replyTo && (
        <blockquote className="reply-to muted small" data-testid="reply-to">
          {t('comments.replyTo', { name: c.replyTo.authorUsername ?? '—' })} {c.replyTo.body}
        </blockquote>
      )}
      {/* Customer-written text is rendered as text, never as HTML. */}
      <MarkedBody body={c.body} markers={c.markers} />
      {c.status !== 'pending' && (
        <div className="muted small">
          {t('comments.decided', {
            decision: t(`decision.${c.status}`),
            name: c.decidedBy ?? '',
            time: c.decidedAt ? formatDateTime(c.decidedAt) : '',
          })}
          {c.rejectReason && <> · {t('comments.rejectedBecause', { reason: t(`comments.rejectReason_${c.rejectReason}`) })}</>}
        </div>
      )}
      <TurnedInto comment={c} turnable={turnable} onTurn={onTurn} onOpen={onOpenSubmission} />
      {/* A reported comment shows how it was decided, and is decided again. */}
      {decidable && (
        <div className="actions">
          <button type="button" className="primary" onClick={act('approved')}>
            {t('comments.approve')}
          </button>
          <button type="button" onClick={act('rejected')}>
            {t('comments.reject')}
          </button>
          <select
            aria-label={t('comments.rejectWith')}
            value=""
            onClick={(e) => e.stopPropagation()}
            onChange={(e) => onDecide(c.id, 'rejected', e.target.value as RejectReason)}
          >
            <option value="" disabled>
              {t('comments.rejectWith')}
            </option>
            {REJECT_REASONS.map((r, i) => (
              <option key={r} value={r}>
                {`${i + 1} · ${t(`comments.rejectReason_${r}`)}`}
              </option>
            ))}
          </select>
          <button type="button" onClick={act('spam')}>
            {t('comments.spam')}
          </button>
        </div>
      )}
    </li>
  );
});

/**
 * The submission a comment became, which opens it in its inbox (once the hub made it and it reached this desk), or
 * the kinds it may become: a question asked in a comment is answered by email and counted like any other.
 */
function TurnedInto({
  comment: c,
  turnable,
  onTurn,
  onOpen,
}: {
  comment: Comment;
  turnable: readonly CommentSubmissionKind[];
  onTurn: (id: string, kind: CommentSubmissionKind) => void;
  onOpen: (kind: SubmissionKind, id: string) => void;
}) {
  const { t } = useTranslation();
  const stop = (then: () => void) => (e: React.MouseEvent) => {
    e.stopPropagation(); // the row's click would select the comment
    then();
  };
  const { submission } = c;
  if (submission) {
    const { kind, id, sent, here } = submission;
    const named = { kind: t(`kinds.${kind}.item`) };
    // Opened where it is: on this desk, in an inbox the person holds; otherwise only named.
    return (
      <div className="turned small" data-testid="comment-submission">
        {!sent ? (
          <span className="muted">{t('comments.turning', named)}</span>
        ) : here && turnable.includes(kind) ? (
          <button type="button" className="link" onClick={stop(() => onOpen(kind, id))}>
            {t('comments.turnedInto', named)}
          </button>
        ) : (
          <span className="muted">{t('comments.turnedElsewhere', named)}</span>
        )}
      </div>
    );
  }
  if (!turnable.length) return null;
  return (
    <div className="turn small muted">
      {t('comments.turnInto')}{' '}
      {turnable.map((kind) => (
        <button key={kind} type="button" className="link" onClick={stop(() => onTurn(c.id, kind))}>
          {t(`kinds.${kind}.itemStart`)}
        </button>
      ))}
    </div>
  );
}
