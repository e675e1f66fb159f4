/**
 * The canned-reply picker of the reply box (Ctrl+/ there): the active canned replies of this inbox and of every
 * inbox (cannedReplies.list, read when it opens), searched by title and body without regard to marks ("tra hang"
 * finds "Trả hàng"), arrows to move, Enter to insert the one chosen, Escape to close. What is inserted is the
 * reply filled for this submission by `<inbox>.cannedReply` (the customer's form of address and name, its
 * reference, the signer), never the raw `{{…}}` text, so the customer cannot receive a variable by mistake.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionKind } from '../../../common/vocabulary/submissions.ts';
import type { Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { method, type InboxApi } from '../inbox/kinds.ts';
import { search } from './search.ts';
import './replies.css';

type Canned = Output<'cannedReplies.list'>[number];

/** How much of a body each option shows under its title. */
const EXCERPT = 90;
const excerpt = (body: string) => {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1).trimEnd()}…` : flat;
};

export function CannedPicker({
  api,
  kind,
  submissionId,
  onInsert,
  onClose,
  onLeave,
}: {
  api: InboxApi;
  kind: SubmissionKind;
  submissionId: string;
  /** The filled body, to go in at the reply box's cursor. */
  onInsert: (body: string) => void;
  /** Escape: closed, the focus back in the reply box. */
  onClose: () => void;
  /** The focus went elsewhere (a click, Tab): closed, the focus left where it went. */
  onLeave: () => void;
}) {
  const { t } = useTranslation();
  const report = useReport();
  const [all, setAll] = useState<Canned[] | null>(null);
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.focus();
    call('cannedReplies.list', { kind }).then(setAll, (e: unknown) => {
      report(e);
      setAll([]);
    });
  }, [kind, report]);
  const found = search(typed, all ?? []);
  const current = Math.min(active, found.length - 1);

  const insert = async (canned: Canned | undefined) => {
    if (!canned || busy) return;
    setBusy(true);
    try {
      const filled = await call(method(api, 'cannedReply'), { id: submissionId, cannedId: canned.id });
      onInsert(filled.body);
    } catch (e) {
      report(e);
      setBusy(false);
    }
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (found.length ? (Math.max(0, Math.min(a, found.length - 1)) + step + found.length) % found.length : 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void insert(found[current]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation(); // closing the picker is all this Escape does
      onClose();
    }
  };

  return (
    <div className="canned-picker" role="dialog" aria-label={t('replies.picker.title')} data-testid="canned-picker">
      <input
        ref={inputRef}
        type="text"
        role="combobox"
        className="canned-search"
        autoComplete="off"
        spellCheck={false}
        aria-label={t('replies.picker.search')}
        placeholder={t('replies.picker.search')}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={found[current] ? `${listId}-${found[current].id}` : undefined}
        value={typed}
        onChange={(e) => {
          setTyped(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={(e) => {
          // Leaving the picker (a click elsewhere, Tab) closes it; a click on an option keeps the focus (mousedown).
          if (!e.currentTarget.parentElement?.contains(e.relatedTarget)) onLeave();
        }}
      />
      <ul id={listId} role="listbox" className="canned-options" aria-label={t('replies.picker.options')}>
        {all === null && (
          <li className="muted small" role="presentation">
            {t('replies.picker.loading')}
          </li>
        )}
        {all !== null && found.length === 0 && (
          <li className="muted small" role="presentation" data-testid="canned-none">
            {all.length === 0 ? t('replies.picker.empty') : t('replies.picker.noMatch')}
          </li>
        )}
        {found.map((c, i) => (
          <li
            key={c.id}
            id={`${listId}-${c.id}`}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'active' : ''}
            data-testid="canned-option"
            onMouseDown={(e) => {
              e.preventDefault();
              void insert(c);
            }}
          >
            <span className="canned-title">
              <bdi>{c.title}</bdi>
              {c.kind === null && <span className="muted small"> · {t('replies.everyInbox')}</span>}
            </span>
            <span className="muted small canned-excerpt">{excerpt(c.body)}</span>
          </li>
        ))}
      </ul>
      <div className="muted small canned-hint">{t('replies.picker.hint')}</div>
    </div>
  );
}
