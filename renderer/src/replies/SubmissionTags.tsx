/**
 * A submission's tags: chips (colour and name) with a button each that takes the tag off, and a small combobox of
 * the active tags it does not have yet, worked from the keyboard: type to narrow (without regard to marks: "gap"
 * finds "Gấp"), arrows to move, Enter to put the tag on, Escape to close the list, Backspace in the empty box to
 * take the last tag off. Each change goes through `<inbox>.setTags` naming only that tag, so two people tagging the
 * same submission apart never undo each other.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Detail } from '../inbox/kinds.ts';
import { search } from './search.ts';
import { TagChip, useTags } from './tags.tsx';

export function SubmissionTags({
  detail,
  onChange,
}: {
  detail: Pick<Detail, 'id' | 'tags'>;
  /** Puts tags on and takes others off; true once it landed. */
  onChange: (change: { add?: string[]; remove?: string[] }) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState(false);
  // The tags to offer, read when the person opens the list of them (the chips name the submission's own).
  const all = useTags(open, open);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const listId = useId();
  const held = new Set(detail.tags.map((tag) => tag.id));
  const offered = search(
    typed,
    all.filter((tag) => !tag.archived && !held.has(tag.id)).map((tag) => ({ ...tag, title: tag.name })),
  );
  const current = Math.min(active, offered.length - 1);

  const apply = async (change: { add?: string[]; remove?: string[] }) => {
    if (busy) return;
    setBusy(true);
    await onChange(change);
    setBusy(false);
  };
  const choose = (id: string) => {
    setTyped('');
    setActive(0);
    void apply({ add: [id] });
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (offered.length ? (Math.min(a, offered.length - 1) + step + offered.length) % offered.length : 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const tag = offered[current];
      if (open && tag) choose(tag.id);
      else setOpen(true);
    } else if (e.key === 'Escape' && open) {
      // The first Escape closes the list; the next leaves the box (useShortcuts), so the keys work again.
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    } else if (e.key === 'Backspace' && typed === '' && detail.tags.length > 0) {
      e.preventDefault();
      void apply({ remove: [detail.tags[detail.tags.length - 1]!.id] });
    }
  };

  return (
    <div className="submission-tags" data-testid="submission-tags">
      <span className="submission-tags-label" id={`${listId}-label`}>
        {t('replies.tags.label')}
      </span>
      <ul className="tag-list" aria-labelledby={`${listId}-label`}>
        {detail.tags.length === 0 && <li className="muted small">{t('replies.tags.none')}</li>}
        {detail.tags.map((tag) => (
          <li key={tag.id}>
            <TagChip tag={tag} onRemove={() => void apply({ remove: [tag.id] })} />
          </li>
        ))}
      </ul>
      <div className="tag-combo">
        <input
          type="text"
          role="combobox"
          className="tag-input"
          autoComplete="off"
          spellCheck={false}
          aria-label={t('replies.tags.add')}
          placeholder={t('replies.tags.addPlaceholder')}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && offered[current] ? `${listId}-${offered[current].id}` : undefined}
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {open && (
          <ul id={listId} role="listbox" className="tag-options" aria-label={t('replies.tags.options')}>
            {offered.length === 0 && (
              <li className="muted small" role="presentation">
                {t('replies.tags.noMatch')}
              </li>
            )}
            {offered.map((tag, i) => (
              <li
                key={tag.id}
                id={`${listId}-${tag.id}`}
                role="option"
                aria-selected={i === current}
                className={i === current ? 'active' : ''}
                // mousedown, not click: the box keeps its focus (a click would blur it and close the list first).
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(tag.id);
                }}
              >
                <TagChip tag={tag} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
