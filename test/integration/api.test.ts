/**
 * The API as the renderer sees it, through the dispatcher with a real store: who may call what, input
 * validation, the complaint workflow, masking and audited reveals.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contract, type Envelope } from '../../main/api/contract.ts';
import type { Desk } from '../../main/api/desk.ts';
import type { Role, Inbox } from '../../common/roles.ts';
import { addComplaint, addStaff, PASSWORD, tempDesk } from '../support/fixtures.ts';

async function signedIn(desk: Desk, username: string, role: Role, grants: Inbox[] = []) {
  await addStaff(desk.store, username, role, grants);
  const connection = `conn-${username}`;
  const signIn = await desk.dispatcher.call(connection, 'auth.signIn', { username, password: PASSWORD });
  assert.ok(signIn.ok, JSON.stringify(signIn));
  return (method: string, input: unknown = {}) => desk.dispatcher.call(connection, method, input);
}

const result = <T = any>(e: Envelope): T => {
  assert.ok(e.ok, `expected success, got ${JSON.stringify(e)}`);
  return e.result as T;
};
const errorCode = (e: Envelope) => (e.ok ? 'ok' : e.error.code);

const complaintMethods = Object.keys(contract).filter((m) => m.startsWith('complaints.'));

test('every complaints method refuses an operator without the complaints grant, called directly', async () => {
  const desk = await tempDesk();
  const { id } = addComplaint(desk.store, 'Giao hàng trễ', 'Chưa nhận được hàng');
  const call = await signedIn(desk, 'binh', 'operator', ['comment']);
  assert.ok(complaintMethods.length >= 9);
  for (const method of complaintMethods) {
    const out = await call(method, { id, submissionId: id, body: 'x', version: 1, status: 'closed', assigneeId: null, field: 'phone' });
    assert.equal(errorCode(out), 'forbidden', method);
  }
  const denied = desk.store.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'access.denied'`).get() as { n: number };
  assert.equal(denied.n, complaintMethods.length, 'each refusal is audited');
});

test('an IT admin gets no customer data from any method', async () => {
  const desk = await tempDesk();
  const { id } = addComplaint(desk.store, 'Màn hình vỡ', 'Nội dung', { fullName: 'Lê Văn Tám', email: 'tam@gmail.com' });
  const call = await signedIn(desk, 'it1', 'it_admin');
  for (const method of Object.keys(contract)) {
    if (method.startsWith('auth.')) continue;
    const out = await call(method, { id, submissionId: id, body: 'x', version: 1, status: 'closed', assigneeId: null, field: 'fullName' });
    const text = JSON.stringify(out);
    assert.ok(!/Lê Văn Tám|tam@gmail|Màn hình vỡ/.test(text), `${method} leaked: ${text}`);
    if (method.startsWith('complaints.') || method.startsWith('audit.')) assert.equal(errorCode(out), 'forbidden', method);
  }
});

test('calls without a session are refused, and unknown methods are named', async () => {
  const desk = await tempDesk();
  assert.equal(errorCode(await desk.dispatcher.call('nobody', 'complaints.list', {})), 'unauthenticated');
  assert.equal(errorCode(await desk.dispatcher.call('nobody', 'audit.verify', {})), 'unauthenticated');
  const unknown = await desk.dispatcher.call('nobody', 'store.dropEverything', {});
  assert.equal(errorCode(unknown), 'unknown_method');
  assert.equal(errorCode(await desk.dispatcher.call('nobody', '__proto__', {})), 'unknown_method');
});

test('bad input is refused with the field named, before any handler runs', async () => {
  const desk = await tempDesk();
  const { id } = addComplaint(desk.store, 'A', 'B');
  const call = await signedIn(desk, 'lan', 'operator', ['complaint']);
  const cases: [string, unknown, RegExp][] = [
    ['complaints.get', { id: 'not-an-id' }, /^id: /],
    ['complaints.addNote', { id, body: '   ' }, /^body: must not be empty/],
    ['complaints.addNote', { id, body: 'x'.repeat(20_001) }, /^body: must be at most 20000/],
    ['complaints.addNote', { id, body: 'bell\u0007' }, /^body: must not contain control characters/],
    ['complaints.setStatus', { id, version: 1, status: 'deleted' }, /^status: /],
    ['complaints.list', { limit: 100_000 }, /^limit: /],
    ['complaints.list', { sort: 'random' }, /^sort: /],
    ['complaints.revealField', { submissionId: id, field: 'password_hash' }, /^field: /],
  ];
  for (const [method, input, message] of cases) {
    const out = await call(method, input);
    assert.equal(errorCode(out), 'invalid_input', `${method} ${JSON.stringify(input).slice(0, 60)}`);
    assert.match(!out.ok ? out.error.message : '', message);
  }
  const events = desk.store.db.prepare(`SELECT count(*) AS n FROM submission_events WHERE type = 'note'`).get() as { n: number };
  assert.equal(events.n, 0);
});

test('the complaint workflow: list, open, note, assign, close, reply; each change is in the outbox and the audit log', async () => {
  const desk = await tempDesk();
  const { id } = addComplaint(desk.store, 'Tủ lạnh không lạnh', 'Mua được 3 ngày thì hỏng.');
  addComplaint(desk.store, 'Khác', 'Khác');
  const call = await signedIn(desk, 'lan', 'operator', ['complaint']);
  const list = result(await call('complaints.list', { text: 'tu lanh' }));
  assert.deepEqual(list.total, { n: 1, exact: true });
  assert.equal(list.rows[0].id, id);

  let detail = result(await call('complaints.get', { id }));
  assert.equal(detail.body, 'Mua được 3 ngày thì hỏng.');
  assert.equal(detail.timeline[0].type, 'created');
  result(await call('complaints.addNote', { id, body: 'Đã gọi khách.' }));
  const me = result(await call('auth.state')).person;
  const assignees = result(await call('complaints.assignees'));
  assert.ok(assignees.some((a: { id: string }) => a.id === me.id));
  const { version: v2 } = result(await call('complaints.assign', { id, version: detail.version, assigneeId: me.id }));
  const { version: v3 } = result(await call('complaints.setStatus', { id, version: v2, status: 'closed' }));
  result(await call('complaints.queueReply', { id, body: 'Chúng tôi sẽ đổi tủ lạnh mới cho anh/chị.' }));

  detail = result(await call('complaints.get', { id }));
  assert.equal(detail.status, 'closed');
  assert.equal(detail.version, v3);
  assert.equal(detail.assigneeId, me.id);
  assert.deepEqual(
    detail.timeline.map((e: { type: string }) => e.type),
    ['created', 'note', 'assignment', 'status_change', 'reply'],
  );
  assert.equal(detail.timeline[4].data.delivery, 'queued');

  const outbox = desk.store.db.prepare('SELECT mutation, base_version FROM outbox ORDER BY created_at, id').all();
  assert.deepEqual(outbox, [
    { mutation: 'submission.note', base_version: null },
    { mutation: 'submission.assign', base_version: 1 },
    { mutation: 'submission.status', base_version: 2 },
    { mutation: 'submission.reply', base_version: null },
  ]);
  assert.equal(result(await call('desk.status')).outboxPending, 4);
  const actions = (desk.store.db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map((r) => r.action);
  for (const a of [
    'auth.sign_in',
    'submission.view',
    'submission.note',
    'submission.assign',
    'submission.status',
    'submission.reply_queued',
  ]) {
    assert.ok(actions.includes(a), a);
  }
});

test('a status change made on an old version is refused as stale, with the current state', async () => {
  const desk = await tempDesk();
  const { id } = addComplaint(desk.store, 'A', 'B');
  const a = await signedIn(desk, 'lan', 'operator', ['complaint']);
  const b = await signedIn(desk, 'hung', 'operator', ['complaint']);
  result(await a('complaints.setStatus', { id, version: 1, status: 'open' }));
  const stale = await b('complaints.setStatus', { id, version: 1, status: 'closed' });
  assert.equal(errorCode(stale), 'stale');
  assert.deepEqual(!stale.ok && stale.error.detail, { currentVersion: 2, status: 'open', assigneeId: null });
  assert.equal(result(await b('complaints.get', { id })).status, 'open');
});

test('the customer card is masked; a reveal returns one field and audits who, what and when', async () => {
  const desk = await tempDesk();
  const { id, customerId } = addComplaint(desk.store, 'A', 'B', {
    fullName: 'Nguyễn Thị Lan',
    email: 'nguyenlan@gmail.com',
    phone: '0912345123',
    address: '12 Lê Lợi, Huế',
  });
  const call = await signedIn(desk, 'lan', 'operator', ['complaint']);
  const card = result(await call('complaints.customerCard', { submissionId: id }));
  assert.equal(card.phone, '09xx xxx 123');
  assert.equal(card.email, 'n***@gmail.com');
  assert.equal(card.fullName, 'Nguyễn T. L.');
  assert.equal(card.address, '***, Huế');
  assert.ok(!JSON.stringify(card).includes('0912345123'));

  const before = Date.now();
  assert.deepEqual(result(await call('complaints.revealField', { submissionId: id, field: 'phone' })), { value: '0912345123' });
  const row = desk.store.db.prepare(`SELECT * FROM audit_log WHERE action = 'customer.reveal'`).get() as Record<string, any>;
  assert.equal(row.actor_name, 'Nhân viên lan');
  assert.equal(row.target_id, customerId);
  assert.deepEqual(JSON.parse(row.detail), { field: 'phone', submissionId: id });
  assert.ok(row.at >= before);
  assert.ok(!JSON.stringify(row).includes('0912345123'), 'the audit row never holds the value');
});

test('directors list and verify the audit chain; operators may not', async () => {
  const desk = await tempDesk();
  const director = await signedIn(desk, 'duc', 'director');
  const operator = await signedIn(desk, 'lan', 'operator', ['complaint']);
  assert.equal(errorCode(await operator('audit.list')), 'forbidden');
  assert.equal(errorCode(await operator('audit.verify')), 'forbidden');
  const rows = result(await director('audit.list', { limit: 10 }));
  assert.ok(rows.length >= 2);
  assert.deepEqual(result(await director('audit.verify')).intact, true);
});

test('the first director can be created without signing in only while there is no staff', async () => {
  const desk = await tempDesk();
  const state = result(await desk.dispatcher.call('c', 'auth.state', {}));
  assert.equal(state.needsFirstDirector, true);
  const weak = await desk.dispatcher.call('c', 'auth.createFirstDirector', { username: 'duc', displayName: 'Đức', password: 'short' });
  assert.equal(errorCode(weak), 'weak_password');
  const made = result(
    await desk.dispatcher.call('c', 'auth.createFirstDirector', { username: 'duc', displayName: 'Trần Minh Đức', password: PASSWORD }),
  );
  assert.equal(made.role, 'director');
  const second = await desk.dispatcher.call('other', 'auth.createFirstDirector', {
    username: 'evil',
    displayName: 'X',
    password: PASSWORD,
  });
  assert.equal(errorCode(second), 'already_initialised');
});
