/**
 * The note and reply composers. A draft belongs to its submission: it is kept per submission id while the
 * person looks elsewhere, and sending sends to the submission the composer was opened on, whatever else
 * arrived or refreshed in the meantime.
 */
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

export type ComposerKind = 'note' | 'reply';
export type Composers = Record<ComposerKind, RefObject<HTMLTextAreaElement | null>>;

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
}: {
  kind: ComposerKind;
  submissionId: string;
  drafts: Drafts;
  inputRef: Composers[ComposerKind];
  onSend: (body: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => drafts.get(submissionId, kind));
  const [busy, setBusy] = useState(false);
  const edit = (value: string) => {
    setText(value);
    drafts.set(submissionId, kind, value);
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
