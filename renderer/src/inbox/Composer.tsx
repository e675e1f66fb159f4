/**
 * The note and reply composers. A draft belongs to its submission: it is kept per submission id while the
 * person looks elsewhere, and sending sends to the submission the composer was opened on, whatever else
 * arrived or refreshed in the meantime. The reply box inserts a canned reply (Ctrl+/ or its button: CannedPicker)
 * at the cursor, filled for this submission, keeping everything already typed around it.
 */
import { useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionKind } from '../../../common/vocabulary/submissions.ts';
import { CannedPicker } from '../replies/CannedPicker.tsx';
import type { InboxApi } from './kinds.ts';

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
}: {
  kind: ComposerKind;
  submissionId: string;
  drafts: Drafts;
  inputRef: Composers[ComposerKind];
  onSend: (body: string) => Promise<boolean>;
  /** The inbox whose canned replies this box offers (the reply box); none for notes. */
  canned?: { api: InboxApi; kind: SubmissionKind };
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => drafts.get(submissionId, kind));
  const [busy, setBusy] = useState(false);
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
  const send = async () => {
    if (!text.trim() || busy) return;
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
        <button type="submit" className={kind === 'reply' ? 'primary' : ''} disabled={busy || !text.trim()}>
          {kind === 'note' ? t('detail.addNote') : t('detail.queueReply')}
        </button>
      </div>
    </form>
  );
}
