/**
 * The note and reply composers. A draft belongs to its submission: it is kept per submission id while the
 * person looks elsewhere, and sending sends to the submission the composer was opened on, whatever else
 * arrived or refreshed in the meantime. The reply box inserts a canned reply (Ctrl+/ or its button: CannedPicker)
 * at the cursor, filled for this submission, keeping everything already typed around it. The reply box says when
 * the person starts and stops writing (others see it: usePresence), and while someone else has added to the
 * submission since it was opened, it shows what they added and sends only after "Vẫn gửi" (NewsWarning).
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionKind } from '../../../common/vocabulary/submissions.ts';
import { formatDateTime } from '../format/dates.ts';
import { CannedPicker } from '../replies/CannedPicker.tsx';
import type { Detail, InboxApi } from './kinds.ts';
import type { Presence } from './usePresence.ts';

type Event = Detail['timeline'][number];

export type ComposerKind = 'note' | 'reply';
export type Composers = Record<ComposerKind, RefObject<HTMLTextAreaElement | null>>;

/** The reply box's key that opens the canned replies: Ctrl+/ (⌘/ on a Mac); `/` alone is the inbox's search. */
export const isCannedKey = (e: { key: string; code: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean =>
  (e.ctrlKey || e.metaKey) && !e.altKey && (e.key === '/' || e.code === 'Slash');

/** Unsent text per submission and composer, for as long as the inbox is open. */
export class Drafts {
  private readonly texts = new Map<string, string>();
  get = (id: string, kind: ComposerKind) => this.texts.get(`${id}:${kind}`) ?? '';
  set = (id: string, kind: ComposerKind, text: string) =>
    text ? this.texts.set(`${id}:${kind}`, text) : this.texts.delete(`${id}:${kind}`);
}

export function Composer({
  kind,
  submissionId,
  drafts,
  inputRef,
  onSend,
  canned,
  onWriting,
  news = [],
  onSeen,
}: {
  kind: ComposerKind;
  submissionId: string;
  drafts: Drafts;
  inputRef: Composers[ComposerKind];
  onSend: (body: string) => Promise<boolean>;
  /** The inbox whose canned replies this box offers (the reply box); none for notes. */
  canned?: { api: InboxApi; kind: SubmissionKind };
  /** Told when the box starts holding text and when it is empty again (sent or cleared). */
  onWriting?: (writing: boolean) => void;
  /** What others added since the person opened the submission and has not yet acknowledged: sending waits for "Vẫn gửi". */
  news?: readonly Event[];
  /** The person sends anyway, having seen `news`. */
  onSeen?: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => drafts.get(submissionId, kind));
  const [busy, setBusy] = useState(false);
  const writing = text.trim() !== '';
  const told = useRef(onWriting);
  told.current = onWriting;
  useEffect(() => told.current?.(writing), [writing]);
  const anyway = useRef<HTMLButtonElement>(null);
  const edit = (value: string) => {
    setText(value);
    drafts.set(submissionId, kind, value);
  };
  // Where the cursor was when the picker opened: the canned reply goes there, and the focus comes back there.
  const [picking, setPicking] = useState(false);
  const cursor = useRef({ start: 0, end: 0 });
  const openPicker = () => {
    const box = inputRef.current;
    cursor.current = box ? { start: box.selectionStart, end: box.selectionEnd } : { start: text.length, end: text.length };
    setPicking(true);
  };
  const backToBox = (at: { start: number; end: number }) => {
    setPicking(false);
    inputRef.current?.focus();
    // After React has drawn the new text, so the cursor lands in it.
    requestAnimationFrame(() => inputRef.current?.setSelectionRange(at.start, at.end));
  };
  /** Inserts at the cursor; a selection is kept (put after the canned text), so nothing typed is lost. */
  const insert = (body: string) => {
    const { start } = cursor.current;
    const before = text.slice(0, start);
    const after = text.slice(start);
    edit(before + body + after);
    backToBox({ start: start + body.length, end: start + body.length });
  };
  const send = async (seen = false) => {
    if (!text.trim() || busy) return;
    // Something new since it was opened: the person reads it first; sending is the "Vẫn gửi" button's.
    if (news.length > 0 && !seen) {
      anyway.current?.focus();
      return;
    }
    if (seen) onSeen?.();
    setBusy(true);
    // The draft is kept unless the change really landed: nothing a person wrote is lost to an error.
    if (await onSend(text)) edit('');
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
          onChange={(e) => edit(e.target.value)}
          onKeyDown={(e) => {
            if (canned && isCannedKey(e)) {
              e.preventDefault();
              openPicker();
            } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void send();
            }
          }}
        />
      </label>
      {news.length > 0 && <NewsWarning news={news} />}
      {picking && canned && (
        <CannedPicker
          api={canned.api}
          kind={canned.kind}
          submissionId={submissionId}
          onInsert={insert}
          onClose={() => backToBox(cursor.current)}
          onLeave={() => setPicking(false)}
        />
      )}
      <div className="composer-foot">
        <span className="muted">{t('detail.sendHint')}</span>
        {canned && (
          <button
            type="button"
            className="canned-open"
            aria-keyshortcuts="Control+/"
            // The focus stays in the box until the picker takes it, so the box's cursor is the one kept.
            onMouseDown={(e) => e.preventDefault()}
            onClick={openPicker}
          >
            {t('replies.picker.open')}
          </button>
        )}
        {news.length > 0 ? (
          <button
            ref={anyway}
            type="button"
            className="primary send-anyway"
            data-testid="send-anyway"
            disabled={busy || !text.trim()}
            onClick={() => void send(true)}
          >
            {t('presence.sendAnyway')}
          </button>
        ) : (
          <button type="submit" className={kind === 'reply' ? 'primary' : ''} disabled={busy || !text.trim()}>
            {kind === 'note' ? t('detail.addNote') : t('detail.queueReply')}
          </button>
        )}
      </div>
    </form>
  );
}

/**
 * What someone else (or the customer) added after the person opened the submission, each with its text, so that a
 * reply written on what the person saw then is sent knowing what it may cross.
 */
function NewsWarning({ news }: { news: readonly Event[] }) {
  const { t } = useTranslation();
  const said = (e: Event) => {
    const time = formatDateTime(e.createdAt);
    if (e.type === 'customer_message') return t('presence.customer', { time });
    return t(e.type === 'note' ? 'presence.note' : 'presence.reply', { name: e.actorName ?? '', time });
  };
  return (
    <div className="news-warning" role="alert" data-testid="news-warning">
      <strong>{t('presence.newsTitle')}</strong>
      <ul>
        {news.map((e) => (
          <li key={e.id} data-testid="news-item">
            <div>{said(e)}</div>
            {e.body && <div className="event-body">{e.body}</div>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Who else has the submission open, said near the reply box: those writing a reply first, then those viewing it.
 * Nothing offline (the hub cannot be asked) or when nobody else has it open.
 */
export function PresenceBanner({ presence }: { presence: Presence }) {
  const { t, i18n } = useTranslation();
  if (!presence.known || presence.others.length === 0) return null;
  const names = (state: 'viewing' | 'composing') => presence.others.filter((o) => o.state === state).map((o) => o.name);
  const list = (people: string[]) => new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(people);
  const composing = names('composing');
  const viewing = names('viewing');
  return (
    <div className="presence" role="status" data-testid="presence">
      {composing.length > 0 && (
        <p className="presence-composing" data-testid="presence-composing">
          <span aria-hidden="true">✎ </span>
          {t('presence.composing', { names: list(composing), count: composing.length })}
        </p>
      )}
      {viewing.length > 0 && (
        <p className="presence-viewing" data-testid="presence-viewing">
          <span aria-hidden="true">◉ </span>
          {t('presence.viewing', { names: list(viewing), count: viewing.length })}
        </p>
      )}
    </div>
  );
}
