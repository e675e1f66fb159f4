/** The website's intake API: every kind accepted, retries never duplicate, bad input refused with the field named and nothing written. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { complaint, customer, startTestHub } from '../support/hub.ts';

const hub = await startTestHub();

async function counts() {
  const tables = ['customers', 'submissions', 'submission_events', 'comments', 'consents', 'account_requests', 'idempotency_keys'];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = (await hub.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0]!.n;
  return out;
}

test('every kind of submission, comments, consents and account requests are received', async () => {
  const posts: [string, unknown][] = [
    ['/intake/v1/submissions', complaint('c1')],
    ['/intake/v1/submissions', { ...complaint('c1'), kind: 'question', subject: 'Hỏi về bảo hành' }],
    ['/intake/v1/submissions', { ...complaint('c2'), kind: 'trade_contact', trade: 'wholesale', company: 'Công ty TNHH Minh Phát' }],
    [
      '/intake/v1/submissions',
      { ...complaint('c3'), kind: 'warranty', product: 'Tủ lạnh Panasonic 322 lít', serial: 'PN-8823-XK', purchaseDate: '2026-03-02' },
    ],
    ['/intake/v1/submissions', { ...complaint('c4'), kind: 'feedback', rating: 4 }],
    [
      '/intake/v1/comments',
      {
        ref: 'cm1',
        customer: customer('c1'),
        pageUrl: 'https://shop.example.vn/tu-lanh',
        body: 'Sản phẩm tốt!',
        postedAt: '2026-11-20T10:00:00+07:00',
      },
    ],
    [
      '/intake/v1/consents',
      {
        customer: customer('c2'),
        optedIn: true,
        channel: 'email',
        wording: 'Tôi đồng ý nhận khuyến mãi qua email.',
        recordedAt: '2026-11-20T10:00:00+07:00',
      },
    ],
    [
      '/intake/v1/account-requests',
      { type: 'profile_change', customer: customer('c1'), changes: { phone: '0987000111' }, requestedAt: '2026-11-21T08:00:00+07:00' },
    ],
    [
      '/intake/v1/account-requests',
      { type: 'deletion', customer: customer('c4'), reason: 'Không dùng nữa', requestedAt: '2026-11-21T08:00:00+07:00' },
    ],
  ];
  for (const [path, body] of posts) {
    const r = await hub.post(path, body);
    assert.equal(r.status, 201, `${path}: ${JSON.stringify(r.body)}`);
    assert.match(r.body.id, /^[0-9a-f-]{36}$/);
  }
  const warranty = (await hub.db.query<{ details: Record<string, string> }>(`SELECT details FROM submissions WHERE kind = 'warranty'`))
    .rows[0]!;
  assert.deepEqual(warranty.details, { product: 'Tủ lạnh Panasonic 322 lít', serial: 'PN-8823-XK', purchaseDate: '2026-03-02' });
});

test('a retried post with the same idempotency key gets the first answer and writes nothing more', async () => {
  const first = await hub.post('/intake/v1/submissions', complaint('retry'), { idempotencyKey: 'website-req-000123' });
  const before = await counts();
  const again = await hub.post('/intake/v1/submissions', complaint('retry'), { idempotencyKey: 'website-req-000123' });
  assert.equal(again.status, first.status);
  assert.deepEqual(again.body, first.body);
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  assert.deepEqual(await counts(), before);
});

test('bad input gets a 4xx naming the problem, and the hub’s data is unchanged', async () => {
  await hub.post('/intake/v1/submissions', complaint('fixed'));
  const before = await counts();
  const cases: [string, unknown, number, string][] = [
    ['over-long subject', complaint('x1', { subject: 'a'.repeat(301) }), 400, 'subject'],
    ['body of the wrong type', complaint('x2', { body: 12345 }), 400, 'body'],
    ['unknown kind', complaint('x3', { kind: 'lawsuit' }), 400, 'kind'],
    ['control characters', complaint('x4', { body: 'xin chào\u0000\u0007' }), 400, 'body'],
    ['invalid date', complaint('x5', { submittedAt: '2026-13-45T99:00:00Z' }), 400, 'submittedAt'],
    ['date without zone', complaint('x6', { submittedAt: '2026-11-20 09:30' }), 400, 'submittedAt'],
    ['unknown field', complaint('x7', { isAdmin: true }), 400, '(body)'],
    [
      'warranty bought in the future',
      { ...complaint('x8'), kind: 'warranty', product: 'Máy giặt', serial: 'S1', purchaseDate: '2099-01-01' },
      400,
      'purchaseDate',
    ],
    ['bad email', { ...complaint('x9'), customer: customer('x9', { email: 'not-an-email' }) }, 400, 'customer.email'],
    ['changed username', { ...complaint('fixed'), customer: customer('fixed', { username: 'someone_else' }) }, 422, 'customer.username'],
    ['changed gender', { ...complaint('fixed'), customer: customer('fixed', { gender: 'male' }) }, 422, 'customer.gender'],
    [
      'profile change of the username',
      { type: 'profile_change', customer: customer('fixed'), changes: { username: 'new' }, requestedAt: '2026-11-21T08:00:00+07:00' },
      400,
      'changes',
    ],
    [
      'profile change of the gender',
      { type: 'profile_change', customer: customer('fixed'), changes: { gender: 'male' }, requestedAt: '2026-11-21T08:00:00+07:00' },
      400,
      'changes',
    ],
  ];
  for (const [name, body, status, field] of cases) {
    const path = name.startsWith('profile') ? '/intake/v1/account-requests' : '/intake/v1/submissions';
    const r = await hub.post(path, body);
    assert.equal(r.status, status, `${name}: ${JSON.stringify(r.body)}`);
    const named = r.body.error.field ?? r.body.error.issues?.map((i: { field: string }) => i.field).join(',');
    assert.ok(String(named).includes(field), `${name}: named ${named}`);
  }
  const big = await hub.post('/intake/v1/submissions', null, {
    raw: JSON.stringify(complaint('big', { body: 'x'.repeat(10 * 1024 * 1024) })),
  });
  assert.equal(big.status, 413);
  const notJson = await hub.post('/intake/v1/submissions', null, { raw: '{"kind": "complaint",' });
  assert.equal(notJson.status, 400);
  assert.deepEqual(await counts(), before);
  const { username, gender } = (
    await hub.db.query<{ username: string; gender: string }>(`SELECT username, gender FROM customers WHERE website_ref = 'fixed'`)
  ).rows[0]!;
  assert.deepEqual({ username, gender }, { username: 'user_fixed', gender: 'female' });
});

test('without a valid website key, or without an idempotency key, nothing is accepted', async () => {
  const before = await counts();
  assert.equal((await hub.post('/intake/v1/submissions', complaint('k1'), { key: null })).status, 401);
  assert.equal((await hub.post('/intake/v1/submissions', complaint('k1'), { key: 'wrong-key' })).status, 401);
  const noKey = await hub.post('/intake/v1/submissions', complaint('k1'), { idempotencyKey: null });
  assert.equal(noKey.status, 400);
  assert.equal(noKey.body.error.field, 'Idempotency-Key');
  assert.deepEqual(await counts(), before);
});

test('the store itself refuses a username change, whatever code path tries it', async () => {
  await hub.post('/intake/v1/submissions', complaint('guarded'));
  await assert.rejects(hub.db.query(`UPDATE customers SET username = 'changed' WHERE website_ref = 'guarded'`), /username cannot change/);
  await assert.rejects(hub.db.query(`UPDATE customers SET gender = 'male' WHERE website_ref = 'guarded'`), /gender cannot change/);
});

test('a warranty claim may come without its purchase date (staff ask the customer), never without its product or serial', async () => {
  const claim = { ...complaint('nodate'), kind: 'warranty', product: 'Máy giặt Toshiba', serial: 'TW-88120' };
  const r = await hub.post('/intake/v1/submissions', claim);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const { details } = (
    await hub.db.query<{ details: Record<string, unknown> }>('SELECT details FROM submissions WHERE id = $1', [r.body.id])
  ).rows[0]!;
  assert.deepEqual(details, { product: 'Máy giặt Toshiba', serial: 'TW-88120' });
  const { serial: _serial, ...noSerial } = claim;
  assert.equal((await hub.post('/intake/v1/submissions', { ...noSerial, ref: 'noserial' })).status, 400);
});
