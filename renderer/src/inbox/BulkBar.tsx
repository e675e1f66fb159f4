/**
 * Bulk actions in an inbox's list (`<inbox>.bulk`): the person picks rows (a checkbox on each, `x` for the open one,
 * Shift+click for a range, or every row loaded), then one action (assign or unassign, a status, a tag on or off),
 * confirms it by the count it names, and reads the outcome: how many went through and, for each refused, its
 * subject and why, in their language. Each item is changed on the version the list showed when it was picked,
 * so one changed elsewhere since (a sync brought it) is refused as such rather than overwritten.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { STATUSES, type Status } from '../../../common/vocabulary/submissions.ts';
import type { Input, Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { useShortcuts } from '../components/useShortcuts.ts';
import { useTags } from '../replies/tags.tsx';
import { method, type InboxApi, type InboxConfig, type Row } from './kinds.ts';
import type { PagedList } from './usePagedList.ts';

/** Told on the window when a bulk change landed, so the open submission is read again (DetailPane). */
export const BULK_CHANGED = 'backdesk:bulk-changed';

/** The contract's most items in one call: a larger selection goes in several. */
const MAX_PER_CALL = 200;

/** A row as it was when picked: its version is what the change is made on, its subject names it in the outcome. */
interface Picked {
  id: string;
  version: number;
  subject: string;
}

type BulkRow = Pick<Row, 'id' | 'version' | 'subject'>;

/** The selection of an inbox's list: rows by id, with where the last click was (the start of a Shift+click range). */
export function useSelection<R extends BulkRow>(list: PagedList<R>, openId: string | null) {
  const [picked, setPicked] = useState<ReadonlyMap<string, Picked>>(new Map());
  const anchor = useRef<number | null>(null);
  const pick = (row: R): Picked => ({ id: row.id, version: row.version, subject: row.subject });

  // Other filters make another list: what was picked in the old one is not on screen to act on.
  useEffect(() => {
    setPicked(new Map());
    anchor.current = null;
  }, [list.ensure]);

  /** One row on or off; with Shift, every row from the last one clicked to this one is picked. */
  const toggle = (index: number, range = false) => {
    const row = list.rowAt(index);
    if (!row) return;
    const from = anchor.current;
    anchor.current = index;
    setPicked((old) => {
      const next = new Map(old);
      if (range && from !== null) {
        for (let i = Math.min(from, index); i <= Math.max(from, index); i++) {
          const r = list.rowAt(i);
          if (r && !next.has(r.id)) next.set(r.id, pick(r));
        }
      } else if (next.has(row.id)) next.delete(row.id);
      else next.set(row.id, pick(row));
      return next;
    });
  };
  const toggleOpen = () => toggle(list.indexOf(openId));
  /** Every row loaded, or none when all of them already are. */
  const toggleAll = () => {
    const all = Array.from({ length: list.loadedCount }, (_, i) => list.rowAt(i)).filter((r): r is R => r !== undefined);
    setPicked((old) => (all.length > 0 && all.every((r) => old.has(r.id)) ? new Map() : new Map(all.map((r) => [r.id, pick(r)]))));
  };
  const clear = useCallback(() => {
    setPicked(new Map());
    anchor.current = null;
  }, []);
  return { picked, toggle, toggleOpen, toggleAll, clear };
}

export type Selection = ReturnType<typeof useSelection>;

/** A row's checkbox; a click picks the row without opening it, Shift+click a range. */
export function RowCheck({ selection, index, row }: { selection: Selection; index: number; row: BulkRow }) {
  const { t } = useTranslation();
  return (
    <input
      type="checkbox"
      className="row-check"
      data-testid="row-check"
      aria-label={t('bulk.selectRow', { subject: row.subject })}
      checked={selection.picked.has(row.id)}
      onClick={(e) => {
        // Picking a row does not open it. (No preventDefault: React would then draw the box wrong.)
        e.stopPropagation();
        selection.toggle(index, e.shiftKey);
      }}
      // Space on the focused box clicks it too; the box is drawn from the selection, so its change needs nothing more.
      onChange={() => {}}
    />
  );
}

type Action =
  | { do: 'assign'; assigneeId: string | null; name: string }
  | { do: 'status'; status: Status }
  | { do: 'tags'; add: string[]; remove: string[]; tag: string };

interface Outcome {
  action: Action;
  done: number;
  refused: { id: string; subject: string; reason: string }[];
}

type Refusal = Extract<Output<`${InboxApi}.bulk`>['results'][number], { ok: false }>;

/** The API's reason (English, from main/core) in the person's words; a reason not known here is shown as it came. */
export function reasonOf(t: TFunction, r: Pick<Refusal, 'code' | 'message'>): string {
  if (r.code === 'stale' || r.message.includes('changed since')) return t('bulk.reasons.stale');
  if (r.code === 'not_found') return t('bulk.reasons.notFound');
  const notWorking = /^(.*) does not work the \S+ inbox/.exec(r.message);
  if (notWorking) return t('bulk.reasons.notWorking', { name: notWorking[1] });
  if (r.message.includes('a claim is closed by its steps')) return t('bulk.reasons.closedBySteps');
  if (r.message.includes('a finished claim stays closed')) return t('bulk.reasons.finished');
  return r.message;
}

/** The confirmation's question, naming how many (`what`: the inbox's own count, "12 khiếu nại"). */
function question(t: TFunction, action: Action, what: string): string {
  switch (action.do) {
    case 'assign':
      return action.assigneeId ? t('bulk.confirm.assign', { what, name: action.name }) : t('bulk.confirm.unassign', { what });
    case 'status':
      return t('bulk.confirm.status', { what, status: t(`status.${action.status}`) });
    case 'tags':
      return t(action.add.length ? 'bulk.confirm.add' : 'bulk.confirm.remove', { what, tag: action.tag });
  }
}

const doneWords = (a: Action) => (a.do === 'assign' ? (a.assigneeId ? 'assign' : 'unassign') : a.do);

export function BulkBar<R extends BulkRow>({
  config,
  list,
  selection,
  openId,
}: {
  config: InboxConfig;
  list: PagedList<R>;
  selection: Selection;
  openId: string | null;
}) {
  const { t } = useTranslation();
  const report = useReport();
  const { api, words } = config;
  const { picked } = selection;
  const count = picked.size;
  const [choice, setChoice] = useState('');
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const chooser = useRef<HTMLSelectElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  // Who may be assigned and which tags exist: read once something is picked, when the actions are offered.
  const [assignees, setAssignees] = useState<Output<`${InboxApi}.assignees`>>([]);
  const offered = count > 0;
  useEffect(() => {
    if (offered) call(method(api, 'assignees'), {}).then(setAssignees, report);
  }, [api, offered, report]);
  const tags = useTags(offered).filter((tag) => !tag.archived);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  // `x` picks the open row, Escape lets the selection go; a dialog in front (the ? help, the palette) keeps its keys.
  const inDialog = () => document.querySelector('[role=dialog], [aria-modal=true]') !== null;
  useShortcuts(!busy && !confirming, {
    x: () => {
      if (!inDialog() && openId) selection.toggleOpen();
    },
    Escape: () => {
      if (!inDialog()) selection.clear();
    },
  });

  const actionOf = (value: string): Action | null => {
    const [kind, arg = ''] = value.split(':');
    if (kind === 'assign') return { do: 'assign', assigneeId: arg || null, name: assignees.find((a) => a.id === arg)?.displayName ?? '' };
    if (kind === 'status') return { do: 'status', status: arg as Status };
    const tag = tags.find((x) => x.id === arg);
    if ((kind === 'add' || kind === 'remove') && tag)
      return { do: 'tags', add: kind === 'add' ? [tag.id] : [], remove: kind === 'remove' ? [tag.id] : [], tag: tag.name };
    return null;
  };

  const run = async (action: Action) => {
    setConfirming(null);
    // The last change's outcome goes as this one starts: what shows next is this one's.
    setOutcome(null);
    setBusy(true);
    const items = [...picked.values()];
    const input: Input<`${InboxApi}.bulk`>['action'] =
      action.do === 'assign'
        ? { do: 'assign', assigneeId: action.assigneeId }
        : action.do === 'status'
          ? { do: 'status', status: action.status }
          : { do: 'tags', add: action.add, remove: action.remove };
    try {
      const results: Output<`${InboxApi}.bulk`>['results'] = [];
      for (let i = 0; i < items.length; i += MAX_PER_CALL) {
        const part = items.slice(i, i + MAX_PER_CALL).map(({ id, version }) => ({ id, version }));
        results.push(...(await call(method(api, 'bulk'), { items: part, action: input })).results);
      }
      const subject = (id: string) => picked.get(id)?.subject ?? id;
      // The rows are read again before the outcome shows, so what is picked next is picked on their new versions.
      await list.refresh();
      setOutcome({
        action,
        done: results.filter((r) => r.ok).length,
        refused: results.flatMap((r) => (r.ok ? [] : [{ id: r.id, subject: subject(r.id), reason: reasonOf(t, r) }])),
      });
      selection.clear();
      setChoice('');
    } catch (e) {
      report(e, words);
      // Some may have gone through before a later part failed: the list shows it.
      void list.refresh();
    } finally {
      setBusy(false);
      window.dispatchEvent(new Event(BULK_CHANGED));
      chooser.current?.focus();
    }
  };

  const loaded = list.loadedCount;
  const what = t(`${words}.count`, { count });
  const chosen = actionOf(choice);
  return (
    <div className="bulk-bar" role="region" aria-label={t('bulk.toolbar')} data-testid="bulk-bar">
      <div className="bulk-line">
        <label className="bulk-all">
          <input
            type="checkbox"
            data-testid="select-all"
            checked={loaded > 0 && count >= loaded}
            ref={(el) => {
              if (el) el.indeterminate = count > 0 && count < loaded;
            }}
            onChange={selection.toggleAll}
            disabled={loaded === 0 || busy}
          />
          <span>{t('bulk.selectAll', { count: loaded })}</span>
        </label>
        {count > 0 && (
          <>
            <strong className="bulk-count" data-testid="bulk-count">
              {t('bulk.selected', { what })}
            </strong>
            <button type="button" className="link" onClick={selection.clear} disabled={busy}>
              {t('bulk.clear')}
            </button>
          </>
        )}
      </div>
      {count > 0 && (
        <form
          className="bulk-line"
          onSubmit={(e) => {
            e.preventDefault();
            if (chosen) setConfirming(chosen);
          }}
        >
          <select
            ref={chooser}
            aria-label={t('bulk.action')}
            data-testid="bulk-action"
            value={choice}
            disabled={busy}
            onChange={(e) => setChoice(e.target.value)}
          >
            <option value="">{t('bulk.choose')}</option>
            <optgroup label={t('bulk.assignGroup')}>
              {assignees.map((a) => (
                <option key={a.id} value={`assign:${a.id}`}>
                  {t('bulk.assignTo', { name: a.displayName })}
                </option>
              ))}
              <option value="assign:">{t('bulk.unassign')}</option>
            </optgroup>
            <optgroup label={t('bulk.statusGroup')}>
              {STATUSES.map((s) => (
                <option key={s} value={`status:${s}`}>
                  {t('bulk.statusTo', { status: t(`status.${s}`) })}
                </option>
              ))}
            </optgroup>
            {tags.length > 0 &&
              (['add', 'remove'] as const).map((way) => (
                <optgroup key={way} label={t(`bulk.${way}Group`)}>
                  {tags.map((tag) => (
                    <option key={tag.id} value={`${way}:${tag.id}`}>
                      {t(`bulk.${way}Tag`, { tag: tag.name })}
                    </option>
                  ))}
                </optgroup>
              ))}
          </select>
          <button type="submit" disabled={!chosen || busy || confirming !== null}>
            {busy ? t('bulk.working') : t('bulk.apply')}
          </button>
        </form>
      )}
      {confirming && (
        <div
          className="bulk-confirm"
          role="alertdialog"
          aria-labelledby="bulk-question"
          data-testid="bulk-confirm"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            // Escape here takes back the question only; the selection stays.
            e.stopPropagation();
            setConfirming(null);
            chooser.current?.focus();
          }}
        >
          <p id="bulk-question">{question(t, confirming, what)}</p>
          <button ref={confirmButton} type="button" className="primary" onClick={() => void run(confirming)}>
            {t('bulk.confirm.yes')}
          </button>
          <button
            type="button"
            onClick={() => {
              setConfirming(null);
              chooser.current?.focus();
            }}
          >
            {t('bulk.confirm.no')}
          </button>
        </div>
      )}
      {outcome && <OutcomeNote outcome={outcome} onDismiss={() => setOutcome(null)} />}
    </div>
  );
}

/** "Đã phân công 10 · 2 không được:" and each refused one by its subject, with why. */
function OutcomeNote({ outcome, onDismiss }: { outcome: Outcome; onDismiss: () => void }) {
  const { t } = useTranslation();
  const { action, done, refused } = outcome;
  const head = [
    t(`bulk.done.${doneWords(action)}`, { count: done }),
    ...(refused.length ? [t('bulk.refused', { count: refused.length })] : []),
  ].join(' · ');
  return (
    <div className={`bulk-outcome${refused.length ? ' has-refused' : ''}`} role="status" data-testid="bulk-outcome">
      <div className="bulk-line">
        <span data-testid="bulk-outcome-head">{head}</span>
        <span className="spacer" />
        <button type="button" className="link" onClick={onDismiss}>
          {t('bulk.dismiss')}
        </button>
      </div>
      {refused.length > 0 && (
        <ul>
          {refused.map((r) => (
            <li key={r.id} data-testid="bulk-refused">
              {t('bulk.refusedItem', { subject: r.subject, reason: r.reason })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
