/**
 * Crashes at the worst moments: the hub killed while the website posts, a desk killed in the middle of a
 * push and of a pull, and the hub killed between the SMTP server's acceptance and its own record. Each
 * test first proves the crash landed where it says (work outstanding, a store half synced, a record still
 * "sending"); afterwards every row is there exactly once (ids and counts compared). Hubs in their own
 * process use this pass's database (processes.ts checks what /health reports).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { insertCustomer } from '../../main/core/domain/customers.ts';
import { addNote, queueReply } from '../../main/core/domain/submission-work.ts';
import { insertSubmission } from '../../main/core/domain/submissions.ts';
import { openStore } from '../../main/core/store/open.ts';
import { getSetting } from '../../main/core/store/settings.ts';
import { enroll } from '../../main/core/sync/enrollment.ts';
import { addStaff, keychain, tempDir, holdKey } from '../support/fixtures.ts';
import { complaint, customer, startTestHub, testHubStorage } from '../support/hub.ts';
import { deskSync, freePort, hubCli, killed, printedSecret, startHubProcess, stopped } from '../support/processes.ts';
import { startSmtpListener } from '../support/smtp.ts';
import { waitFor } from '../support/wait.ts';

/** Who enrolls the test desks (enrollment is audited under an actor). */
const IT = { id: null, name: 'IT (test)', role: 'it_admin' };

const post = (port: number, key: string, idempotencyKey: string, body: unknown) =>
  fetch(`http://127.0.0.1:${port}/intake/v1/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}`, 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify(body),
  });

test('the hub killed with SIGKILL while the website posts; the website retries: one submission per idempotency key', async () => {
  const storage = await testHubStorage();
  const key = printedSecret(hubCli(storage, ['website-key']));
  const port = await freePort();
  let hub = await startHubProcess(storage, port);
  const keys = Array.from({ length: 40 }, (_, i) => `website-crash-${String(i).padStart(3, '0')}`);
  const queue = [...keys];
  let answered = 0;
  let killedAt = 0;
  let restarted: Promise<void> | undefined;
  const lostInFlight: string[] = []; // posts sent before the kill that never got their answer because of it
  const deadline = Date.now() + 90_000;
  // The website: ten workers, each with one post outstanding at a time; a post that fails is retried
  // after 50 ms, as the website's retry queue would. The 20th answer kills the hub while the others are out.
  const worker = async () => {
    for (let k = queue.shift(); k; k = queue.shift()) {
      for (;;) {
        if (Date.now() > deadline) throw new Error(`the website could not post ${k} within 90 s`);
        const sentAt = Date.now();
        try {
          const r = await post(port, key, k, complaint(k));
          if (r.status === 201) {
            if (++answered === 20) {
              killedAt = Date.now();
              restarted = killed(hub).then(async () => void (hub = await startHubProcess(storage, port)));
            }
            break;
          }
        } catch {
          if (killedAt && sentAt <= killedAt) lostInFlight.push(k);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
  await restarted;
  assert.ok(killedAt > 0, 'the hub was killed');
  assert.ok(lostInFlight.length > 0, 'at least one post was outstanding when the hub died, and was retried');
  await stopped(hub);
  const db = await storage.connect();
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
  await holdKey(store, operator.id);
  await enroll(store, keychain, hub.url, await hub.enrollmentCode(), 'Máy crash', IT);
  return { dir, store, operator };
}

/** A number of the form `NAME DONE TOTAL` strictly between none and all. */
const midway = (name: string) => (line: string) => {
  const m = new RegExp(`^${name} (\\d+) (\\d+)$`).exec(line);
  return !!m && Number(m[1]) > 0 && Number(m[1]) < Number(m[2]);
};

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

  // Killed as soon as its store records some, not all, of the hub's answers.
  const first = await deskSync(dir, 100, 100, midway('pushed')).done;
  assert.ok(first.killed, `the desk was killed mid-push: ${first.output}`);
  const atDeath = await openStore({ dataDir: dir, keychain });
  const answered = (atDeath.db.prepare(`SELECT count(*) AS n FROM outbox WHERE state <> 'pending'`).get() as { n: number }).n;
  atDeath.close();
  assert.ok(answered > 0 && answered < 600, `the store died with ${answered} of 600 outbox rows answered`);
  const onHub = async () => (await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM applied_mutations')).rows[0]!.n;
  const appliedAtDeath = await onHub();
  assert.ok(
    appliedAtDeath >= answered && appliedAtDeath < 600,
    `the hub had applied ${appliedAtDeath} of 600 (the desk had recorded ${answered}) when the desk died`,
  );

  const second = await deskSync(dir, 100, 100).done;
  assert.match(second.output, /"hub":"online"/);
  const notes = (
    await hub.db.query<{ id: string }>(`SELECT id FROM submission_events WHERE submission_id = $1 AND type = 'note' ORDER BY id`, [
      posted.body.id,
    ])
  ).rows.map((r) => r.id);
  assert.deepEqual(notes, [...noteIds].sort());
  assert.equal(await onHub(), 600);
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
  const end = Number(
    (
      await hub.db.query<{ seq: string }>(
        `SELECT greatest((SELECT max(seq) FROM customers), (SELECT max(seq) FROM submissions), (SELECT max(seq) FROM submission_events),
           (SELECT max(seq) FROM staff))::text AS seq`,
      )
    ).rows[0]!.seq,
  );

  const first = await deskSync(dir, 25, 100, midway('progress')).done;
  assert.ok(first.killed, `the desk was killed mid-pull: ${first.output}`);
  const atDeath = await openStore({ dataDir: dir, keychain });
  const cursor = Number(getSetting(atDeath.db, 'sync.cursor'));
  const partial = (atDeath.db.prepare('SELECT count(*) AS n FROM submissions').get() as { n: number }).n;
  atDeath.close();
  assert.ok(cursor > 0 && cursor < end, `the store died with its cursor at ${cursor}, between 0 and the hub's ${end}`);
  assert.ok(partial > 0 && partial < 400, `the store died with ${partial} of 400 submissions`);

  await deskSync(dir, 25, 100).done;
  const desk = await openStore({ dataDir: dir, keychain });
  const local = (desk.db.prepare('SELECT id FROM submissions ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  const events = (desk.db.prepare(`SELECT count(*) AS n FROM submission_events WHERE type = 'created'`).get() as { n: number }).n;
  const finalCursor = Number(getSetting(desk.db, 'sync.cursor'));
  desk.close();
  assert.deepEqual(local, [...ids].sort());
  assert.equal(events, 400);
  assert.equal(finalCursor, end);
});

test('the hub killed between the SMTP server accepting a reply and recording it: the reply is sent again with the same Message-ID (at-least-once)', async () => {
  const smtp = await startSmtpListener();
  const storage = await testHubStorage();
  const key = printedSecret(hubCli(storage, ['website-key']));
  const code = printedSecret(hubCli(storage, ['enroll']));
  const port = await freePort();
  const env = { SMTP_URL: smtp.url, MAIL_INTERVAL_MS: '100' };
  let hub = await startHubProcess(storage, port, env);
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
  await holdKey(again, operator.id);
  const replyId = queueReply(again.db, 'complaint', posted.id, operator.id, 'Chúng tôi đã gửi máy mới cho anh/chị.');
  again.close();

  // The window: the SMTP server has read the message; the hub is frozen before the 250 is even written, then killed.
  const frozen = hub;
  smtp.beforeAccept = () => {
    smtp.beforeAccept = undefined;
    frozen.kill('SIGSTOP');
  };
  await deskSync(deskDir, 100, 100).done;
  await waitFor('the SMTP server to receive the reply', () => smtp.received.length > 0);
  await killed(frozen);
  // Where it landed: the message is at the SMTP server, and the hub's own record still says "sending".
  const atDeath = await storage.connect();
  const record = async (db: Awaited<ReturnType<typeof storage.connect>>) =>
    (await db.query<{ state: string; attempts: number }>('SELECT state, attempts FROM mail_outbox WHERE reply_id = $1', [replyId])).rows[0];
  assert.deepEqual(await record(atDeath), { state: 'sending', attempts: 1 });
  await atDeath.close();

  hub = await startHubProcess(storage, port, env);
  await waitFor('the reply to be sent again after the restart', () => smtp.received.length >= 2);
  await stopped(hub); // a clean stop: the sender records the round it is in before the hub exits
  assert.equal(smtp.received.length, 2, 'nothing more went out between the second delivery and the hub’s clean stop');
  assert.equal(smtp.received[0]!.messageId, `<reply-${replyId}@backdesk.hub>`);
  assert.equal(smtp.received[1]!.messageId, smtp.received[0]!.messageId);
  const db = await storage.connect();
  try {
    // Recorded as sent: no later round of any hub picks it up again.
    assert.deepEqual(await record(db), { state: 'sent', attempts: 2 });
  } finally {
    await db.close();
  }
});
