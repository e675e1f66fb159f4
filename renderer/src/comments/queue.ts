/**
 * The moderation queue's state, as pure steps. The selection is a comment's id, never a position: a
 * re-read of the rows (after a sync or a decision) keeps it; a decision moves it to the comment that was
 * below the decided one; only when the selected comment has left the tab (decided elsewhere) does the
 * queue pick for the person — the comment that was below it — and say so. Comments that sync in above the
 * selection wait behind a "N new" cue, so the selected comment does not move on screen.
 */
import type { COMMENT_FILTERS, Decision } from '../../../common/vocabulary/comments.ts';
import type { Output } from '../../../main/api/contract.ts';

export type Comment = Output<'comments.list'>['rows'][number];
export type Filter = (typeof COMMENT_FILTERS)[number];
export interface Rows {
  total: number;
  rows: Comment[];
}

export interface Queue {
  filter: Filter;
  /** The rows loaded, in the tab's order, those held back included. */
  rows: Comment[];
  total: number | null;
  selected: string | null;
  /** Comments that came in above the selection, behind the "N new" cue until the person asks for them. */
  held: ReadonlySet<string>;
  /** The selected comment left the tab (decided elsewhere) and the queue selected the next one. */
  moved: boolean;
  /** Comments picked with Space for one decision on them all (Shift+a/x/s). */
  checked: ReadonlySet<string>;
}

export const emptyQueue = (filter: Filter): Queue => ({
  filter,
  rows: [],
  total: null,
  selected: null,
  held: new Set(),
  moved: false,
  checked: new Set(),
});

/** The rows on screen: those loaded, less those behind the cue. */
export const shown = (q: Queue): Comment[] => (q.held.size ? q.rows.filter((r) => !q.held.has(r.id)) : q.rows);

/** With no selection (a new tab, an empty one filling, nothing left around it), nothing is held and the first row is selected. */
function settle(q: Queue): Queue {
  if (q.selected && q.rows.some((r) => r.id === q.selected)) return q;
  return { ...q, held: new Set(), selected: q.rows[0]?.id ?? null };
}

/** The first read of a tab. */
export const loaded = (q: Queue, page: Rows): Queue =>
  settle({ ...q, rows: page.rows, total: page.total, selected: null, held: new Set(), moved: false, checked: new Set() });

/**
 * A re-read of the tab merged in. The selection stays while its comment is in the tab; rows new above it
 * are held. `all`: keep every row read ("more"); otherwise keep the stretch the person had loaded.
 */
export function merged(q: Queue, page: Rows, all: boolean, pageSize: number): Queue {
  const ids = new Set(page.rows.map((r) => r.id));
  const before = shown(q);
  let { selected, moved } = q;
  if (selected && !ids.has(selected)) {
    // Decided elsewhere: the comment that was below it, or, at the end, the one that was above it.
    const at = before.findIndex((r) => r.id === selected);
    const next = [...before.slice(at + 1), ...before.slice(0, Math.max(at, 0)).reverse()].find((r) => ids.has(r.id));
    selected = next?.id ?? null;
    moved = selected !== null;
  }
  const old = new Set(q.rows.map((r) => r.id));
  const at = selected ? page.rows.findIndex((r) => r.id === selected) : -1;
  let keep = page.rows.length;
  if (!all && !(q.total !== null && q.rows.length >= q.total)) {
    // Down to the last row that was loaded (rows new below it come with "more"), and at least to the selection.
    let last = -1;
    page.rows.forEach((r, i) => old.has(r.id) && (last = i));
    keep = last >= 0 ? Math.max(last, at) + 1 : Math.min(page.rows.length, Math.max(pageSize, q.rows.length));
  }
  const rows = unchangedKept(q.rows, page.rows.slice(0, keep));
  const held = new Set(at > 0 && q.selected ? rows.slice(0, at).flatMap((r) => (q.held.has(r.id) || !old.has(r.id) ? [r.id] : [])) : []);
  // A picked comment decided elsewhere is no longer there to decide.
  const checked = new Set([...q.checked].filter((id) => ids.has(id)));
  return settle({ ...q, rows, total: page.total, selected, held, moved, checked });
}

/**
 * The rows as read, with the objects already held for those that did not change: a re-read (after each decision, each
 * sync) then redraws only the cards whose comment changed, not every card on screen (CommentCard is memoised).
 */
function unchangedKept(held: readonly Comment[], read: Comment[]): Comment[] {
  const before = new Map(held.map((r) => [r.id, r]));
  return read.map((r) => {
    const old = before.get(r.id);
    return old && JSON.stringify(old) === JSON.stringify(r) ? old : r;
  });
}

/** The tabs where comments are decided: the queue, and published comments readers reported. */
export const decides = (filter: Filter): boolean => filter === 'pending' || filter === 'reported';

/** A decision on comment `id`: it leaves the tab at once (the re-read that follows confirms it) and the one below it is selected. */
export function decided(q: Queue, id: string, decision: Decision): Queue {
  const list = shown(q);
  const at = list.findIndex((r) => r.id === id);
  if (at < 0) return q;
  const next = list[at + 1] ?? (leaves(q, decision) ? list[at - 1] : list[at]);
  return settle({ ...decidedMany(q, [id], decision), selected: next?.id ?? null });
}

/** Whether a decision takes a comment out of the tab: a reported comment decided again has had its look, whatever the decision. */
const leaves = (q: Queue, decision: Decision) => q.filter === 'reported' || decision !== q.filter;

/**
 * One decision on comments `ids`: they leave the tab at once, unpicked, and the selection moves to the first comment
 * below the selected one that stays (or above it, at the end).
 */
export function decidedMany(q: Queue, ids: readonly string[], decision: Decision): Queue {
  if (!leaves(q, decision)) return q;
  const gone = new Set(ids);
  const list = shown(q);
  const at = Math.max(
    list.findIndex((r) => r.id === q.selected),
    0,
  );
  const next = [...list.slice(at), ...list.slice(0, at).reverse()].find((r) => !gone.has(r.id));
  const left = q.rows.filter((r) => !gone.has(r.id));
  return settle({
    ...q,
    rows: left,
    total: q.total === null ? null : Math.max(q.total - (q.rows.length - left.length), 0),
    selected: next?.id ?? null,
    moved: false,
    checked: new Set([...q.checked].filter((id) => !gone.has(id))),
  });
}

/** Space: the selected comment picked, or no longer picked. */
export function toggleChecked(q: Queue): Queue {
  if (!q.selected) return q;
  const checked = new Set(q.checked);
  if (!checked.delete(q.selected)) checked.add(q.selected);
  return { ...q, checked };
}

/** j/k: the next or previous comment on screen. */
export function step(q: Queue, by: 1 | -1): Queue {
  const list = shown(q);
  const at = list.findIndex((r) => r.id === q.selected);
  const next = list[Math.min(Math.max(at + by, 0), list.length - 1)];
  return next ? { ...q, selected: next.id, moved: false } : q;
}

export const select = (q: Queue, id: string): Queue => ({ ...q, selected: id, moved: false });

/** The person follows the cue: the held comments show; the selection stays. */
export const release = (q: Queue): Queue => ({ ...q, held: new Set() });
