/**
 * A stand-in for the company website's server, for `npm start`: it posts demo complaints, questions and
 * comments to the hub's intake API, first a batch (with progress) and then one every few seconds, with an
 * idempotency key per post and retries while the hub is down.
 * Usage: website-simulator.ts --hub URL --key-file FILE [--initial 5000] [--every-ms 8000]
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { between, makeComplaint, makeCustomer, pick, seeded } from '../main/core/demo/vietnamese.ts';

const { values } = parseArgs({
  options: {
    hub: { type: 'string' },
    'key-file': { type: 'string' },
    initial: { type: 'string', default: '0' },
    'every-ms': { type: 'string', default: '8000' },
  },
});
if (!values.hub || !values['key-file'])
  throw new Error('usage: website-simulator.ts --hub URL --key-file FILE [--initial N] [--every-ms MS]');
const hub = values.hub;
const key = readFileSync(values['key-file'], 'utf8').trim();
const rng = seeded(Date.now() % 100_000);
const customers = Array.from({ length: 300 }, (_, i) => makeCustomer(seeded(i + 1), i + 1));
const COMMENTS = [
  'Sản phẩm dùng rất tốt, giao hàng nhanh!',
  'Giá hơi cao so với chỗ khác.',
  'Shop tư vấn nhiệt tình, sẽ ủng hộ tiếp.',
  'Mua ngay tại http://khuyen-mai-gia-re.example ưu đãi 90%!!!',
  'Cho hỏi sản phẩm này còn bảo hành chính hãng không?',
];

function website(c: ReturnType<typeof makeCustomer>) {
  return {
    ref: c.username,
    username: c.username,
    gender: c.gender,
    fullName: c.fullName,
    email: c.email,
    phone: c.phone,
    address: c.address,
  };
}

function nextPost(): [string, unknown] {
  const c = pick(rng, customers);
  const r = rng();
  if (r < 0.2) {
    return [
      '/intake/v1/comments',
      {
        ref: `cm-${randomUUID()}`,
        customer: website(c),
        pageUrl: `https://shop.example.vn/san-pham/${between(rng, 1000, 9999)}`,
        body: pick(rng, COMMENTS),
        postedAt: new Date().toISOString(),
      },
    ];
  }
  const kind = r < 0.9 ? 'complaint' : 'question';
  const { subject, body } = makeComplaint(rng);
  return [
    '/intake/v1/submissions',
    {
      kind,
      customer: website(c),
      subject: kind === 'question' ? subject.replace('Khiếu nại', 'Hỏi về') : subject,
      body,
      submittedAt: new Date().toISOString(),
    },
  ];
}

async function post(path: string, body: unknown): Promise<void> {
  const idempotencyKey = `sim-${randomUUID()}`;
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(hub + path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}`, 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify(body),
      });
      if (res.status < 500) return;
    } catch {
      // the hub is not up (yet): the same post with the same key is tried again
    }
    await new Promise((r) => setTimeout(r, Math.min(500 * 2 ** attempt, 10_000)));
  }
}

const initial = Number(values.initial);
let started = 0;
let finished = 0;
const workers = Array.from({ length: 8 }, async () => {
  while (started < initial) {
    started++;
    await post(...nextPost());
    if (++finished % 500 === 0) console.log(`website simulator: ${finished}/${initial} initial posts`);
  }
});
await Promise.all(workers);
if (initial) console.log(`website simulator: ${initial} initial posts done; now one every ${values['every-ms']} ms`);
for (;;) {
  await new Promise((r) => setTimeout(r, Number(values['every-ms'])));
  await post(...nextPost());
}
