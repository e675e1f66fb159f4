/** The browser host's door: one-time token, cookie flags, Host and Origin checks, CSP. */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, test } from 'node:test';
import { RENDERER_DIR } from '../../main/web/renderer-dir.ts';
import { startWebHost, type WebHost } from '../../main/web/server.ts';
import { tempDesk } from '../support/fixtures.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP, so the test controls every header (fetch would not let it forge Host). */
function send(
  host: WebHost,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

async function host(): Promise<WebHost> {
  const desk = await tempDesk();
  const h = await startWebHost({ dispatcher: desk.dispatcher, rendererDir: RENDERER_DIR });
  after(() => h.close());
  return h;
}

const launchPath = (h: WebHost) => new URL(h.launchUrl).pathname + new URL(h.launchUrl).search;

async function signedInCookie(h: WebHost): Promise<string> {
  const res = await send(h, launchPath(h));
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  return cookie;
}

test('binds to 127.0.0.1 only and carries a 256-bit token in the launch URL', async () => {
  const h = await host();
  const url = new URL(h.launchUrl);
  assert.equal(url.hostname, '127.0.0.1');
  assert.equal(Buffer.from(url.searchParams.get('token')!, 'base64url').length, 32);
});

test('a wrong token is refused; the right one is exchanged once for an HttpOnly SameSite=Strict cookie', async () => {
  const h = await host();
  const wrong = await send(h, '/launch?token=' + 'A'.repeat(43));
  assert.equal(wrong.status, 403);
  assert.equal(wrong.headers['set-cookie'], undefined);
  const ok = await send(h, launchPath(h));
  assert.equal(ok.status, 303);
  const cookie = String(ok.headers['set-cookie']);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  const again = await send(h, launchPath(h));
  assert.equal(again.status, 403, 'the token works once');
});

test('pages and API calls without the cookie are refused', async () => {
  const h = await host();
  assert.equal((await send(h, '/')).status, 401);
  const api = await send(h, '/api/auth.state', {
    method: 'POST',
    headers: { Origin: h.origin, 'Content-Type': 'application/json' },
    body: '{}',
  });
  assert.equal(api.status, 401);
  const forged = await send(h, '/api/auth.state', {
    method: 'POST',
    headers: { Origin: h.origin, 'Content-Type': 'application/json', Cookie: 'backdesk_session=guess' },
    body: '{}',
  });
  assert.equal(forged.status, 401);
});

test('with the cookie: the page is served with the CSP, and the API answers', async () => {
  const h = await host();
  const cookie = await signedInCookie(h);
  const page = await send(h, '/', { headers: { Cookie: cookie } });
  assert.equal(page.status, 200);
  assert.match(String(page.headers['content-security-policy']), /default-src 'none'; script-src 'self'/);
  assert.match(page.body, /<div id="root">/);
  const api = await send(h, '/api/auth.state', {
    method: 'POST',
    headers: { Origin: h.origin, 'Content-Type': 'application/json', Cookie: cookie },
    body: '{}',
  });
  assert.equal(api.status, 200);
  assert.deepEqual(JSON.parse(api.body), { ok: true, result: { needsFirstDirector: true, person: null, locked: false } });
});

test('a foreign Host header (DNS rebinding) and a foreign Origin are refused, even with the cookie', async () => {
  const h = await host();
  const cookie = await signedInCookie(h);
  const rebound = await send(h, '/', { headers: { Host: `evil.example:${h.port}`, Cookie: cookie } });
  assert.equal(rebound.status, 421);
  const foreign = await send(h, '/api/auth.state', {
    method: 'POST',
    headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json', Cookie: cookie },
    body: '{}',
  });
  assert.equal(foreign.status, 403);
  const noOrigin = await send(h, '/api/auth.state', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: '{}',
  });
  assert.equal(noOrigin.status, 403, 'API calls must name their origin');
  const form = await send(h, '/api/auth.state', {
    method: 'POST',
    headers: { Origin: h.origin, 'Content-Type': 'text/plain', Cookie: cookie },
    body: '{}',
  });
  assert.equal(form.status, 415);
});

test('paths outside the renderer folder are never served', async () => {
  const h = await host();
  const cookie = await signedInCookie(h);
  for (const path of ['/../../package.json', '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json']) {
    const res = await send(h, path, { headers: { Cookie: cookie } });
    assert.ok(!res.body.includes('"name": "backdesk"'), path);
  }
});

test('an oversized request body is refused', async () => {
  const h = await host();
  const cookie = await signedInCookie(h);
  const res = await send(h, '/api/auth.state', {
    method: 'POST',
    headers: { Origin: h.origin, 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify({ pad: 'x'.repeat(1_100_000) }),
  });
  assert.equal(res.status, 413);
});

/** What the host writes to console.error while fn runs (it logs there what it could not answer). */
async function errorsLoggedDuring(fn: () => Promise<void>): Promise<unknown[][]> {
  const logged: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void logged.push(args);
  try {
    await fn();
  } finally {
    console.error = original;
  }
  return logged;
}

test('a path whose percent-escapes do not decode answers 400, and nothing is logged', { timeout: 60_000 }, async () => {
  const h = await host();
  const cookie = await signedInCookie(h);
  const logged = await errorsLoggedDuring(async () => {
    for (const path of ['/%E0%A4%A', '/%ED%A0%80', '/assets/%ff.js']) {
      for (const headers of [{ Cookie: cookie }, {} as Record<string, string>]) {
        const res = await send(h, path, { headers });
        assert.equal(res.status, 400, `${path} ${JSON.stringify(headers)}`);
        assert.doesNotMatch(res.body, /URIError|at .*\.ts/);
      }
    }
    const api = await send(h, '/api/auth.%E0%A4%A', {
      method: 'POST',
      headers: { Origin: h.origin, 'Content-Type': 'application/json', Cookie: cookie },
      body: '{}',
    });
    assert.equal(api.status, 400);
  });
  assert.deepEqual(logged, []);
});

test('an API body whose bytes are not UTF-8 is refused, never decoded into U+FFFD', { timeout: 60_000 }, async () => {
  const h = await host();
  const cookie = await signedInCookie(h);
  const res = await send(h, '/api/auth.signIn', {
    method: 'POST',
    headers: { Origin: h.origin, 'Content-Type': 'application/json', Cookie: cookie },
    body: Buffer.concat([Buffer.from('{"username":"lan'), Buffer.from([0xff]), Buffer.from('","password":"x"}')]),
  });
  assert.equal(res.status, 400);
  assert.match(res.body, /UTF-8/);
});
