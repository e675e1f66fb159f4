/**
 * Crashes at the worst moments: the hub killed while the website posts, a desk killed in the middle of a
 * push and of a pull, and the hub killed between the SMTP server's acceptance and its own record.
 * Afterwards every row is there exactly once (ids and counts compared).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { insertCustomer } from '../../main/core/domain/customers.ts';
import { addNote, insertSubmission } from '../../main/core/domain/submissions.ts';
import { openStore } from '../../main/core/store/open.ts';
import { enroll } from '../../main/core/sync/client.ts';
import { connectHubDb } from '../../server/db/connect.ts';
import { addStaff, keychain, tempDir } from '../support/fixtures.ts';
import { complaint, customer, startTestHub } from '../support/hub.ts';
import { deskSync, freePort, hubCli, killed, printedSecret, startHubProcess, stopped } from '../support/processes.ts';
import { startSmtpListener } from '../support/smtp.ts';

/** Who enrolls the test desks (enrollment is audited under an actor). */
const IT = { id: null, name: 'IT (test)', role: 'it_admin' };

const post = (port: number, key: string, idempotencyKey: string, body: unknown) =>
  fetch(`http://127.0.0.1:${port}/intake/v1/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}`, 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify(body),
  });

test('the hub killed with SIGKILL while the website posts; the website retries: one submission per idempotency key', async () => {
  const dir = join(tempDir(), 'hub');
  const key = printedSecret(hubCli(dir, ['website-key']));
  const port = await freePort();
  let hub = await startHubProcess(dir, port);
  const keys = Array.from({ length: 40 }, (_, i) => `website-crash-${String(i).padStart(3, '0')}`);
  let crashed = false;
  // The website: ten posts at a time; a post that fails (connection refused or reset) is retried until it gets an answer.
  const website = async (k: string) => {
    for (;;) {
      try {
        const r = await post(port, key, k, complaint(k));
        if (r.status === 201) return;
      } catch {
        // the hub is down: try again shortly, as the website's retry queue would
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  for (let i = 0; i < keys.length; i += 10) {
    const batch = Promise.all(keys.slice(i, i + 10).map(website));
    if (i === 20 && !crashed) {
      crashed = true;
      await new Promise((r) => setTimeout(r, 5)); // some of the ten are in flight
      await killed(hub);
      hub = await startHubProcess(dir, port);
    }
    await batch;
  }
  await stopped(hub);
  const db = await connectHubDb({ dataDir: dir });
  try {
    const refs = (await db.query<{ website_ref: string }>('SELECT website_ref FROM submissions ORDER BY website_ref')).rows.map(
      (r) => r.website_ref,
    );
    assert.deepEqual(refs, keys);
    assert.equal((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys')).rows[0]!.n, keys.length);
  } finally {
    await db.close();
  }
});

async function deskWithHub(hub: Awaited<ReturnType<typeof startTestHub>>) {
  const dir = join(tempDir(), 'desk');
  const store = await openStore({ dataDir: dir, keychain });
  const operator = await addStaff(store, 'lan', 'operator', ['complaint']);
  await enroll(store, keychain, hub.url, await hub.enrollmentCode(), 'Máy crash', IT);
  return { dir, store, operator };
}

test('a desk killed with SIGKILL in the middle of a push, then restarted: every note is on the hub exactly once', async () => {
  const hub = await startTestHub();
  const posted = await hub.post('/intake/v1/submissions', complaint('push-crash'));
  const { dir, store, operator } = await deskWithHub(hub);
  // Bring the submission to the desk in-process first, then write 600 notes offline.
  const customerId = insertCustomer(store.db, { fullName: 'x', createdAt: 0 });
  insertSubmission(store.db, { id: posted.body.id, kind: 'complaint', customerId, subject: 's', body: 'b', createdAt: 0 });
  const noteIds = store.db.transaction(() =>
    Array.from({ length: 600 }, (_, i) => addNote(store.db, 'complaint', posted.body.id, operator.id, `Ghi chú ${i}`)),
  )();
  store.close();

  const run = deskSync(dir, 100, 100);
  const applied = async () => (await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM applied_mutations')).rows[0]!.n;
  for (;;) {
    const n = await applied();
    if (n > 0) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  run.kill();
  const first = await run.done;
  assert.ok(first.killed);
  const atKill = await applied();
  assert.ok(atKill > 0 && atKill < 600, `killed after ${atKill} of 600 mutations were applied`);

  const second = await deskSync(dir, 100, 100).done;
  assert.match(second.output, /"hub":"online"/);
  const onHub = (
    await hub.db.query<{ id: string }>(`SELECT id FROM submission_events WHERE submission_id = $1 AND type = 'note' ORDER BY id`, [
      posted.body.id,
    ])
  ).rows.map((r) => r.id);
  assert.deepEqual(onHub, [...noteIds].sort());
  const reopened = await openStore({ dataDir: dir, keychain });
  const states = reopened.db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all();
  reopened.close();
  assert.deepEqual(states, [{ state: 'applied', n: 600 }]);
});

test('a desk killed with SIGKILL in the middle of a pull, then restarted: every submission is there exactly once', async () => {
  const hub = await startTestHub();
  const ids: string[] = [];
  for (let i = 0; i < 400; i++)
    ids.push((await hub.post('/intake/v1/submissions', complaint(`pull-${i % 20}`, { subject: `Khiếu nại ${i}` }))).body.id);
  const { dir, store } = await deskWithHub(hub);
  store.close();
  const first = await deskSync(dir, 25, 100, (line) => {
    const m = /^progress (\d+) (\d+)/.exec(line);
    return !!m && Number(m[1]) > 0 && Number(m[1]) < Number(m[2]);
  }).done;
  assert.ok(first.killed, first.output);
  await deskSync(dir, 25, 100).done;
  const desk = await openStore({ dataDir: dir, keychain });
  const local = (desk.db.prepare('SELECT id FROM submissions ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  const events = (desk.db.prepare(`SELECT count(*) AS n FROM submission_events WHERE type = 'created'`).get() as { n: number }).n;
  desk.close();
  assert.deepEqual(local, [...ids].sort());
  assert.equal(events, 400);
});

test('the hub killed between the SMTP server accepting a reply and recording it: the reply is sent again with the same Message-ID (at-least-once)', async () => {
  const smtp = await startSmtpListener();
  const dir = join(tempDir(), 'hub');
  const key = printedSecret(hubCli(dir, ['website-key']));
  const code = printedSecret(hubCli(dir, ['enroll']));
  const port = await freePort();
  const env = { SMTP_URL: smtp.url, MAIL_INTERVAL_MS: '100' };
  let hub = await startHubProcess(dir, port, env);
  const posted = (await (
    await post(port, key, 'mail-crash-0001', complaint('mail', { customer: customer('mail', { email: 'khach.mail@gmail.com' }) }))
  ).json()) as { id: string };

  const deskDir = join(tempDir(), 'desk');
  const store = await openStore({ dataDir: deskDir, keychain });
  const operator = await addStaff(store, 'lan', 'operator', ['complaint']);
  await enroll(store, keychain, `http://127.0.0.1:${port}`, code, 'Máy thư', IT);
  store.close();
  await deskSync(deskDir, 100, 100).done;
  const again = await openStore({ dataDir: deskDir, keychain });
  const { queueReply } = await import('../../main/core/domain/submissions.ts');
  const replyId = queueReply(again.db, 'complaint', posted.id, operator.id, 'Chúng tôi đã gửi máy mới cho anh/chị.');
  again.close();

  // The window: the SMTP server has read the message; the hub is frozen before it can see the 250, then killed.
  const frozen = hub;
  smtp.beforeAccept = () => {
    smtp.beforeAccept = undefined;
    frozen.kill('SIGSTOP');
  };
  await deskSync(deskDir, 100, 100).done;
  while (smtp.received.length === 0) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 100)); // the 250 is on its way to a frozen process
  await killed(frozen);

  hub = await startHubProcess(dir, port, env);
  while (smtp.received.length < 2) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 600)); // several sender rounds: nothing more goes out
  await stopped(hub);
  assert.equal(smtp.received.length, 2);
  assert.equal(smtp.received[0]!.messageId, `<reply-${replyId}@backdesk.hub>`);
  assert.equal(smtp.received[1]!.messageId, smtp.received[0]!.messageId);
  const db = await connectHubDb({ dataDir: dir });
  try {
    const row = (
      await db.query<{ state: string; attempts: number }>('SELECT state, attempts FROM mail_outbox WHERE reply_id = $1', [replyId])
    ).rows[0]!;
    assert.deepEqual(row, { state: 'sent', attempts: 2 });
  } finally {
    await db.close();
  }
});
