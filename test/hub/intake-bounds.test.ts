/**
 * Whatever the hub's schemas accept it can store: every field of every intake body, push mutation and audit
 * row is posted with boundary and hostile values and the answer is 2xx or 4xx, never 5xx. The values that
 * used to get through (year-0000 dates, NUL in a URL, bytes that are not UTF-8, times a JS Date cannot
 * hold) are refused with a 400 naming their field.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GENESIS_HASH, rowHash } from '../../common/audit/hash.ts';
import { newId } from '../../common/ids.ts';
import { complaint, customer, startTestHub } from '../support/hub.ts';

const hub = await startTestHub();
const TIMEOUT = { timeout: 180_000 };

type Json = Record<string, unknown>;
let n = 0;
const fresh = () => `b${++n}`;

/** Every leaf of a body, by path (arrays are leaves). */
function leaves(body: Json, at: string[] = []): string[][] {
  return Object.entries(body).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? leaves(v as Json, [...at, k]) : [[...at, k]],
  );
}

function withValue(body: Json, path: string[], value: unknown): Json {
  const copy = structuredClone(body);
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Json;
  if (value === undefined) delete node[path.at(-1)!];
  else node[path.at(-1)!] = value;
  return copy;
}

/** Boundary and hostile values, tried on every field whatever its type. */
const HOSTILE: [string, unknown][] = [
  ['missing', undefined],
  ['empty', ''],
  ['blank', '   '],
  ['lone high surrogate', 'm\ud800'],
  ['lone low surrogate', 'm\udc00'],
  ['NUL', 'a\u0000b'],
  ['control', 'a\u0007b'],
  ['bidi override', 'a\u202eb'],
  ['line break', 'a\nb'],
  ['emoji', 'Lan 😀'],
  ['30,000 characters', 'x'.repeat(30_000)],
  ['number', 12345],
  ['zero', 0],
  ['negative', -1],
  ['huge', 1e308],
  ['past a JS Date', 8.7e15],
  ['past int4', 2 ** 31],
  ['unsafe integer', 2 ** 53 + 2],
  ['fraction', 2.5],
  ['boolean', true],
  ['null', null],
  ['array', ['x']],
  ['object', { a: 1 }],
  ['year 0000', '0000-01-01T00:00:00Z'],
  ['year 1970', '1970-01-01T00:00:00Z'],
  ['year 9999', '9999-12-31T23:59:59.999Z'],
  ['offset +23:59', '2026-01-01T00:00:00+23:59'],
  ['date 0000', '0000-01-01'],
  ['date 9999', '9999-12-31'],
  ['31 February', '2026-02-31'],
  ['javascript: URL', 'javascript:alert(1)'],
  ['URL with NUL', 'https://shop.example.vn/a\u0000b'],
  ['URL with lone surrogate', 'https://shop.example.vn/a\ud800'],
  ['3,000-character URL', 'https://shop.example.vn/' + 'a'.repeat(3000)],
];

/** Valid bodies, one per shape; each call makes a new customer so earlier posts never decide a later answer. */
const intakeBodies = (): [string, Json][] => {
  const ref = fresh();
  return [
    ['/intake/v1/submissions', complaint(ref)],
    ['/intake/v1/submissions', { ...complaint(ref), kind: 'warranty', product: 'Tủ lạnh', serial: 'PN-1', purchaseDate: '2026-03-02' }],
    ['/intake/v1/submissions', { ...complaint(ref), kind: 'trade_contact', trade: 'resale', company: 'Công ty Minh Phát' }],
    ['/intake/v1/submissions', { ...complaint(ref), kind: 'feedback', rating: 4 }],
    [
      '/intake/v1/comments',
      { ref: fresh(), customer: customer(ref), pageUrl: 'https://shop.example.vn/p/1', body: 'Tốt', postedAt: '2026-11-20T10:00:00+07:00' },
    ],
    [
      '/intake/v1/consents',
      { customer: customer(ref), optedIn: true, channel: 'sms', wording: 'Tôi đồng ý.', recordedAt: '2026-11-20T10:00:00+07:00' },
    ],
    [
      '/intake/v1/account-requests',
      {
        type: 'profile_change',
        customer: customer(ref),
        changes: { fullName: 'Lan Anh', email: 'lan@gmail.com', phone: '0912345678', address: '12 Lê Lợi' },
        requestedAt: '2026-11-21T08:00:00+07:00',
      },
    ],
    [
      '/intake/v1/account-requests',
      { type: 'deletion', customer: customer(ref), reason: 'Không dùng', requestedAt: '2026-11-21T08:00:00+07:00' },
    ],
  ];
};

const named = (body: { error?: { field?: string; issues?: { field: string }[] } } | null) =>
  [body?.error?.field, ...(body?.error?.issues ?? []).map((i) => i.field)].filter(Boolean).join(',');

async function rawPost(path: string, bytes: Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(hub.url + path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${hub.websiteKey}`,
      'Idempotency-Key': `raw-${fresh()}-key`,
      ...headers,
    },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Json | null };
}

/** An enrolled device's token, a submission on the hub for its mutations to name, and a note to push on it. */
async function device() {
  const res = await fetch(`${hub.url}/enroll`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: await hub.enrollmentCode(), deviceName: 'Máy kiểm thử' }),
  });
  assert.equal(res.status, 201);
  const { token } = (await res.json()) as { token: string };
  const posted = await hub.post('/intake/v1/submissions', complaint(fresh()));
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(hub.url + path, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body !== undefined && { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json().catch(() => null)) as Json | null };
  };
  const submissionId = posted.body.id as string;
  /** A valid note on that submission, with any field replaced. */
  const note = (extra: Json = {}) => ({
    id: newId(),
    mutation: 'submission.note',
    entityType: 'submission',
    entityId: submissionId,
    baseVersion: null,
    payload: { eventId: newId(), body: 'Đã gọi khách' },
    actorId: newId(),
    actorName: 'Nguyễn Thị Lan',
    createdAt: Date.now(),
    // Well-formed, so every other field's value gets past the schema to the hub's checks (the signature's first).
    keyId: newId(),
    signature: 'A'.repeat(86),
    ...extra,
  });
  return { call, submissionId, note };
}

test('every intake field, given any boundary or hostile value, gets 2xx or 4xx, never 5xx', TIMEOUT, async () => {
  const fivexx: string[] = [];
  let posts = 0;
  for (const [index, [path]] of intakeBodies().entries()) {
    for (const field of leaves(intakeBodies()[index]![1])) {
      // Customer fields are one schema: tried once, on the complaint.
      if (index > 0 && field[0] === 'customer') continue;
      for (const [label, value] of HOSTILE) {
        const r = await hub.post(path, withValue(intakeBodies()[index]![1], field, value));
        posts++;
        if (r.status >= 500) fivexx.push(`${path} ${field.join('.')} = ${label}: ${r.status}`);
      }
    }
  }
  assert.ok(posts > 500, `${posts} posts`);
  assert.deepEqual(fivexx, []);
});

test('dates the store cannot hold or that cannot be true are refused with a 400 naming the field', TIMEOUT, async () => {
  const warranty = (purchaseDate: string) => ({ ...complaint(fresh()), kind: 'warranty', product: 'Máy giặt', serial: 'S1', purchaseDate });
  const inAnHour = new Date(Date.now() + 60 * 60 * 1000).toISOString();
  const cases: [string, Json, string][] = [
    ['year 0000', complaint(fresh(), { submittedAt: '0000-01-01T00:00:00Z' }), 'submittedAt'],
    ['before 2000', complaint(fresh(), { submittedAt: '1999-12-31T23:59:59Z' }), 'submittedAt'],
    ['an hour ahead', complaint(fresh(), { submittedAt: inAnHour }), 'submittedAt'],
    ['offset +23:59', complaint(fresh(), { submittedAt: '2026-01-01T00:00:00+23:59' }), 'submittedAt'],
    ['purchase in year 0000', warranty('0000-01-01'), 'purchaseDate'],
    ['purchase before 1990', warranty('1989-12-31'), 'purchaseDate'],
  ];
  for (const [name, body, field] of cases) {
    const r = await hub.post('/intake/v1/submissions', body);
    assert.equal(r.status, 400, `${name}: ${JSON.stringify(r.body)}`);
    assert.ok(named(r.body).includes(field), `${name}: named ${named(r.body)}`);
  }
  const edge = await hub.post('/intake/v1/submissions', warranty('1990-01-01'));
  assert.equal(edge.status, 201, JSON.stringify(edge.body));
  const first = await hub.post('/intake/v1/submissions', complaint(fresh(), { submittedAt: '2000-01-01T00:00:00Z' }));
  assert.equal(first.status, 201, JSON.stringify(first.body));
});

test('comment page URLs: http(s) only, no NUL, at most 2,000 characters', TIMEOUT, async () => {
  for (const [name, pageUrl] of [
    ['NUL', 'https://shop.example.vn/a\u0000b'],
    ['javascript:', 'javascript:alert(1)'],
    ['too long', 'https://shop.example.vn/' + 'a'.repeat(2000)],
  ]) {
    const r = await hub.post('/intake/v1/comments', {
      ref: fresh(),
      customer: customer(fresh()),
      pageUrl,
      body: 'Tốt',
      postedAt: '2026-11-20T10:00:00+07:00',
    });
    assert.equal(r.status, 400, `${name}: ${JSON.stringify(r.body)}`);
    assert.ok(named(r.body).includes('pageUrl'), `${name}: named ${named(r.body)}`);
  }
});

test('refs that differ only in an unpaired surrogate or in bytes that are not UTF-8 are refused, never merged', TIMEOUT, async () => {
  const before = (await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM customers')).rows[0]!.n;
  for (const ref of ['m\ud800', 'm\udbff']) {
    // JSON.stringify writes a lone surrogate as the escape `\ud800`: the raw body the hub receives.
    const raw = JSON.stringify(complaint('x', { customer: customer('x', { ref }) }));
    assert.match(raw, /\\ud[8b]/);
    const r = await hub.post('/intake/v1/submissions', null, { raw });
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.ok(named(r.body).includes('customer.ref'), named(r.body));
  }
  const [head, tail] = JSON.stringify(complaint('x', { customer: customer('x', { ref: 'REF' }) })).split('"REF"');
  const withRef = (ref: Buffer) => Buffer.concat([Buffer.from(head + '"m'), ref, Buffer.from('"' + tail)]);
  for (const byte of [0xff, 0xfe]) {
    const r = await rawPost('/intake/v1/submissions', withRef(Buffer.from([byte])));
    assert.equal(r.status, 400, JSON.stringify(r.body));
  }
  const after = (await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM customers')).rows[0]!.n;
  assert.equal(after, before);
  // The same body with a character that is UTF-8 (ơ) is received: only the bytes were at fault.
  assert.equal((await rawPost('/intake/v1/submissions', withRef(Buffer.from('ơ')))).status, 201);
});

test('push and audit copies: every field, given any boundary value, gets 2xx or 4xx, never 5xx', TIMEOUT, async () => {
  const { call, submissionId, note } = await device();
  const status = () => ({ ...note(), mutation: 'submission.status', baseVersion: 1, payload: { eventId: newId(), to: 'open' } });
  const fivexx: string[] = [];
  for (const make of [note, status]) {
    for (const field of leaves(make())) {
      for (const [label, value] of HOSTILE) {
        const r = await call('POST', '/sync/push', { mutations: [withValue(make(), field, value)] });
        if (r.status >= 500) fivexx.push(`push ${field.join('.')} = ${label}: ${r.status}`);
      }
    }
  }
  // Each row continues the chain the hub holds, so a value the schema lets through reaches the database.
  let head = { seq: 0, hash: GENESIS_HASH };
  const row = () => {
    const fields = {
      id: newId(),
      at: Date.now(),
      actor_id: null,
      actor_name: 'Nguyễn Thị Lan',
      actor_role: 'operator',
      action: 'submission.view',
      target_type: 'submission',
      target_id: submissionId,
      detail: '{}',
    };
    return { seq: head.seq + 1, ...fields, prev_hash: head.hash, hash: rowHash(head.hash, fields) };
  };
  for (const field of leaves(row())) {
    for (const [label, value] of HOSTILE) {
      const changed = withValue(row(), field, value) as ReturnType<typeof row>;
      if (field[0] !== 'hash' && field[0] !== 'prev_hash') changed.hash = rowHash(head.hash, changed);
      const r = await call('POST', '/sync/audit', { rows: [changed] });
      if (r.status >= 500) fivexx.push(`audit ${field.join('.')} = ${label}: ${r.status}`);
      const held = (await hub.db.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_copies ORDER BY seq DESC LIMIT 1'))
        .rows[0];
      if (held) head = { seq: Number(held.seq), hash: held.hash };
    }
  }
  for (const query of ['cursor', 'limit', 'count']) {
    for (const value of ['-1', '1e3', '0x10', ' 5', '', '9007199254740992', '99999999999999999999', 'abc', '1&cursor=2', '%00']) {
      const r = await call('GET', `/sync/pull?${query}=${value}`);
      if (r.status >= 500) fivexx.push(`pull ${query}=${value}: ${r.status}`);
      const a = await call('GET', `/sync/audit/hashes?${query === 'cursor' ? 'after' : query}=${value}`);
      if (a.status >= 500) fivexx.push(`audit hashes ${query}=${value}: ${a.status}`);
    }
  }
  assert.deepEqual(fivexx, []);
});

test(
  'push and audit: times past a JS Date or before 2000, NUL or a lone surrogate in a name, versions past int4 get a 400 naming the field',
  TIMEOUT,
  async () => {
    const { call, note } = await device();
    const cases: [string, Json, string][] = [
      ['createdAt past a JS Date', note({ createdAt: 8.7e15 }), 'createdAt'],
      ['createdAt 1970', note({ createdAt: 0 }), 'createdAt'],
      ['NUL in the actor name', note({ actorName: 'Lan\u0000' }), 'actorName'],
      [
        'baseVersion past int4',
        note({ mutation: 'submission.status', baseVersion: 2 ** 31, payload: { eventId: newId(), to: 'open' } }),
        'baseVersion',
      ],
    ];
    for (const [name, mutation, field] of cases) {
      const r = await call('POST', '/sync/push', { mutations: [mutation] });
      assert.equal(r.status, 400, `${name}: ${JSON.stringify(r.body)}`);
      assert.ok(named(r.body as never).includes(field), `${name}: named ${named(r.body as never)}`);
    }
    const fields = {
      id: newId(),
      at: Date.now(),
      actor_id: null,
      actor_name: 'Lan',
      actor_role: null,
      action: 'view\ud800',
      target_type: null,
      target_id: null,
      detail: '{}',
    };
    const audit = await call('POST', '/sync/audit', {
      rows: [{ seq: 1, ...fields, prev_hash: GENESIS_HASH, hash: rowHash(GENESIS_HASH, fields) }],
    });
    assert.equal(audit.status, 400, JSON.stringify(audit.body));
    assert.ok(named(audit.body as never).includes('rows.0.action'), named(audit.body as never));
    for (const cursor of ['1e3', '0x10', '-1']) assert.equal((await call('GET', `/sync/pull?cursor=${cursor}`)).status, 400, cursor);
    assert.equal((await call('GET', '/sync/pull?cursor=9007199254740991')).status, 200);
  },
);
