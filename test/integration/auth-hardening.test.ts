/**
 * Sign-in under attack: wrong passwords sent all at once (through the dispatcher and through the browser
 * host), first directors created side by side, control and bidi characters typed as a username, and what
 * the dispatcher writes to the log when a handler fails on customer data.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, test } from 'node:test';
import { format } from 'node:util';
import { neutralise } from '../../common/text/rules.ts';
import type { Envelope } from '../../main/api/contract.ts';
import type { Desk } from '../../main/api/desk.ts';
import { MAX_FAILED_ATTEMPTS } from '../../main/core/security/staff.ts';
import { RENDERER_DIR } from '../../main/web/renderer-dir.ts';
import { startWebHost, type WebHost } from '../../main/web/server.ts';
import { addComplaint, addStaff, PASSWORD, tempDesk } from '../support/fixtures.ts';

const TIMEOUT = { timeout: 120_000 };
const ATTACKS = 30;

const errorCode = (e: Envelope) => (e.ok ? 'ok' : e.error.code);
const auditCount = (desk: Desk, action: string) =>
  (desk.store.db.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number }).n;

/** Every answer is a refusal; no more wrong passwords were checked than the lockout allows; the right one is now refused too. */
async function assertLockedAfterStorm(desk: Desk, answers: Envelope[]) {
  const codes = answers.map(errorCode);
  assert.ok(
    codes.every((c) => c === 'bad_credentials' || c === 'account_locked'),
    codes.join(','),
  );
  // auth.failed is written once per password that was checked and wrong.
  assert.equal(auditCount(desk, 'auth.failed'), MAX_FAILED_ATTEMPTS);
  assert.equal(auditCount(desk, 'auth.refused_locked'), ATTACKS - MAX_FAILED_ATTEMPTS);
  const right = await desk.dispatcher.call('after-storm', 'auth.signIn', { username: 'lan', password: PASSWORD });
  assert.equal(errorCode(right), 'account_locked');
}

test(
  '30 wrong passwords at once through the dispatcher: five are checked, the account locks, the right password is refused',
  TIMEOUT,
  async () => {
    const desk = await tempDesk();
    await addStaff(desk.store, 'lan', 'operator', ['complaint']);
    const answers = await Promise.all(
      Array.from({ length: ATTACKS }, (_, i) =>
        desk.dispatcher.call(`attacker-${i}`, 'auth.signIn', { username: 'lan', password: `wrong password ${i}` }),
      ),
    );
    await assertLockedAfterStorm(desk, answers);
  },
);

test('30 wrong unlock passwords at once on an idle-locked session: five are checked and the account locks', TIMEOUT, async () => {
  const desk = await tempDesk({ idleLockMs: 50 });
  await addStaff(desk.store, 'lan', 'operator', ['complaint']);
  const call = (m: string, i: unknown = {}) => desk.dispatcher.call('conn', m, i);
  assert.equal(errorCode(await call('auth.signIn', { username: 'lan', password: PASSWORD })), 'ok');
  const deadline = Date.now() + 10_000;
  // auth.state is passive (it does not keep the session awake) and reports the lock once it has set in.
  const isLocked = async () => {
    const state = await call('auth.state');
    return state.ok && (state.result as { locked: boolean }).locked;
  };
  while (!(await isLocked())) {
    assert.ok(Date.now() < deadline, 'the session never idle-locked');
    await new Promise((r) => setTimeout(r, 20));
  }
  const answers = await Promise.all(Array.from({ length: ATTACKS }, (_, i) => call('auth.unlock', { password: `wrong password ${i}` })));
  await assertLockedAfterStorm(desk, answers);
});

function post(h: WebHost, path: string, cookie: string, body: unknown): Promise<Envelope> {
  return new Promise((resolve, reject) => {
    const headers = { Origin: h.origin, 'Content-Type': 'application/json', Cookie: cookie };
    const req = request({ host: '127.0.0.1', port: h.port, path, method: 'POST', headers, timeout: 60_000 }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve(JSON.parse(text) as Envelope));
    });
    req.on('timeout', () => req.destroy(new Error(`${path} did not answer in time`)));
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

test('the same storm from a page script through the browser host locks the account after five checks', TIMEOUT, async () => {
  const desk = await tempDesk();
  await addStaff(desk.store, 'lan', 'operator', ['complaint']);
  const h = await startWebHost({ dispatcher: desk.dispatcher, rendererDir: RENDERER_DIR });
  after(() => h.close());
  const launch = new URL(h.launchUrl);
  const cookie = await new Promise<string>((resolve, reject) => {
    request({ host: '127.0.0.1', port: h.port, path: launch.pathname + launch.search, headers: {}, timeout: 10_000 }, (res) => {
      res.resume();
      resolve(String(res.headers['set-cookie']).split(';')[0]!);
    })
      .on('error', reject)
      .end();
  });
  const answers = await Promise.all(
    Array.from({ length: ATTACKS }, (_, i) => post(h, '/api/auth.signIn', cookie, { username: 'lan', password: `wrong password ${i}` })),
  );
  await assertLockedAfterStorm(desk, answers);
});

test('three first directors at once: exactly one is made, the others hear already_initialised', TIMEOUT, async () => {
  const desk = await tempDesk();
  const answers = await Promise.all(
    ['duc', 'minh', 'hoa'].map((username) =>
      desk.dispatcher.call(`first-${username}`, 'auth.createFirstDirector', {
        username,
        displayName: `Giám đốc ${username}`,
        password: PASSWORD,
      }),
    ),
  );
  assert.deepEqual(answers.map(errorCode).sort(), ['already_initialised', 'already_initialised', 'ok']);
  const staff = desk.store.db.prepare('SELECT role FROM staff').all() as { role: string }[];
  assert.deepEqual(staff, [{ role: 'director' }]);
  assert.equal(auditCount(desk, 'staff.first_director'), 1);
});

test('a failed sign-in is audited as auth.failed with the typed username neutralised', TIMEOUT, async () => {
  const desk = await tempDesk();
  await addStaff(desk.store, 'lan', 'operator', ['complaint']);
  // A bell, a terminal escape and a right-to-left override (NUL is already refused by the input schema).
  const typed = 'lan\u0007\u001b[2J\u202egnp.exe';
  const answer = await desk.dispatcher.call('c', 'auth.signIn', { username: typed, password: 'not the password' });
  assert.equal(errorCode(answer), 'bad_credentials');
  const row = desk.store.db.prepare(`SELECT actor_id, actor_name, actor_role FROM audit_log WHERE action = 'auth.failed'`).get();
  assert.deepEqual(row, { actor_id: null, actor_name: neutralise(typed), actor_role: null });
  assert.equal(neutralise(typed), 'lan\ufffd\ufffd[2J\ufffdgnp.exe');
});

test('a handler failing on customer data logs the method, the error class and a stack, never the customer text', TIMEOUT, async () => {
  const desk = await tempDesk();
  await addStaff(desk.store, 'lan', 'operator', ['complaint']);
  const { id } = addComplaint(desk.store, 'Giao hàng trễ', 'Đơn hàng chưa tới.');
  // A damaged row: its details are the customer's words instead of JSON, so reading it throws a
  // SyntaxError whose message quotes them.
  const secret = 'Nguyễn Thị Lan 0912345123';
  const db = desk.store.db;
  db.pragma('ignore_check_constraints = ON');
  db.prepare('UPDATE submissions SET details = ? WHERE id = ?').run(secret, id);
  db.pragma('ignore_check_constraints = OFF');
  const call = (m: string, i: unknown = {}) => desk.dispatcher.call('conn', m, i);
  assert.equal(errorCode(await call('auth.signIn', { username: 'lan', password: PASSWORD })), 'ok');

  const logged: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void logged.push(format(...args));
  let answer: Envelope;
  try {
    answer = await call('complaints.get', { id });
  } finally {
    console.error = original;
  }
  assert.deepEqual(answer, { ok: false, error: { code: 'internal', message: 'internal error' } });
  assert.equal(logged.length, 1, logged.join('\n---\n'));
  const line = logged[0]!;
  assert.ok(!line.includes('Nguyễn') && !line.includes('0912345123'), line);
  assert.match(line, /complaints\.get/);
  assert.match(line, /SyntaxError/);
  assert.match(line, /\n\s+at /, 'a stack is kept');
});
