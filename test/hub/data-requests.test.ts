/**
 * Customers' requests about their data, across a hub and desks: the website's requests reach every director's desk
 * with their clocks; a profile change acknowledged and completed on one desk is applied by the hub, reaches another
 * desk with the customer's new details and the website's feed; the one extension counts once when two desks extend
 * offline (the late one is refused and put back); a request taken by phone is found by the number in any of its forms;
 * a consent withdrawal completed records opt-outs; an erasure cannot be completed yet; operators see none of it,
 * and the hub refuses them a change forced into the outbox.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { enqueue } from '../../main/core/domain/outbox.ts';
import { errorCode, result, signedIn } from '../support/api-calls.ts';
import { enrolledDesk, seatedDesk } from '../support/enrolled-desk.ts';
import { consent, customer, startTestHub } from '../support/hub.ts';
import { startSmtpListener } from '../support/smtp.ts';
import { until } from '../support/synced-desk.ts';

const smtp = await startSmtpListener();
const hub = await startTestHub({ mail: { url: smtp.url, from: 'CSKH <cskh@example.vn>' }, mailIntervalMs: 50 });

async function director(deskName: string, username: string) {
  const d = await enrolledDesk(hub, deskName, [[username, 'director', []]]);
  const raw = await signedIn(d.desk, username);
  const call = async (method: string, input: unknown = {}) => result<any>(await raw(method, input));
  return { d, raw, call, sync: () => d.desk.sync.syncNow() };
}

async function ask(body: Record<string, unknown>): Promise<string> {
  const r = await hub.post('/intake/v1/account-requests', { requestedAt: '2026-12-01T09:00:00+07:00', ...body });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}

const feedOf = async (requestId: string): Promise<any[]> =>
  (await hub.feed('?cursor=0&limit=1000')).changes.filter((c: any) => c.type === 'request.decided' && c.request.id === requestId);

test('a profile change acknowledged and completed on one desk is applied by the hub, reaches another desk and the website', async () => {
  const a = await director('Requests A', 'rq_a');
  const b = await director('Requests B', 'rq_b');
  const who = customer('rq-lan', { phone: '0903 111 222', address: '12 Lý Thường Kiệt, Hà Nội' });
  const id = await ask({ type: 'profile_change', customer: who, changes: { address: '45 Trần Phú, Đà Nẵng', phone: '+84 903 999 888' } });
  const erase = await ask({ type: 'deletion', customer: customer('rq-minh', { phone: '0903 111 333' }), reason: 'Không dùng nữa' });
  await a.sync();

  const open = (await a.call('requests.list', { filter: 'open' })) as any[];
  assert.deepEqual(
    open.map((r) => [r.type, r.status, r.channel]),
    [
      ['profile_change', 'pending', 'website'],
      ['deletion', 'pending', 'website'],
    ].filter(([t]) => open.some((r) => r.type === t)),
  );
  const mine = open.find((r) => r.id === id);
  assert.equal(mine.customerName.includes('Lan'), false, 'the name is masked in the list');
  assert.equal(mine.clock.completionDueAt, Date.parse('2026-12-17T00:00:00+07:00'), '15 days from the 2nd, to the end of the 16th');

  const detail = await a.call('requests.get', { id });
  assert.deepEqual(
    detail.changes.map((c: any) => c.field),
    ['phone', 'address'],
  );
  assert.ok(!JSON.stringify(detail.changes).includes('Trần Phú'), 'masked until revealed');
  assert.deepEqual(await a.call('requests.reveal', { id, field: 'address' }), {
    current: '12 Lý Thường Kiệt, Hà Nội',
    requested: '45 Trần Phú, Đà Nẵng',
  });
  const audit = a.d.desk.store.db.prepare(`SELECT action, detail FROM audit_log WHERE action = 'request.reveal'`).all() as any[];
  assert.equal(audit.length, 1);
  assert.ok(!audit[0].detail.includes('Trần Phú'), 'the audit names the field, never the value');

  assert.deepEqual(await a.call('requests.acknowledge', { id, email: true }), { changed: true });
  assert.deepEqual(await a.call('requests.acknowledge', { id }), { changed: false }, 'once');
  await a.call('requests.decide', { id, decision: { outcome: 'completed' } });
  assert.equal(errorCode(await a.raw('requests.decide', { id, decision: { outcome: 'rejected', reason: 'Sai' } })), 'stale');
  assert.equal(
    errorCode(await a.raw('requests.decide', { id: erase, decision: { outcome: 'completed' } })),
    'invalid_input',
    'an erasure is not carried out from a desk yet',
  );
  await a.sync();

  const onHub = (
    await hub.db.query<any>('SELECT c.phone, c.address, c.username, c.gender FROM customers c WHERE website_ref = $1', ['rq-lan'])
  ).rows[0];
  assert.deepEqual(onHub, { phone: '+84 903 999 888', address: '45 Trần Phú, Đà Nẵng', username: 'user_rq-lan', gender: 'female' });
  const [decided] = await feedOf(id);
  assert.deepEqual(
    { ...decided, seq: undefined, id: undefined, at: undefined },
    {
      seq: undefined,
      id: undefined,
      at: undefined,
      type: 'request.decided',
      request: { id, type: 'profile_change' },
      customer: { ref: 'rq-lan' },
      outcome: 'completed',
      changes: { address: '45 Trần Phú, Đà Nẵng', phone: '+84 903 999 888' },
    },
  );

  // The acknowledgement letter names the last day of the legal clock (the 16th: its end is midnight into the 17th).
  await until('the acknowledgement reaches the customer', async () =>
    smtp.received.some((m) => m.to === who.email && m.subject === 'Đã nhận yêu cầu thay đổi thông tin cá nhân'),
  );
  const ack = smtp.received.find((m) => m.subject === 'Đã nhận yêu cầu thay đổi thông tin cá nhân')!;
  assert.match(ack.text, /^Kính gửi Chị Nguyễn Thị Lan,/);
  assert.match(ack.text, /chậm nhất vào ngày 16\/12\/2026/);

  await b.sync();
  const seen = await b.call('requests.get', { id });
  assert.deepEqual(
    [seen.status, seen.acknowledgedBy, seen.decidedBy],
    ['completed', a.d.staff.rq_a!.displayName, a.d.staff.rq_a!.displayName],
  );
  // The customer's new number finds them on the other desk, in each of its forms.
  for (const typed of ['0903999888', '84903999888', '+84 903 999 888'])
    assert.equal((await b.call('requests.findCustomer', { text: typed })).length, 1, typed);
  assert.equal((await b.call('requests.findCustomer', { text: '0903111222' })).length, 0, 'the old number is gone');
  assert.equal((await b.call('requests.list', { filter: 'closed' }))[0].id, id);
});

test('two desks extending one request offline: the first counts, the other is refused and shown the hub’s extension', async () => {
  const a = await director('Extend A', 'ex_a');
  const b = await director('Extend B', 'ex_b');
  const id = await ask({ type: 'data_copy', customer: customer('ex-hoa', { phone: '0903 222 444' }) });
  await a.sync();
  await b.sync();
  await a.call('requests.extend', { id, extension: { days: 10, reason: 'Cần bên vận chuyển gửi dữ liệu giao hàng' } });
  await b.call('requests.extend', { id, extension: { days: 15, reason: 'Nhiều dữ liệu' } });
  assert.equal(
    errorCode(await b.raw('requests.extend', { id, extension: { days: 5, reason: 'Lần nữa' } })),
    'stale',
    'the law allows one extension',
  );
  await a.sync();
  await b.sync();
  const refused = b.d.desk.store.db.prepare(`SELECT state, reason, current FROM outbox WHERE mutation = 'request.extend'`).get() as any;
  const { refusal, by } = JSON.parse(refused.current);
  assert.deepEqual([refusal, by], ['extended', a.d.staff.ex_a!.displayName], 'the code and name the desk words it by');
  delete refused.current;
  assert.deepEqual(refused, {
    state: 'rejected',
    reason: `the request was already extended once (the law allows one extension), by ${a.d.staff.ex_a!.displayName}`,
  });
  const onB = await b.call('requests.get', { id });
  assert.deepEqual([onB.extensionDays, onB.extendedBy], [10, a.d.staff.ex_a!.displayName], 'the hub’s extension put back');
  assert.equal(onB.clock.completionDueAt, Date.parse('2026-12-27T00:00:00+07:00'), '15 + 10 days');
});

test('a consent withdrawal taken by phone is logged against the customer found by number, and completing it records opt-outs', async () => {
  const a = await director('Phone A', 'ph_a');
  const ref = 'ph-tuan';
  await hub.post('/intake/v1/consents', { ...consent(ref), customer: customer(ref, { phone: '0904 555 666' }) });
  await a.sync();
  const [found] = await a.call('requests.findCustomer', { text: '+84904555666' });
  assert.ok(found && !found.phone.includes('555'), 'found, masked');
  const { id } = await a.call('requests.log', {
    customerId: found.id,
    type: 'consent_withdrawal',
    channel: 'phone',
    thirdParty: false,
    note: 'Khách gọi tổng đài, không muốn nhận khuyến mãi nữa',
  });
  assert.equal(
    errorCode(
      await a.raw('requests.log', {
        customerId: found.id,
        type: 'deletion',
        channel: 'phone',
        thirdParty: false,
        changes: { fullName: 'X' },
      }),
    ),
    'invalid_input',
    'only a profile change names changes',
  );
  await a.call('requests.decide', { id, decision: { outcome: 'completed' } });
  await a.sync();
  const row = (await hub.db.query<any>('SELECT channel, logged_by, note, status FROM account_requests WHERE id = $1', [id])).rows[0];
  assert.deepEqual(row, {
    channel: 'phone',
    logged_by: a.d.staff.ph_a!.displayName,
    note: 'Khách gọi tổng đài, không muốn nhận khuyến mãi nữa',
    status: 'completed',
  });
  const ledger = (
    await hub.db.query<{ opted_in: boolean; channel: string }>(
      `SELECT opted_in, channel FROM consents WHERE customer_id = (SELECT id FROM customers WHERE website_ref = $1) ORDER BY recorded_at`,
      [ref],
    )
  ).rows;
  assert.deepEqual(ledger, [
    { opted_in: true, channel: 'email' },
    { opted_in: false, channel: 'email' },
  ]);
  assert.equal((await feedOf(id))[0]?.outcome, 'completed');

  // A copy of the data asked for by phone, refused: the customer is emailed the reason, and so is the website.
  const { id: copy } = await a.call('requests.log', { customerId: found.id, type: 'data_copy', channel: 'phone', thirdParty: false });
  await a.call('requests.decide', {
    id: copy,
    decision: { outcome: 'rejected', reason: 'Không xác định được người gọi là chủ tài khoản' },
  });
  await a.sync();
  await until('the refusal reaches the customer', async () =>
    smtp.received.some((m) => m.subject === 'Kết quả yêu cầu cung cấp bản sao dữ liệu cá nhân' && m.to === `${ref}@gmail.com`),
  );
  assert.match(smtp.received.find((m) => m.subject.startsWith('Kết quả yêu cầu cung cấp'))!.text, /vì: Không xác định được người gọi/);
  assert.equal((await feedOf(copy))[0]?.reason, 'Không xác định được người gọi là chủ tài khoản');
});

test('operators see no requests, and the hub refuses them a request change forced into the outbox', async () => {
  // Seated alone: a desk holds what its seated people may see, and the directory's directors are not seated here.
  const d = await seatedDesk(hub, 'Operators', [['rq_op', 'operator', ['complaint', 'comment']]]);
  const raw = await signedIn(d.desk, 'rq_op');
  const id = await ask({ type: 'deletion', customer: customer('op-nga', { phone: '0903 777 888' }) });
  await d.desk.sync.syncNow();
  assert.equal(errorCode(await raw('requests.list', { filter: 'open' })), 'forbidden');
  assert.equal(errorCode(await raw('requests.findCustomer', { text: '0903777888' })), 'forbidden');
  assert.equal(
    (d.desk.store.db.prepare('SELECT count(*) AS n FROM account_requests').get() as { n: number }).n,
    0,
    'not even in the store',
  );
  const sent = enqueue(d.desk.store.db, {
    mutation: 'request.decide',
    entityType: 'account_request',
    entityId: id,
    payload: { outcome: 'rejected', reason: 'Không' },
    actorId: d.staff.rq_op!.id,
  });
  await d.desk.sync.syncNow();
  assert.deepEqual(d.desk.store.db.prepare('SELECT state, reason FROM outbox WHERE id = ?').get(sent), {
    state: 'rejected',
    reason: "only a director handles customers' requests about their data",
  });
  assert.equal(
    (await hub.db.query<{ status: string }>('SELECT status FROM account_requests WHERE id = $1', [id])).rows[0]!.status,
    'pending',
  );
});

test('a copy of the data: the hub emails it to the account’s address as JSON and a readable document, and keeps no copy', async () => {
  const a = await director('Copy A', 'cp_a');
  const who = customer('cp-mai', { phone: '0903 555 111', fullName: 'Đỗ Thị Mai' });
  const posted = await hub.post('/intake/v1/submissions', {
    kind: 'complaint',
    customer: who,
    subject: 'Máy lạnh chảy nước',
    body: 'Máy lạnh Daikin <b>chảy nước</b> từ hôm qua.',
    submittedAt: '2026-11-28T09:00:00+07:00',
  });
  assert.equal(posted.status, 201);
  await hub.post('/intake/v1/consents', { ...consent('cp-mai'), customer: who });
  const id = await ask({ type: 'data_copy', customer: who, reason: 'Tôi muốn biết công ty lưu gì về tôi.' });
  await a.sync();
  await a.call('requests.decide', { id, decision: { outcome: 'completed' } });
  await a.sync();
  let sent: (typeof smtp.received)[number] | undefined;
  await until('the copy reaches the account’s address', async () => {
    sent = smtp.received.find((m) => m.to === who.email && m.subject === 'Bản sao dữ liệu cá nhân của Chị');
    return sent !== undefined;
  });
  assert.deepEqual(
    sent!.attachments.map((x) => x.filename),
    ['du-lieu-ca-nhan.html', 'du-lieu-ca-nhan.json'],
  );
  const copy = JSON.parse(sent!.attachments[1]!.content);
  assert.equal(copy.customer.fullName, 'Đỗ Thị Mai');
  assert.equal(copy.customer.phone, '0903 555 111');
  assert.equal(copy.submissions[0].body, 'Máy lạnh Daikin <b>chảy nước</b> từ hôm qua.');
  assert.deepEqual(
    copy.consents.map((k: { channel: string; given: boolean }) => [k.channel, k.given]),
    [['email', true]],
  );
  const html = sent!.attachments[0]!.content;
  assert.ok(html.includes('Máy lạnh Daikin &lt;b&gt;chảy nước&lt;/b&gt;'), 'the readable copy shows text as text');
  await until('the queue forgets the copy once it has gone', async () => {
    const row = (
      await hub.db.query<{ to_address: string; attachments: unknown }>(
        `SELECT to_address, attachments FROM mail_outbox WHERE request_id = $1`,
        [id],
      )
    ).rows[0];
    return row?.to_address === '' && row.attachments === null;
  });
  const audit = a.d.desk.store.db.prepare(`SELECT detail FROM audit_log WHERE action = 'request.decide'`).get() as { detail: string };
  assert.deepEqual(JSON.parse(audit.detail), { outcome: 'completed', purpose: 'data_copy' });
});
