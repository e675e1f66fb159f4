/**
 * The command palette (Ctrl+K, ⌘K on a Mac): one box that jumps. Screens and inboxes the person may open and
 * their saved views are matched as they type (marks and case aside, match.ts); a reference, an email or a phone
 * number typed whole is looked up (useFind.ts) for its submission or its customer, who opens at their newest
 * submission. Arrows move, Enter goes, Escape closes with the focus back where it was. A combobox whose listbox
 * holds one group per kind of result, so a screen reader names the group of the option it reads.
 */
import { Fragment, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { submissionReference } from '../../../common/vocabulary/submissions.ts';
import { useReport } from '../components/Notices.tsx';
import { INBOX_KINDS, type Filters, type InboxKind } from '../inbox/kinds.ts';
import { matchLocal } from './match.ts';
import { useFind } from './useFind.ts';
import { useSavedViews } from './views.ts';
import './palette.css';

/** A screen of the navigation, as the palette offers it. */
export interface PaletteScreen {
  key: string;
  title: string;
  go: () => void;
}
interface Entry {
  key: string;
  title: string;
  body?: string;
  detail?: string;
  run: () => void;
}
const GROUPS = ['screens', 'views', 'submissions', 'customers'] as const;

export function CommandPalette({
  screens,
  onOpen,
  onClose,
}: {
  screens: PaletteScreen[];
  /** An inbox with a submission open (id), or in a view's filters. */
  onOpen: (kind: InboxKind, id: string | null, filters?: Filters) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const report = useReport();
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(0);
  const [enterWaiting, setEnterWaiting] = useState(false);
  // Where the focus was when the palette opened: it goes back there when the palette closes with nothing chosen.
  const [before] = useState(() => document.activeElement);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const { views } = useSavedViews(report);
  const { found, looking } = useFind(typed, report);
  useEffect(() => inputRef.current?.focus(), []);

  const inboxName = (kind: InboxKind) => t(`${INBOX_KINDS[kind].words}.nav`);
  const go = (run: () => void) => () => {
    onClose();
    run();
  };
  const groups: Record<(typeof GROUPS)[number], Entry[]> = {
    screens: matchLocal(
      typed,
      screens.map((s) => ({ ...s, run: go(s.go) })),
    ),
    views: matchLocal(
      typed,
      (views ?? []).flatMap((v) =>
        // A view of an inbox the person no longer works opens nothing.
        v.count === null
          ? []
          : [
              {
                key: `view-${v.id}`,
                title: v.name,
                body: inboxName(v.kind),
                detail: `${inboxName(v.kind)} · ${t(`palette.views.${v.count.exact ? 'count' : 'countMore'}`, { count: v.count.n })}`,
                run: go(() => onOpen(v.kind, null, v.filters)),
              },
            ],
      ),
    ),
    submissions: found.submissions.map((s) => ({
      key: `submission-${s.id}`,
      title: submissionReference(s.kind, s.id),
      detail: `${s.subject} · ${inboxName(s.kind)} · ${t(`status.${s.status}`)}`,
      run: go(() => onOpen(s.kind, s.id)),
    })),
    customers: found.customers.map((c) => ({
      key: `customer-${c.id}`,
      title: c.name,
      detail: t('palette.customer', { inbox: inboxName(c.latest.kind), count: c.submissionCount }),
      run: go(() => onOpen(c.latest.kind, c.latest.id)),
    })),
  };
  const flat = GROUPS.flatMap((g) => groups[g]);
  const current = Math.max(0, Math.min(active, flat.length - 1));
  const activeId = flat[current] ? `${listId}-${flat[current].key}` : undefined;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);
  // Enter pressed before the lookup answered: it goes to the first result when the answer comes.
  const first = flat[0];
  useEffect(() => {
    if (!enterWaiting || looking) return;
    setEnterWaiting(false);
    first?.run();
  }, [enterWaiting, looking, first]);

  const close = () => {
    onClose();
    if (before instanceof HTMLElement && before.isConnected) before.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      if (flat.length) setActive((current + step + flat.length) % flat.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (flat[current]) flat[current].run();
      else if (looking) setEnterWaiting(true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation(); // closing the palette is all this Escape does
      close();
    } else if (e.key === 'Tab') {
      e.preventDefault(); // a modal dialog with one field: the focus stays in it
    }
  };

  return (
    <div className="overlay palette-overlay" onMouseDown={close}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label={t('palette.title')}
        className="palette"
        data-testid="palette"
        onMouseDown={(e) => e.stopPropagation()}
      >
        <input
          ref={inputRef}
          type="text"
          role="combobox"
          className="palette-search"
          autoComplete="off"
          spellCheck={false}
          aria-label={t('palette.search')}
          placeholder={t('palette.search')}
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            setActive(0);
            setEnterWaiting(false);
          }}
          onKeyDown={onKeyDown}
        />
        <div id={listId} role="listbox" className="palette-options" aria-label={t('palette.results')}>
          {GROUPS.map((g) =>
            groups[g].length === 0 ? null : (
              <div key={g} role="group" aria-labelledby={`${listId}-${g}`} data-testid={`palette-${g}`}>
                <div id={`${listId}-${g}`} role="presentation" className="palette-group muted small">
                  {t(`palette.groups.${g}`)}
                </div>
                {groups[g].map((entry) => {
                  const selected = flat[current] === entry;
                  return (
                    <div
                      key={entry.key}
                      id={`${listId}-${entry.key}`}
                      role="option"
                      aria-selected={selected}
                      className={selected ? 'palette-option active' : 'palette-option'}
                      data-testid="palette-option"
                      onMouseDown={(e) => {
                        e.preventDefault();
                        entry.run();
                      }}
                    >
                      <bdi className="palette-title">{entry.title}</bdi>
                      {entry.detail && (
                        <Fragment>
                          {' '}
                          <span className="muted small palette-detail">{entry.detail}</span>
                        </Fragment>
                      )}
                    </div>
                  );
                })}
              </div>
            ),
          )}
        </div>
        <div className="muted small palette-status" role="status" data-testid="palette-status">
          {looking ? t('palette.looking') : flat.length === 0 && typed.trim() ? t('palette.noMatch') : ''}
        </div>
        <div className="muted small palette-hint">{t('palette.hint')}</div>
      </div>
    </div>
  );
}
