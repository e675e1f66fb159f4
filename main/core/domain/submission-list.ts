/**
 * An inbox's list, a page at a time, as fast at a million submissions as at a hundred (migration 0008).
 *
 * Every sort is a walk down one index, and a page goes on from the key of the last row it showed (keyset): no
 * page counts past the rows before it, and rows arriving between pages never make one skip or repeat a row.
 * The total comes with the first page: exact from the kept counts when there is no search text; with one, the
 * matches are counted up to SEARCH_COUNT_CAP and then said to be "more than" that, so a common word does not
 * cost a count of a hundred thousand hits. Search results come newest (or oldest) first, straight from the
 * search index, whose keys follow time.
 *
 * Filtered by a tag, the walk is down an index of `submission_tags` instead (migration 0012), which holds a
 * copy of each tagged submission's list keys: the same sorts and filters, each one walk in the list's order,
 * and exact totals from counts kept per tag. A search with a tag walks the search index and keeps the rows
 * that have the tag.
 */
import {
  LIST_CURSOR,
  SEARCH_COUNT_CAP,
  SEARCH_SORTS,
  type Priority,
  type Sort,
  type Status,
  type SubmissionKind,
} from '../../../common/vocabulary/submissions.ts';
import type { Db } from '../store/open.ts';
import { searchQuery } from '../store/search-index.ts';
import { stmt } from '../store/statements.ts';
import { DomainError } from './errors.ts';
import { clockViews, type ClockView } from './sla.ts';
import type { DueWhat } from '../../../common/sla/clock.ts';
import { tagIdsOfEach } from './submission-tags.ts';

export interface ListQuery {
  status?: Status;
  /** A staff id, or 'unassigned'. */
  assignee?: string;
  /** A tag's id: only the submissions that have it. */
  tag?: string;
  text?: string;
  sort: Sort;
  /** Where the previous page ended (its `next`); the first page without. */
  after?: string;
  limit: number;
}

export interface ListRow {
  id: string;
  subject: string;
  excerpt: string;
  status: Status;
  priority: Priority;
  assigneeId: string | null;
  assigneeName: string | null;
  createdAt: number;
  dueAt: number | null;
  version: number;
  /** The service clock as staff read it now (sla.ts). */
  clock: ClockView;
  /** The ids of its tags. */
  tagIds: string[];
}

/** How many rows the filters match: exact, or at least `n` when counting further would cost too much. */
export interface ListTotal {
  n: number;
  exact: boolean;
}

export interface ListPage {
  rows: ListRow[];
  /** The cursor of the page after this one; null when this one is the last. */
  next: string | null;
  /** With the first page only (null with the others): the count does not change as the person scrolls. */
  total: ListTotal | null;
}

/** Each sort as the key it walks (descending, like seq, except oldest). */
const KEYS: Record<Sort, { key: string | null; desc: boolean }> = {
  newest: { key: null, desc: true },
  oldest: { key: null, desc: false },
  priority: { key: 'urgency', desc: true },
  due: { key: 'due_rank', desc: true },
};

export function listSubmissions(db: Db, kind: SubmissionKind, q: ListQuery): ListPage {
  const { rows, fts, filters, params } = walk(db, kind, q);
  const more = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  return {
    rows: finished(db, page),
    next: more ? cursorOf(page[page.length - 1]!) : null,
    total: q.after !== undefined ? null : fts ? searchTotal(db, filters, params) : keptTotal(db, kind, q),
  };
}

/** A row as a walk reads it: with its place in the sort, from which the next page's cursor is made. */
type WalkedRow = Omit<ListRow, 'clock' | 'tagIds'> & {
  kind: SubmissionKind;
  dueWhat: DueWhat | null;
  clockUsed: number;
  cursorSeq: string;
  cursorKey: number | null;
};

/** A page's rows as the API gives them: each with its clock read now and its tags, without what the walk kept to go on. */
function finished(db: Db, rows: readonly WalkedRow[]): (ListRow & { kind: SubmissionKind })[] {
  const clocks = clockViews(db, rows);
  const tags = tagIdsOfEach(
    db,
    rows.map((r) => r.id),
  );
  return rows.map(({ cursorSeq: _seq, cursorKey: _key, dueWhat: _what, clockUsed: _used, ...row }, i) => ({
    ...row,
    clock: clocks[i]!,
    tagIds: tags.get(row.id)!,
  }));
}
const cursorOf = (row: WalkedRow) => (row.cursorKey === null ? row.cursorSeq : `${row.cursorKey}:${row.cursorSeq}`);

/** The submission_tags index (migration 0012) of a sort and filters: `INDEXED BY` it, or nothing for the primary key. */
function tagIndexOf(q: Pick<ListQuery, 'sort' | 'status' | 'assignee'>): string {
  const by = KEYS[q.sort].key === 'urgency' ? 'urgency' : KEYS[q.sort].key === 'due_rank' ? 'due' : 'time';
  const filters = [q.assignee ? '_assignee' : '', q.status ? '_status' : ''].join('');
  return by === 'time' && !filters ? '' : ` INDEXED BY submission_tags_by_${by}${filters}`;
}

/** What a walk reads of each row (`s` the submission, `st` its assignee), beside its sort key. */
const WALKED_COLUMNS = `s.id, s.subject, substr(s.body, 1, 160) AS excerpt, s.status, s.priority, s.assignee_id AS assigneeId,
  COALESCE(st.display_name, s.assignee_name) AS assigneeName, s.created_at AS createdAt, s.due_at AS dueAt, s.version,
  s.kind, s.due_what AS dueWhat, s.clock_used AS clockUsed, CAST(s.seq AS TEXT) AS cursorSeq`;

/** One page and one row more of one kind's list, walked down the index of its sort and filters. */
function walk(db: Db, kind: SubmissionKind, q: ListQuery) {
  const fts = q.text ? searchQuery(db, q.text) : null;
  if (fts && !(SEARCH_SORTS as readonly Sort[]).includes(q.sort)) {
    throw new DomainError('invalid', 'search results are in time order: sort them newest or oldest first');
  }
  // The table whose index the walk goes down: the submissions' own, or, filtered by a tag, their copies'.
  const byTag = q.tag !== undefined && !fts;
  const k = byTag ? 't' : 's';
  const where = [`${k}.kind = @kind`];
  const params: Record<string, unknown> = { kind, limit: q.limit };
  if (q.status) {
    where.push(`${k}.status = @status`);
    params.status = q.status;
  }
  if (q.assignee === 'unassigned') where.push(`${k}.assignee_id IS NULL`);
  else if (q.assignee) {
    where.push(`${k}.assignee_id = @assignee`);
    params.assignee = q.assignee;
  }
  if (q.tag !== undefined) params.tag = q.tag;
  let from = 'submissions s';
  // The search index's rowid is seq: joined on it, SQLite walks the matches in seq order and stops at the page.
  let seq = 's.seq';
  if (fts) {
    from = 'submissions_fts f JOIN submissions s ON s.seq = f.rowid';
    seq = 'f.rowid';
    where.push('submissions_fts MATCH @fts');
    params.fts = fts;
    if (q.tag !== undefined) where.push('EXISTS (SELECT 1 FROM submission_tags t WHERE t.submission_id = s.id AND t.tag_id = @tag)');
  } else if (byTag) {
    // CROSS JOIN keeps the tag's index the outer loop: SQLite walks it in the list's order, each row's
    // submission looked up by its primary key, and stops at the page. The index is named, not left to the
    // planner, which without statistics may walk the primary key and skip the rows another status has.
    from = `submission_tags t${tagIndexOf(q)} CROSS JOIN submissions s ON s.seq = t.seq`;
    seq = 't.seq';
    where.push('t.tag_id = @tag');
  }
  const filters = [...where];
  const { key, desc } = KEYS[q.sort];
  const sortKey = key ? `${k}.${key}` : null;
  if (q.after !== undefined) {
    const cursor = parseCursor(q.after, key !== null);
    params.afterSeq = cursor.seq;
    if (sortKey) params.afterKey = cursor.key;
    const op = desc ? '<' : '>';
    where.push(sortKey ? `(${sortKey}, ${seq}) ${op} (@afterKey, @afterSeq)` : `${seq} ${op} @afterSeq`);
  }
  const dir = desc ? 'DESC' : 'ASC';
  const order = sortKey ? `${sortKey} ${dir}, ${seq} ${dir}` : `${seq} ${dir}`;
  const rows = stmt(
    db,
    `SELECT ${WALKED_COLUMNS}, ${sortKey ?? 'NULL'} AS cursorKey
     FROM ${from} LEFT JOIN staff st ON st.id = s.assignee_id
     WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT @limit + 1`,
  ).all(params) as WalkedRow[];
  return { rows, fts, filters, params };
}

/** The statuses of work still to do: what My work lists. */
const TO_DO: readonly Status[] = ['new', 'open', 'waiting'];

export interface WorkRow extends ListRow {
  kind: SubmissionKind;
}

/**
 * My work: what is assigned to a person and not closed, in the inboxes they hold, soonest due first (no due
 * time last), a page at a time: one walk down the open rows' index by assignee and due order (migration
 * 0015), skipping the rows of an inbox the person no longer holds.
 */
export function listMyWork(
  db: Db,
  kinds: readonly SubmissionKind[],
  assigneeId: string,
  q: { after?: string; limit: number },
): { rows: WorkRow[]; next: string | null; total: ListTotal | null } {
  const params: Record<string, unknown> = { assignee: assigneeId, kinds: JSON.stringify(kinds), limit: q.limit };
  const where = [`s.assignee_id = @assignee`, `s.status <> 'closed'`, 's.kind IN (SELECT value FROM json_each(@kinds))'];
  if (q.after !== undefined) {
    const cursor = parseCursor(q.after, true);
    Object.assign(params, { afterKey: cursor.key, afterSeq: cursor.seq });
    where.push('(s.due_rank, s.seq) < (@afterKey, @afterSeq)');
  }
  const walked = stmt(
    db,
    `SELECT ${WALKED_COLUMNS}, s.due_rank AS cursorKey
     FROM submissions s INDEXED BY submissions_my_work LEFT JOIN staff st ON st.id = s.assignee_id
     WHERE ${where.join(' AND ')} ORDER BY s.due_rank DESC, s.seq DESC LIMIT @limit + 1`,
  ).all(params) as WalkedRow[];
  const page = walked.slice(0, q.limit);
  const total =
    q.after !== undefined
      ? null
      : {
          n: kinds.reduce(
            (sum, kind) => sum + TO_DO.reduce((n, status) => n + keptTotal(db, kind, { status, assignee: assigneeId }).n, 0),
            0,
          ),
          exact: true,
        };
  return {
    rows: finished(db, page),
    next: walked.length > q.limit ? cursorOf(page[page.length - 1]!) : null,
    total,
  };
}

function parseCursor(cursor: string, keyed: boolean): { key: number | null; seq: bigint } {
  const parts = LIST_CURSOR.test(cursor) ? cursor.split(':') : [];
  if (parts.length !== (keyed ? 2 : 1)) throw new DomainError('invalid', 'this page cursor belongs to another sort order');
  return { key: keyed ? Number(parts[0]) : null, seq: BigInt(parts[parts.length - 1]!) };
}

/**
 * The exact total of a list without search text, from the counts the triggers of migration 0008 keep (of
 * migration 0012, filtered by a tag).
 */
function keptTotal(db: Db, kind: SubmissionKind, q: Pick<ListQuery, 'status' | 'assignee' | 'tag'>): ListTotal {
  const where = ['kind = @kind'];
  if (q.tag !== undefined) where.push('tag_id = @tag');
  if (q.status) where.push('status = @status');
  if (q.assignee) where.push('assignee = @assignee');
  const counts = q.tag !== undefined ? 'submission_tag_counts' : 'submission_counts';
  const { n } = stmt(db, `SELECT ifnull(sum(n), 0) AS n FROM ${counts} WHERE ${where.join(' AND ')}`).get({
    kind,
    tag: q.tag,
    status: q.status,
    assignee: q.assignee === 'unassigned' ? '' : q.assignee,
  }) as { n: number };
  return { n, exact: true };
}

/**
 * The hits of a search, counted up to the cap: past it the list says "more than" the cap. Each hit's kind,
 * status and assignee are read from the small index of migration 0018, not from its row.
 */
function searchTotal(db: Db, where: string[], params: Record<string, unknown>): ListTotal {
  const from = 'submissions_fts f CROSS JOIN submissions s INDEXED BY submissions_search_keys ON s.seq = f.rowid';
  const { n } = stmt(db, `SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${where.join(' AND ')} LIMIT @cap)`).get({
    ...params,
    cap: SEARCH_COUNT_CAP + 1,
  }) as { n: number };
  return n > SEARCH_COUNT_CAP ? { n: SEARCH_COUNT_CAP, exact: false } : { n, exact: true };
}
