/**
 * Canned replies and tags across the loop: a director's canned reply reaches the desks whose people hold its
 * inbox (a reply for every inbox, every desk); tags and a submission tagged offline on one desk are seen, and
 * filtered by, on another; the hub refuses a stale tag, a tag or canned reply from anyone but a director, and a
 * tagging by someone who did not hold the inbox, and the desk then undoes what it showed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newId } from '../../common/ids.ts';
import { Change } from '../../common/protocol/sync.ts';
import type { SubmissionKind } from '../../common/vocabulary/submissions.ts';
import { applyChange } from '../../main/core/sync/apply.ts';
import type { Envelope } from '../../main/api/contract.ts';
import type { Desk } from '../../main/api/desk.ts';
import { saveCannedReply } from '../../main/core/domain/canned-replies.ts';
import { enqueue } from '../../main/core/domain/outbox.ts';
import { setTags } from '../../main/core/domain/submission-work.ts';
import { listSubmissions } from '../../main/core/domain/submissions.ts';
import { saveTag } from '../../main/core/domain/tags.ts';
import { enrolledDesk, seatedDesk, type EnrolledDesk } from '../support/enrolled-desk.ts';
import { PASSWORD } from '../support/fixtures.ts';
import { complaint, startTestHub } from '../support/hub.ts';

const hub = await startTestHub();
const TIMEOUT = { timeout: 90_000 };
const rejected = (desk: Desk) =>
  (
    desk.store.db.prepare(`SELECT mutation, reason, current FROM outbox WHERE state = 'rejected' ORDER BY created_at, rowid`).all() as {
      mutation: string;
      reason: string;
      current: string | null;
    }[]
  ).map((r) => ({ ...r, current: r.current && (JSON.parse(r.current) as unknown) }));
const ok = <T>(e: Envelope) => {
  assert.ok(e.ok, JSON.stringify(e));
  return e.result as T;
};
async function signedIn(d: EnrolledDesk, username: string) {
  const call = (m: string, i: unknown = {}) => d.desk.dispatcher.call(`conn-${username}`, m, i);
  assert.ok((await call('auth.signIn', { username, password: PASSWORD })).ok);
  return call;
}
const post = async (ref: string) => {
  const posted = await hub.post('/intake/v1/submissions', complaint(ref));
  assert.equal(posted.status, 201, JSON.stringify(posted.body));
  return posted.body.id as string;
};
const reply = (title: string, kind: SubmissionKind | null) => ({
  title,
  body: 'Kính gửi {{xung_ho}} {{ten_khach}}, {{nguoi_ky}}',
  kind,
  active: true,
});

test('a director’s canned reply reaches a second desk, listed there for the inboxes held there only', TIMEOUT, async () => {
  const office = await enrolledDesk(hub, 'A', [['giamdoc_a', 'director', []]]);
  const director = office.staff.giamdoc_a!.id;
  saveCannedReply(office.desk.store.db, director, { fields: reply('Khiếu nại: xin lỗi', 'complaint') });
  saveCannedReply(office.desk.store.db, director, { fields: reply('Bảo hành: đã nhận', 'warranty') });
  const everywhere = saveCannedReply(office.desk.store.db, director, { fields: reply('Cảm ơn', null) });
  await office.desk.sync.syncNow();
  assert.deepEqual(rejected(office.desk), []);
  const onHub = await hub.db.query('SELECT title, kind, active, version FROM canned_replies ORDER BY title');
  assert.deepEqual(onHub.rows, [
    { title: 'Bảo hành: đã nhận', kind: 'warranty', active: true, version: 1 },
    { title: 'Cảm ơn', kind: null, active: true, version: 1 },
    { title: 'Khiếu nại: xin lỗi', kind: 'complaint', active: true, version: 1 },
  ]);

  // Desk B seats an operator of complaints alone: it holds every reply (they name no one), and offers those of
  // complaints and those for every inbox.
  const b = await seatedDesk(hub, 'B', [['khieunai_b', 'operator', ['complaint']]]);
  const held = () => b.desk.store.db.prepare('SELECT title, kind FROM canned_replies ORDER BY title').all();
  assert.deepEqual(held(), [
    { title: 'Bảo hành: đã nhận', kind: 'warranty' },
    { title: 'Cảm ơn', kind: null },
    { title: 'Khiếu nại: xin lỗi', kind: 'complaint' },
  ]);
  const operator = await signedIn(b, 'khieunai_b');
  const titles = (list: unknown) => (list as { title: string }[]).map((c) => c.title);
  assert.deepEqual(titles(ok(await operator('cannedReplies.list'))), ['Cảm ơn', 'Khiếu nại: xin lỗi']);
  assert.deepEqual(titles(ok(await operator('cannedReplies.list', { kind: 'complaint' }))), ['Cảm ơn', 'Khiếu nại: xin lỗi']);
  assert.equal((await operator('cannedReplies.list', { kind: 'warranty' })).ok, false);

  // Filled on B from a complaint the website sent.
  const id = await post('ct1');
  await b.desk.sync.syncNow();
  const filled = ok<{ body: string }>(await operator('complaints.cannedReply', { id, cannedId: everywhere.id }));
  assert.equal(filled.body, 'Kính gửi Chị Nguyễn Thị Lan, Nhân viên khieunai_b');

  // Archived on A, it leaves B's list at B's next sync.
  saveCannedReply(office.desk.store.db, director, { id: everywhere.id, version: 1, fields: { ...reply('Cảm ơn', null), active: false } });
  await office.desk.sync.syncNow();
  await b.desk.sync.syncNow();
  assert.deepEqual(titles(ok(await operator('cannedReplies.list'))), ['Khiếu nại: xin lỗi']);

  // Moved to the warranty inbox on A, it leaves B's complaint list at B's next sync; moved back, it returns.
  const apology = (b.desk.store.db.prepare(`SELECT id FROM canned_replies WHERE title = 'Khiếu nại: xin lỗi'`).get() as { id: string }).id;
  saveCannedReply(office.desk.store.db, director, { id: apology, version: 1, fields: reply('Khiếu nại: xin lỗi', 'warranty') });
  await office.desk.sync.syncNow();
  await b.desk.sync.syncNow();
  assert.deepEqual(titles(ok(await operator('cannedReplies.list'))), []);
  saveCannedReply(office.desk.store.db, director, { id: apology, version: 2, fields: reply('Khiếu nại: xin lỗi', 'complaint') });
  await office.desk.sync.syncNow();
  await b.desk.sync.syncNow();
  assert.deepEqual(titles(ok(await operator('cannedReplies.list'))), ['Khiếu nại: xin lỗi']);
  assert.deepEqual(rejected(office.desk), []);
});

test('the hub refuses a canned reply or a tag from an operator, and a stale change of a tag', TIMEOUT, async () => {
  const a = await enrolledDesk(hub, 'C', [
    ['giamdoc_c', 'director', []],
    ['dieuhanh_c', 'operator', ['complaint']],
  ]);
  const b = await enrolledDesk(hub, 'D', [['giamdoc_d', 'director', []]]);
  const operator = a.staff.dieuhanh_c!.id;
  // Queued past the desk's own check (the API allows directors only).
  enqueue(a.desk.store.db, {
    mutation: 'canned.save',
    entityType: 'canned_reply',
    entityId: newId(),
    baseVersion: null,
    payload: reply('Của nhân viên', 'complaint'),
    actorId: operator,
  });
  enqueue(a.desk.store.db, {
    mutation: 'tag.save',
    entityType: 'tag',
    entityId: newId(),
    baseVersion: null,
    payload: { name: 'Của nhân viên', color: 'gray', archived: false },
    actorId: operator,
  });
  const { id } = saveTag(a.desk.store.db, a.staff.giamdoc_c!.id, { fields: { name: 'Chờ hàng', color: 'yellow', archived: false } });
  await a.desk.sync.syncNow();
  await b.desk.sync.syncNow();
  assert.deepEqual(
    rejected(a.desk).map((r) => [r.mutation, r.reason]),
    [
      ['canned.save', 'only a director may change the canned replies'],
      ['tag.save', 'only a director may change the tags'],
    ],
  );
  // Two directors change the tag offline, each on version 1: the first to reach the hub stands.
  saveTag(a.desk.store.db, a.staff.giamdoc_c!.id, { id, version: 1, fields: { name: 'Chờ linh kiện', color: 'yellow', archived: false } });
  saveTag(b.desk.store.db, b.staff.giamdoc_d!.id, { id, version: 1, fields: { name: 'Chờ hàng', color: 'purple', archived: false } });
  await a.desk.sync.syncNow();
  await b.desk.sync.syncNow();
  assert.deepEqual(rejected(b.desk), [
    { mutation: 'tag.save', reason: 'changed by someone else since (version 1 → 2)', current: { version: 2 } },
  ]);
  const onHub = await hub.db.query('SELECT name, color, version FROM tags WHERE id = $1', [id]);
  assert.deepEqual(onHub.rows, [{ name: 'Chờ linh kiện', color: 'yellow', version: 2 }]);
  // B's next pull brings the tag as it stands.
  await b.desk.sync.syncNow();
  assert.deepEqual(b.desk.store.db.prepare('SELECT name, color, version FROM tags WHERE id = ?').get(id), {
    name: 'Chờ linh kiện',
    color: 'yellow',
    version: 2,
  });
  assert.deepEqual(
    (
      await hub.db.query(
        `SELECT name FROM tags WHERE name = 'Của nhân viên' UNION SELECT title FROM canned_replies WHERE title = 'Của nhân viên'`,
      )
    ).rows,
    [],
  );
});

test('tags saved on one desk and a submission tagged there offline are seen, and filtered by, on another', TIMEOUT, async () => {
  const a = await enrolledDesk(hub, 'E', [
    ['giamdoc_e', 'director', []],
    ['lan_e', 'operator', ['complaint']],
  ]);
  const b = await seatedDesk(hub, 'F', [['hung_f', 'operator', ['complaint']]]);
  const id = await post('ct2');
  const other = await post('ct3');
  await a.desk.sync.syncNow();
  // Offline on A: the director makes two tags and Lan puts them on the complaint, before any of it reaches the hub.
  const director = await signedIn(a, 'giamdoc_e');
  const urgent = ok<{ id: string }>(await director('tags.save', { tag: { name: 'Gấp', color: 'red', archived: false } })).id;
  const regular = ok<{ id: string }>(await director('tags.save', { tag: { name: 'Khách quen', color: 'green', archived: false } })).id;
  const lan = await signedIn(a, 'lan_e');
  ok(await lan('complaints.setTags', { id, add: [urgent, regular] }));
  ok(await lan('complaints.setTags', { id, remove: [regular] }));
  await a.desk.sync.syncNow();
  assert.deepEqual(rejected(a.desk), []);
  assert.deepEqual((await hub.db.query('SELECT tags FROM submissions WHERE id = $1', [id])).rows, [{ tags: [urgent] }]);

  await b.desk.sync.syncNow();
  const hung = await signedIn(b, 'hung_f');
  assert.deepEqual(
    ok<{ id: string; name: string; color: string }[]>(await hung('tags.list'))
      .filter((t) => [urgent, regular].includes(t.id)) // the organisation's other tests' tags are there too
      .map((t) => [t.name, t.color]),
    [
      ['Gấp', 'red'],
      ['Khách quen', 'green'],
    ],
  );
  const page = ok<{ rows: { id: string; tagIds: string[] }[]; total: unknown }>(await hung('complaints.list', { tag: urgent }));
  assert.deepEqual(
    page.rows.map((r) => [r.id, r.tagIds]),
    [[id, [urgent]]],
  );
  assert.deepEqual(page.total, { n: 1, exact: true });
  const detail = ok<{ tags: { name: string }[]; timeline: { type: string; actorName: string; data: unknown }[] }>(
    await hung('complaints.get', { id }),
  );
  assert.deepEqual(
    detail.tags.map((t) => t.name),
    ['Gấp'],
  );
  assert.deepEqual(
    detail.timeline.filter((e) => e.type === 'tags_change').map((e) => [e.actorName, e.data]),
    [
      ['Nhân viên lan_e', { add: [urgent, regular], remove: [] }],
      ['Nhân viên lan_e', { add: [], remove: [regular] }],
    ],
  );

  // B tags the other complaint and takes the first tag off the first; A, offline, puts the second tag back on
  // it. Each change names its own tags, so neither undoes the other, whichever reaches the hub first.
  ok(await hung('complaints.setTags', { id: other, add: [regular] }));
  ok(await hung('complaints.setTags', { id, remove: [urgent] }));
  ok(await lan('complaints.setTags', { id, add: [regular] }));
  await b.desk.sync.syncNow();
  // The first complaint as B left it reaches A while A's own tagging still waits: A keeps showing its own.
  const row = (await hub.db.query<{ row: unknown }>('SELECT to_jsonb(s) AS row FROM submissions s WHERE id = $1', [id])).rows[0]!.row;
  assert.deepEqual((row as { tags: string[] }).tags, []);
  a.desk.store.db.transaction(() => applyChange(a.desk.store.db, Change.parse({ entity: 'submission', seq: 1, row })))();
  const tagged = (desk: Desk, tag: string) =>
    listSubmissions(desk.store.db, 'complaint', { tag, sort: 'newest', limit: 10 })
      .rows.map((r) => r.id)
      .sort();
  assert.deepEqual(tagged(a.desk, regular), [id]);
  assert.deepEqual(tagged(a.desk, urgent), []);
  await a.desk.sync.syncNow();
  await b.desk.sync.syncNow();
  assert.deepEqual((await hub.db.query('SELECT tags FROM submissions WHERE id = $1', [id])).rows, [{ tags: [regular] }]);
  for (const desk of [a.desk, b.desk]) {
    assert.deepEqual(tagged(desk, regular), [id, other].sort());
    assert.deepEqual(tagged(desk, urgent), []);
  }
});

test('a tagging the hub refuses is undone on its desk: a tag the hub never took, a person without the inbox', TIMEOUT, async () => {
  const a = await enrolledDesk(hub, 'G', [['giamdoc_g', 'director', []]]);
  const b = await enrolledDesk(hub, 'H', [
    ['giamdoc_h', 'director', []],
    ['binh_h', 'operator', ['complaint']],
  ]);
  const id = await post('ct4');
  await b.desk.sync.syncNow();
  saveTag(a.desk.store.db, a.staff.giamdoc_g!.id, { fields: { name: 'Hoàn tiền', color: 'blue', archived: false } });
  await a.desk.sync.syncNow();
  const director = b.staff.giamdoc_h!.id;
  // Offline on B, a tag of a name A took first (the hub refuses it) goes on the complaint: that tagging is
  // refused as well, and B takes the tag off again and drops the event it showed.
  const clash = saveTag(b.desk.store.db, director, { fields: { name: 'hoan tien', color: 'red', archived: false } }, Date.now() - 1000);
  setTags(b.desk.store.db, 'complaint', id, director, { add: [clash.id], remove: [] });
  assert.deepEqual(listSubmissions(b.desk.store.db, 'complaint', { tag: clash.id, sort: 'newest', limit: 10 }).rows.length, 1);
  await b.desk.sync.syncNow();
  assert.deepEqual(
    rejected(b.desk).map((r) => [r.mutation, r.reason]),
    [
      ['tag.save', 'the tag name hoan tien is taken: the tag Hoàn tiền has it'],
      ['submission.tags', `no such tag on the hub: ${clash.id}`],
    ],
  );
  assert.deepEqual(listSubmissions(b.desk.store.db, 'complaint', { tag: clash.id, sort: 'newest', limit: 10 }), {
    rows: [],
    next: null,
    total: { n: 0, exact: true },
  });
  const events = () =>
    b.desk.store.db.prepare(`SELECT count(*) AS n FROM submission_events WHERE submission_id = ? AND type = 'tags_change'`).get(id);
  assert.deepEqual(events(), { n: 0 });

  // A director on B takes the complaints inbox from Binh; Binh, on B before it hears of it, tags the complaint.
  const asDirector = await signedIn(b, 'giamdoc_h');
  const binh = b.staff.binh_h!;
  const account = ok<{ id: string; version: number }[]>(await asDirector('staff.list')).find((p) => p.id === binh.id)!;
  ok(
    await asDirector('staff.update', {
      id: binh.id,
      version: account.version,
      displayName: binh.displayName,
      role: 'operator',
      grants: ['question'],
    }),
  );
  await b.desk.sync.syncNow();
  const refund = (b.desk.store.db.prepare(`SELECT id FROM tags WHERE name = 'Hoàn tiền'`).get() as { id: string }).id;
  // Made after the change of grants, as the hub judges it: Binh no longer held the inbox (the API would refuse it
  // on this desk now; a desk that had not heard of the change yet would not).
  setTags(b.desk.store.db, 'complaint', id, binh.id, { add: [refund], remove: [] }, Date.now() + 1000);
  assert.deepEqual(events(), { n: 1 });
  await b.desk.sync.syncNow();
  assert.deepEqual(rejected(b.desk).at(-1), {
    mutation: 'submission.tags',
    reason: 'Nhân viên binh_h did not hold the complaint inbox when this change was made',
    current: null,
  });
  assert.deepEqual((await hub.db.query('SELECT tags FROM submissions WHERE id = $1', [id])).rows, [{ tags: [] }]);
  assert.deepEqual(listSubmissions(b.desk.store.db, 'complaint', { tag: refund, sort: 'newest', limit: 10 }).rows, []);
  assert.deepEqual(events(), { n: 0 });
});
