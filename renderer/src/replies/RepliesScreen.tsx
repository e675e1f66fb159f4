/**
 * "Mẫu trả lời & nhãn", for directors: the organisation's canned replies (title, inbox or every inbox, in use or
 * archived) and tags (colour and name, in use or archived), each added and changed in a small form (CannedForm,
 * TagForm) and archived or put back in use from its row. Everything saved here is pushed to the hub at the next
 * sync and reaches every desk whose people hold the inbox.
 *
 * Loaded when first opened: the forms' schemas bring zod, which the rest of the renderer does without. Read when
 * opened and after each save, not after every background sync: these reads count as the person's activity and
 * must not keep an idle session from locking.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { INBOX_KINDS } from '../inbox/kinds.ts';
import { CannedForm, type Canned } from './CannedForm.tsx';
import { TagForm } from './TagForm.tsx';
import { TagChip, type Tag } from './tags.tsx';

type Panel = { kind: 'canned'; canned: Canned | null } | { kind: 'tag'; tag: Tag | null } | null;

export default function RepliesScreen() {
  const { t } = useTranslation();
  const report = useReport();
  const [panel, setPanel] = useState<Panel>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const [replies, loadReplies] = useList(useCallback(() => call('cannedReplies.list', { includeArchived: true }), []));
  const [tags, loadTags] = useList(useCallback(() => call('tags.list', { includeArchived: true }), []));

  // Where the keyboard goes back to when a form closes: the button that opened it.
  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (panel || !returnTo.current) return;
    if (returnTo.current.isConnected) returnTo.current.focus();
    returnTo.current = null;
  }, [panel]);
  const open = (next: Panel) => {
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setSaved(null);
    setPanel(next);
  };
  const close = () => setPanel(null);

  /** Archives a canned reply or puts it back in use, on the version the row shows; a stale one is read again. */
  const toggleCanned = (c: Canned) =>
    call('cannedReplies.save', {
      id: c.id,
      version: c.version,
      canned: { title: c.title, body: c.body, kind: c.kind, active: !c.active },
    }).then(
      () => loadReplies(),
      (e: unknown) => {
        report(e);
        void loadReplies();
      },
    );
  const toggleTag = (tag: Tag) =>
    call('tags.save', { id: tag.id, version: tag.version, tag: { name: tag.name, color: tag.color, archived: !tag.archived } }).then(
      () => loadTags(),
      (e: unknown) => {
        report(e);
        void loadTags();
      },
    );

  const inboxName = (k: Canned['kind']) => (k === null ? t('replies.everyInbox') : t(`${INBOX_KINDS[k].words}.nav`));
  return (
    <section className="pane staff replies-screen" aria-label={t('replies.nav')}>
      <div className="audit-head">
        <h2>{t('replies.nav')}</h2>
      </div>
      <p className="muted">{t('replies.intro')}</p>
      {saved && (
        <p className="ok" role="status" data-testid="replies-saved">
          {t('replies.saved', { name: saved })}
        </p>
      )}

      <section aria-labelledby="canned-heading" className="replies-section">
        <div className="audit-head">
          <h3 id="canned-heading">{t('replies.canned.heading')}</h3>
          <button type="button" className="primary" onClick={() => open({ kind: 'canned', canned: null })}>
            {t('replies.canned.add')}
          </button>
        </div>
        {panel?.kind === 'canned' && (
          <CannedForm
            key={panel.canned?.id ?? 'new'}
            canned={panel.canned}
            onSaved={(title) => {
              close();
              setSaved(title);
              void loadReplies();
            }}
            onStale={async () => (await loadReplies()).find((c) => c.id === panel.canned?.id)}
            onClose={close}
          />
        )}
        {replies?.length === 0 ? (
          <p className="empty-state">{t('replies.canned.empty')}</p>
        ) : (
          <table className="audit-table" data-testid="canned-replies">
            <thead>
              <tr>
                <th>{t('replies.canned.title')}</th>
                <th>{t('replies.canned.kind')}</th>
                <th>{t('replies.state')}</th>
                <th>{t('replies.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {(replies ?? []).map((c) => (
                <tr key={c.id} className={c.active ? '' : 'muted'} data-testid="canned-row">
                  <td>
                    <bdi>{c.title}</bdi>
                  </td>
                  <td>{inboxName(c.kind)}</td>
                  <td>{c.active ? t('replies.inUse') : t('replies.archived')}</td>
                  <RowActions
                    editLabel={t('replies.canned.editLabel', { title: c.title })}
                    inUse={c.active}
                    onEdit={() => open({ kind: 'canned', canned: c })}
                    onToggle={() => void toggleCanned(c)}
                  />
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="tags-heading" className="replies-section">
        <div className="audit-head">
          <h3 id="tags-heading">{t('replies.tags.heading')}</h3>
          <button type="button" className="primary" onClick={() => open({ kind: 'tag', tag: null })}>
            {t('replies.tags.addButton')}
          </button>
        </div>
        {panel?.kind === 'tag' && (
          <TagForm
            key={panel.tag?.id ?? 'new'}
            tag={panel.tag}
            others={tags ?? []}
            onSaved={(name) => {
              close();
              setSaved(name);
              void loadTags();
            }}
            onStale={async () => (await loadTags()).find((tag) => tag.id === panel.tag?.id)}
            onClose={close}
          />
        )}
        {tags?.length === 0 ? (
          <p className="empty-state">{t('replies.tags.empty')}</p>
        ) : (
          <table className="audit-table" data-testid="tags">
            <thead>
              <tr>
                <th>{t('replies.tags.name')}</th>
                <th>{t('replies.tags.color')}</th>
                <th>{t('replies.state')}</th>
                <th>{t('replies.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {(tags ?? []).map((tag) => (
                <tr key={tag.id} className={tag.archived ? 'muted' : ''} data-testid="tag-row">
                  <td>
                    <TagChip tag={tag} />
                  </td>
                  <td>{t(`replies.colors.${tag.color}`)}</td>
                  <td>{tag.archived ? t('replies.archived') : t('replies.inUse')}</td>
                  <RowActions
                    editLabel={t('replies.tags.editLabel', { name: tag.name })}
                    inUse={!tag.archived}
                    onEdit={() => open({ kind: 'tag', tag })}
                    onToggle={() => void toggleTag(tag)}
                  />
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}

/** A list read when the screen opens and again on demand (after a save, a stale save); an error is reported, the list left empty. */
function useList<T>(read: () => Promise<T[]>): [T[] | null, () => Promise<T[]>] {
  const report = useReport();
  const [items, setItems] = useState<T[] | null>(null);
  const load = useCallback(
    () =>
      read().then(
        (list) => {
          setItems(list);
          return list;
        },
        (e: unknown) => {
          report(e);
          return [];
        },
      ),
    [read, report],
  );
  useEffect(() => void load(), [load]);
  return [items, load];
}

/** A row's edit button (named for the row, for a screen reader) and its archive or use-again button. */
function RowActions({
  editLabel,
  inUse,
  onEdit,
  onToggle,
}: {
  editLabel: string;
  inUse: boolean;
  onEdit: () => void;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  return (
    <td className="row-actions">
      <button type="button" aria-label={editLabel} onClick={onEdit}>
        {t('replies.edit')}
      </button>
      <button type="button" onClick={onToggle}>
        {inUse ? t('replies.archive') : t('replies.restore')}
      </button>
    </td>
  );
}
