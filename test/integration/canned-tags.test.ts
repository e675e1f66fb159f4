/**
 * Canned replies and tags on one desk, through the API: directors keep both for the organisation; a canned
 * reply is filled from the submission and the person signing it, for the inboxes its reader holds; tags go on
 * and come off submissions, and an inbox filtered by a tag walks one index in the list's order.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import { submissionReference } from '../../common/vocabulary/submissions.ts';
import type { Envelope } from '../../main/api/contract.ts';
import type { Desk } from '../../main/api/desk.ts';
import { insertSubmission, listSubmissions, SORTS, type ListQuery } from '../../main/core/domain/submissions.ts';
import type { Db } from '../../main/core/store/open.ts';
import { addComplaint, addStaff, PASSWORD, tempDesk } from '../support/fixtures.ts';

const TIMEOUT = { timeout: 60_000 };
const errorOf = (e: Envelope) => (e.ok ? { code: 'ok', message: '' } : e.error);
const result = <T>(e: Envelope) => {
  assert.ok(e.ok, JSON.stringify(e));
  return e.result as T;
};

async function signedIn(desk: Desk, username: string) {
  const call = (m: string, i: unknown = {}) => desk.dispatcher.call(`conn-${username}`, m, i);
  assert.equal(errorOf(await call('auth.signIn', { username, password: PASSWORD })).code, 'ok');
  return call;
}

async function people() {
  const desk = await tempDesk();
  await addStaff(desk.store, 'duc', 'director');
  await addStaff(desk.store, 'lan', 'operator', ['complaint']);
  await addStaff(desk.store, 'hoa', 'operator', ['warranty']);
  return { desk, director: await signedIn(desk, 'duc'), lan: await signedIn(desk, 'lan'), hoa: await signedIn(desk, 'hoa') };
}

interface Canned {
  id: string;
  title: string;
  kind: string | null;
  active: boolean;
  version: number;
}
const titles = (list: Canned[]) => list.map((c) => c.title);

test('a canned reply is filled from the submission with every variable, for those who hold its inbox', TIMEOUT, async () => {
  const { desk, director, lan, hoa } = await people();
  const { id } = addComplaint(desk.store, 'Giao hàng trễ', 'Đơn hàng chưa tới.', { fullName: 'Nguyễn Thị Lan' });
  const body = 'Kính gửi {{xung_ho}} {{ten_khach}},\n\nVề yêu cầu {{ma_yeu_cau}}, {{xung_ho}} vui lòng chờ thêm 2 ngày.\n\n{{nguoi_ky}}';
  const saved = result<{ id: string; version: number }>(
    await director('cannedReplies.save', { canned: { title: 'Xin lỗi giao trễ', body, kind: 'complaint', active: true } }),
  );
  assert.equal(saved.version, 1);
  const filled = result<{ cannedId: string; title: string; body: string }>(await lan('complaints.cannedReply', { id, cannedId: saved.id }));
  assert.deepEqual(filled, {
    cannedId: saved.id,
    title: 'Xin lỗi giao trễ',
    body: `Kính gửi Chị Nguyễn Thị Lan,\n\nVề yêu cầu ${submissionReference('complaint', id)}, Chị vui lòng chờ thêm 2 ngày.\n\nNhân viên lan`,
  });
  assert.match(submissionReference('complaint', id), /^KN-[0-9A-F]{8}$/);
  // The customer's name is masked on the card: filling it in is recorded, like a reveal (never the value).
  const audit = desk.store.db.prepare(`SELECT target_id AS target, detail FROM audit_log WHERE action = 'canned_reply.fill'`).all();
  assert.deepEqual(audit, [{ target: id, detail: JSON.stringify({ cannedId: saved.id, reveals: ['fullName'] }) }]);

  // Someone without the complaints inbox cannot fill it, even through an inbox they hold.
  assert.equal(errorOf(await hoa('complaints.cannedReply', { id, cannedId: saved.id })).code, 'forbidden');
  assert.equal(errorOf(await hoa('warrantyClaims.cannedReply', { id, cannedId: saved.id })).code, 'not_found');

  // A warranty claim's reference is its own, and a reply for every inbox fills there too.
  const customerId = (desk.store.db.prepare('SELECT customer_id AS c FROM submissions WHERE id = ?').get(id) as { c: string }).c;
  const claim = insertSubmission(desk.store.db, { kind: 'warranty', customerId, subject: 'Bảo hành', body: 'Hỏng', createdAt: Date.now() });
  const everywhere = result<{ id: string }>(
    await director('cannedReplies.save', {
      canned: { title: 'Cảm ơn', body: 'Cảm ơn {{xung_ho}} đã liên hệ ({{ma_yeu_cau}}).', kind: null, active: true },
    }),
  );
  assert.equal(
    result<{ body: string }>(await hoa('warrantyClaims.cannedReply', { id: claim, cannedId: everywhere.id })).body,
    `Cảm ơn Chị đã liên hệ (BH-${claim.replace(/-/g, '').slice(-8).toUpperCase()}).`,
  );
  assert.deepEqual(
    desk.store.db.prepare(`SELECT detail FROM audit_log WHERE action = 'canned_reply.fill' ORDER BY seq DESC LIMIT 1`).get(),
    { detail: JSON.stringify({ cannedId: everywhere.id, reveals: [] }) },
    'a reply without the name reveals nothing',
  );
  // One for another inbox is not found through this one.
  assert.equal(errorOf(await hoa('warrantyClaims.cannedReply', { id: claim, cannedId: saved.id })).code, 'not_found');
});

test('a variable the reply does not know is refused at save, naming it; an operator cannot save', TIMEOUT, async () => {
  const { desk, director, lan } = await people();
  const canned = (body: string) => ({ canned: { title: 'Mẫu', body, kind: null, active: true } });
  for (const [body, named] of [
    ['Chào {{ten_khac}}', '{{ten_khac}} is not a variable'],
    ['Chào {{ ten_khach }}', '{{ ten_khach }} is not a variable'],
    ['{{Xung_Ho}} {{ngay}} {{ten_khach}}', '{{Xung_Ho}}, {{ngay}} are not variables'],
  ] as const) {
    const refused = errorOf(await director('cannedReplies.save', canned(body)));
    assert.equal(refused.code, 'invalid_input', body);
    assert.equal(
      refused.message,
      `canned.body: ${named}; a canned reply may use {{xung_ho}}, {{ten_khach}}, {{ma_yeu_cau}}, {{nguoi_ky}}`,
      body,
    );
  }
  assert.equal(errorOf(await lan('cannedReplies.save', canned('Chào {{ten_khach}}'))).code, 'forbidden');
  assert.deepEqual(desk.store.db.prepare(`SELECT count(*) AS n FROM outbox WHERE mutation = 'canned.save'`).get(), { n: 0 });
  assert.deepEqual(desk.store.db.prepare(`SELECT count(*) AS n FROM canned_replies`).get(), { n: 0 });
});

test('each reads the canned replies of the inboxes they hold; directors archive them and read archived ones', TIMEOUT, async () => {
  const { desk, director, lan, hoa } = await people();
  const save = async (title: string, kind: string | null) =>
    result<{ id: string }>(await director('cannedReplies.save', { canned: { title, body: 'Cảm ơn {{xung_ho}}.', kind, active: true } })).id;
  const complaint = await save('B khiếu nại', 'complaint');
  await save('C bảo hành', 'warranty');
  await save('A mọi hộp thư', null);
  await save('D hỏi đáp', 'question');

  assert.deepEqual(titles(result(await lan('cannedReplies.list'))), ['A mọi hộp thư', 'B khiếu nại']);
  assert.deepEqual(titles(result(await hoa('cannedReplies.list', { kind: 'warranty' }))), ['A mọi hộp thư', 'C bảo hành']);
  assert.equal(errorOf(await hoa('cannedReplies.list', { kind: 'complaint' })).code, 'forbidden');
  assert.deepEqual(titles(result(await director('cannedReplies.list', { kind: 'question' }))), ['A mọi hộp thư', 'D hỏi đáp']);

  // Archived: gone from everyone's list but a director's who asks; refused when stale.
  assert.equal(
    result<{ version: number }>(
      await director('cannedReplies.save', {
        id: complaint,
        version: 1,
        canned: { title: 'B khiếu nại', body: 'Cảm ơn {{xung_ho}}.', kind: 'complaint', active: false },
      }),
    ).version,
    2,
  );
  const stale = await director('cannedReplies.save', {
    id: complaint,
    version: 1,
    canned: { title: 'B', body: 'x', kind: 'complaint', active: true },
  });
  assert.equal(errorOf(stale).code, 'stale');
  assert.deepEqual(titles(result(await lan('cannedReplies.list', { includeArchived: true }))), ['A mọi hộp thư']);
  assert.deepEqual(titles(result(await director('cannedReplies.list'))), ['A mọi hộp thư', 'C bảo hành', 'D hỏi đáp']);
  const all = result<Canned[]>(await director('cannedReplies.list', { includeArchived: true }));
  assert.deepEqual(
    all.map((c) => [c.title, c.active, c.version]),
    [
      ['A mọi hộp thư', true, 1],
      ['B khiếu nại', false, 2],
      ['C bảo hành', true, 1],
      ['D hỏi đáp', true, 1],
    ],
  );
  const { id } = addComplaint(desk.store, 'x', 'y');
  assert.equal(
    errorOf(await lan('complaints.cannedReply', { id, cannedId: complaint })).code,
    'not_found',
    'an archived one is not offered',
  );
  const queued = desk.store.db
    .prepare(`SELECT base_version AS base FROM outbox WHERE mutation = 'canned.save' ORDER BY created_at, rowid`)
    .all();
  assert.deepEqual(queued, [{ base: null }, { base: null }, { base: null }, { base: null }, { base: 1 }]);
  const audited = desk.store.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'canned_reply.save'`).get();
  assert.deepEqual(audited, { n: 5 });
});

test('directors keep the tags: one name whatever its case and marks, a stale change refused, operators only read', TIMEOUT, async () => {
  const { desk, director, lan } = await people();
  const urgent = result<{ id: string; version: number }>(
    await director('tags.save', { tag: { name: 'Gấp', color: 'red', archived: false } }),
  );
  const clash = errorOf(await director('tags.save', { tag: { name: '  GAP ', color: 'blue', archived: false } }));
  assert.deepEqual([clash.code, clash.message], ['invalid_input', 'the tag name GAP is taken: the tag Gấp has it']);
  assert.equal(errorOf(await lan('tags.save', { tag: { name: 'Khác', color: 'blue', archived: false } })).code, 'forbidden');
  assert.equal(errorOf(await director('tags.save', { tag: { name: 'Xanh', color: 'chartreuse', archived: false } })).code, 'invalid_input');

  // A change on the version it was made on; the same version again is stale. Renaming to its own name in other
  // marks is no clash with itself.
  const renamed = await director('tags.save', { id: urgent.id, version: 1, tag: { name: 'GẤP', color: 'orange', archived: false } });
  assert.equal(result<{ version: number }>(renamed).version, 2);
  const stale = errorOf(await director('tags.save', { id: urgent.id, version: 1, tag: { name: 'Gấp', color: 'red', archived: false } }));
  assert.equal(stale.code, 'stale');
  result(await director('tags.save', { tag: { name: 'Khách quen', color: 'green', archived: true } }));
  assert.deepEqual(
    result<{ name: string; color: string; version: number }[]>(await lan('tags.list')).map((t) => [t.name, t.color, t.version]),
    [['GẤP', 'orange', 2]],
  );
  assert.deepEqual(
    result<{ name: string }[]>(await lan('tags.list', { includeArchived: true })).map((t) => t.name),
    ['GẤP', 'Khách quen'],
  );
  const queued = desk.store.db
    .prepare(`SELECT base_version AS base FROM outbox WHERE mutation = 'tag.save' ORDER BY created_at, rowid`)
    .all();
  assert.deepEqual(queued, [{ base: null }, { base: 1 }, { base: null }]);
});

test('operators tag the submissions of their inboxes, recorded on the timeline; the inbox filters by a tag', TIMEOUT, async () => {
  const { desk, director, lan, hoa } = await people();
  const tag = async (name: string, archived = false) =>
    result<{ id: string }>(await director('tags.save', { tag: { name, color: 'red', archived } })).id;
  const urgent = await tag('Gấp');
  const regular = await tag('Khách quen');
  const old = await tag('Cũ', true);
  const ids = ['Một', 'Hai', 'Ba', 'Bốn'].map((s) => addComplaint(desk.store, s, 'Nội dung').id);

  const tagged = result<{ tags: { name: string }[] }>(await lan('complaints.setTags', { id: ids[0], add: [urgent, regular] }));
  assert.deepEqual(
    tagged.tags.map((t) => t.name),
    ['Gấp', 'Khách quen'],
  );
  result(await lan('complaints.setTags', { id: ids[2], add: [urgent] }));
  result(await lan('complaints.setTags', { id: ids[3], add: [urgent] }));
  result(await lan('complaints.setTags', { id: ids[3], remove: [urgent] }));
  // Adding a tag it has and removing one it has not change nothing, and record nothing.
  result(await lan('complaints.setTags', { id: ids[2], add: [urgent], remove: [regular] }));
  for (const [input, code] of [
    [{ id: ids[1], add: [old] }, 'invalid_input'], // archived: offered for no new submission
    [{ id: ids[1], add: [urgent], remove: [urgent] }, 'invalid_input'],
    [{ id: ids[1] }, 'invalid_input'],
    [{ id: ids[1], add: [ids[0]] }, 'invalid_input'], // not a tag
  ] as const) {
    assert.equal(errorOf(await lan('complaints.setTags', input)).code, code, JSON.stringify(input));
  }
  // Someone without the complaints inbox cannot tag one, through any inbox.
  assert.equal(errorOf(await hoa('complaints.setTags', { id: ids[1], add: [urgent] })).code, 'forbidden');
  assert.equal(errorOf(await hoa('warrantyClaims.setTags', { id: ids[1], add: [urgent] })).code, 'not_found');

  const detail = result<{ tagIds: string[]; tags: { name: string }[]; timeline: { type: string; data: unknown }[] }>(
    await lan('complaints.get', { id: ids[0] }),
  );
  assert.deepEqual(
    detail.tags.map((t) => t.name),
    ['Gấp', 'Khách quen'],
  );
  assert.deepEqual(detail.timeline.at(-1), {
    ...detail.timeline.at(-1),
    type: 'tags_change',
    data: { add: [urgent, regular], remove: [] },
  });
  const queued = desk.store.db
    .prepare(`SELECT payload FROM outbox WHERE mutation = 'submission.tags' ORDER BY created_at, rowid`)
    .all() as {
    payload: string;
  }[];
  assert.deepEqual(
    queued.map((q) => {
      const { add, remove } = JSON.parse(q.payload) as { add: string[]; remove: string[] };
      return [add.length, remove.length];
    }),
    [
      [2, 0],
      [1, 0],
      [1, 0],
      [0, 1],
    ],
  );

  // Filtered by a tag: newest first, with the exact total; the tags of each row come with it.
  const page = result<{ rows: { id: string; tagIds: string[] }[]; total: unknown }>(await lan('complaints.list', { tag: urgent }));
  assert.deepEqual(
    page.rows.map((r) => r.id),
    [ids[2], ids[0]],
  );
  assert.deepEqual(page.total, { n: 2, exact: true });
  assert.deepEqual(page.rows[1]!.tagIds, [urgent, regular].sort());
  const closed = result<{ version: number }>(await lan('complaints.get', { id: ids[2] }));
  result(await lan('complaints.setStatus', { id: ids[2], version: closed.version, status: 'closed' }));
  const open = result<{ rows: { id: string }[]; total: unknown }>(await lan('complaints.list', { tag: urgent, status: 'new' }));
  assert.deepEqual([open.rows.map((r) => r.id), open.total], [[ids[0]], { n: 1, exact: true }]);
  const searched = result<{ rows: { id: string }[] }>(await lan('complaints.list', { tag: regular, text: 'mot' }));
  assert.deepEqual(
    searched.rows.map((r) => r.id),
    [ids[0]],
  );
  const everyRow = result<{ rows: { id: string; tagIds: string[] }[] }>(await lan('complaints.list'));
  assert.deepEqual(
    everyRow.rows.map((r) => r.tagIds.length),
    [0, 1, 0, 2],
  );
});

/**
 * Every SQL statement the callback prepares for the first time on `db`, with what each was run with: the
 * store's prepared-statement cache prepares each list query once, on its first use.
 */
function queriesOf(db: Db, run: () => void): { sql: string; params: unknown }[] {
  const seen: { sql: string; params: unknown }[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const s = prepare(sql);
    const all = s.all.bind(s);
    s.all = ((params: unknown) => {
      seen.push({ sql, params });
      return all(params as never);
    }) as Statement['all'];
    return s;
  }) as Db['prepare'];
  try {
    run();
  } finally {
    db.prepare = prepare as Db['prepare'];
  }
  return seen;
}

test('filtered by a tag, every sort and filter is one walk down an index in the list’s order, page after page', TIMEOUT, async () => {
  const { desk, director, lan } = await people();
  const urgent = result<{ id: string }>(await director('tags.save', { tag: { name: 'Gấp', color: 'red', archived: false } })).id;
  const me = (desk.store.db.prepare(`SELECT id FROM staff WHERE username = 'lan'`).get() as { id: string }).id;
  const ids = Array.from({ length: 12 }, (_, i) => addComplaint(desk.store, `Khiếu nại ${i}`, 'Nội dung').id);
  for (const id of ids.filter((_, i) => i % 3 !== 0)) result(await lan('complaints.setTags', { id, add: [urgent] }));
  for (const [i, id] of ids.entries()) {
    desk.store.db
      .prepare(`UPDATE submissions SET priority = ?, status = ?, assignee_id = ?, due_at = ? WHERE id = ?`)
      .run(['low', 'normal', 'high', 'urgent'][i % 4], i % 2 ? 'open' : 'new', i % 5 ? me : null, i % 3 ? Date.now() + i * 1000 : null, id);
  }
  const filters: Pick<ListQuery, 'status' | 'assignee'>[] = [
    {},
    { status: 'open' },
    { assignee: me },
    { assignee: 'unassigned', status: 'new' },
  ];
  for (const sort of SORTS) {
    for (const f of filters) {
      const q = { ...f, sort, tag: urgent };
      // The rows, page by page, are those of the unfiltered list that have the tag, in the same order.
      const expected = listSubmissions(desk.store.db, 'complaint', { ...f, sort, limit: 100 }).rows.filter((r) =>
        r.tagIds.includes(urgent),
      );
      const seen: string[] = [];
      let after: string | undefined;
      const queries = queriesOf(desk.store.db, () => {
        do {
          const page = listSubmissions(desk.store.db, 'complaint', { ...q, after, limit: 2 });
          if (after === undefined) assert.deepEqual(page.total, { n: expected.length, exact: true }, JSON.stringify(q));
          seen.push(...page.rows.map((r) => r.id));
          after = page.next ?? undefined;
        } while (after);
      });
      assert.deepEqual(
        seen,
        expected.map((r) => r.id),
        JSON.stringify(q),
      );
      const walks = queries.filter((x) => /FROM submission_tags t( INDEXED BY \w+)? CROSS JOIN/.test(x.sql));
      assert.ok(walks.length >= 1, JSON.stringify(q));
      for (const { sql, params } of walks) {
        if (process.env.SHOW_PLANS) console.log(JSON.stringify(q), desk.store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params as never));
        const plan = (desk.store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params as never) as { detail: string }[]).map((p) => p.detail);
        const index = q.sort === 'priority' ? 'urgency' : q.sort === 'due' ? 'due' : 'time';
        const filtered = [f.assignee ? '_assignee' : '', f.status ? '_status' : ''].join('');
        const used = index === 'time' && !filtered ? 'PRIMARY KEY' : `(COVERING )?INDEX submission_tags_by_${index}${filtered}`;
        assert.match(plan[0]!, new RegExp(`^SEARCH t USING ${used} \\(tag_id=\\? AND kind=\\?`), plan.join('\n'));
        assert.match(plan[1] ?? '', /^SEARCH s USING INTEGER PRIMARY KEY/, plan.join('\n'));
        assert.ok(!plan.some((p) => /TEMP B-TREE/.test(p)), `${JSON.stringify(q)} sorts instead of walking:\n${plan.join('\n')}`);
      }
    }
  }
});
