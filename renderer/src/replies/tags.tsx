/**
 * Tags as the inbox shows them: the organisation's tags read from the desk (tags.list), and a tag drawn as a chip,
 * its colour always with its name (a colour alone says nothing to someone who cannot tell red from green). Kept
 * free of zod (only types come from the protocol) because the inbox is in the main bundle; replies.css styles it.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagColor } from '../../../common/protocol/tags.ts';
import type { Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { useAfterSync } from '../api/desk-status.tsx';
import { useReport } from '../components/Notices.tsx';
import './replies.css';

export type Tag = Output<'tags.list'>[number];

/**
 * Every tag of the organisation, archived ones too (older submissions carry them, the timeline names them), read
 * when the component appears, again whenever `key` changes (the person opened the list of them, a filter), and
 * after each sync, which may bring a tag made on another desk (tags.list is passive: reading it in the
 * background does not keep an idle session from locking). Not read at all while `needed` is false: opening a
 * submission reads only what it shows.
 */
export function useTags(key: unknown = null, needed = true): Tag[] {
  const report = useReport();
  const [tags, setTags] = useState<Tag[]>([]);
  const [synced, setSynced] = useState(0);
  useAfterSync(useCallback(() => setSynced((n) => n + 1), []));
  useEffect(() => {
    if (!needed) return;
    let live = true;
    call('tags.list', { includeArchived: true }).then((list) => live && setTags(list), report);
    return () => {
      live = false;
    };
  }, [key, needed, synced, report]);
  return tags;
}

/** One tag: its colour and its name; `onRemove` adds a button that takes it off, named for a screen reader. */
export function TagChip({
  tag,
  onRemove,
}: {
  tag: { id: string; name: string; color: TagColor; archived: boolean };
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <span className={`tag-chip tag-${tag.color}`} data-testid="tag-chip" data-tag-id={tag.id}>
      <span className="tag-dot" aria-hidden="true" />
      <bdi>{tag.name}</bdi>
      {tag.archived && <span className="tag-archived"> {t('replies.tags.archivedMark')}</span>}
      {onRemove && (
        <button type="button" className="tag-remove" aria-label={t('replies.tags.remove', { name: tag.name })} onClick={onRemove}>
          ×
        </button>
      )}
    </span>
  );
}
