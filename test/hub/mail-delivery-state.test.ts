/**
 * What a desk learns about a reply's email, with the hub running its mail delivery as `backdesk-hub serve`
 * does: without SMTP the desk is told email is not configured on the hub; with SMTP (the real listener in
 * test/support/smtp.ts, or a server that never answers) it sees sending, sent, a refusal being retried,
 * and failed, each failure as its SMTP code and category. The desk reads it through the API, as the window does.
 */
import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { after, test } from 'node:test';
import { queueReply } from '../../main/core/domain/submission-work.ts';
import { MAX_ATTEMPTS } from '../../server/mail/sender.ts';
import { enrolledDesk } from '../support/enrolled-desk.ts';
import { PASSWORD } from '../support/fixtures.ts';
import { complaint, customer, startTestHub, type TestHub } from '../support/hub.ts';
import { startSmtpListener } from '../support/smtp.ts';
import { until } from '../support/synced-desk.ts';

const smtp = await startSmtpListener();

/** An SMTP server that accepts connections and never says a word: a send stays `sending` until it is cut. */
async function silentServer() {
  const sockets = new Set<Socket>();
  const server = createServer((s) => void sockets.add(s));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const cut = () => sockets.forEach((s) => s.destroy());
  after(() => {
    cut();
    server.close();
  });
  return { url: `smtp://127.0.0.1:${(server.address() as { port: number }).port}`, cut };
}

async function deskOn(hub: TestHub) {
  const { desk, staff } = await enrolledDesk(hub, 'thư', [['lan', 'operator', ['complaint']]]);
  const operator = staff.lan!;
  assert.ok((await desk.dispatcher.call('lan', 'auth.signIn', { username: 'lan', password: PASSWORD })).ok);
  /** The reply's delivery as the person's window gets it from `complaints.get`. */
  const shown = async (submissionId: string, replyId: string) => {
    const out = await desk.dispatcher.call('lan', 'complaints.get', { id: submissionId });
    assert.ok(out.ok, JSON.stringify(out));
    return (out.result as { timeline: { id: string; delivery: unknown }[] }).timeline.find((e) => e.id === replyId)!.delivery;
  };
  /** A complaint from the website, synced, with a reply queued on this desk and pushed. */
  const replied = async (ref: string, email: string | null) => {
    const { email: _drop, ...noEmail } = customer(ref);
    const posted = await hub.post('/intake/v1/submissions', complaint(ref, { customer: email ? customer(ref, { email }) : noEmail }));
    assert.equal(posted.status, 201);
    await desk.sync.syncNow();
    const replyId = queueReply(desk.store.db, 'complaint', posted.body.id, operator.id, 'Chào anh/chị, chúng tôi đã xử lý.');
    assert.deepEqual(await shown(posted.body.id, replyId), { delivery: 'pending' }, 'not on the hub yet');
    await desk.sync.syncNow();
    return { submissionId: posted.body.id as string, replyId };
  };
  const hubState = async (replyId: string) =>
    (await hub.db.query<{ data: Record<string, unknown> }>('SELECT data FROM submission_events WHERE id = $1', [replyId])).rows[0]!.data;
  return { desk, shown, replied, hubState };
}

test('a hub without SMTP: the desk says email is not configured on the hub, instead of "queued" forever', { timeout: 60_000 }, async () => {
  const hub = await startTestHub({ mail: null, mailIntervalMs: 50 });
  const d = await deskOn(hub);
  const { submissionId, replyId } = await d.replied('nc1', 'khach.nc1@gmail.com');
  await until('the hub to mark the reply', async () => (await d.hubState(replyId)).notConfigured === true);
  await d.desk.sync.syncNow();
  assert.deepEqual(await d.shown(submissionId, replyId), { delivery: 'queued', notConfigured: true });
});

test(
  'a hub with SMTP: sent with its time and Message-ID; a refusal is retried with its code and category; the last refusal is failed',
  { timeout: 60_000 },
  async () => {
    const hub = await startTestHub({ mail: { url: smtp.url, from: 'CSKH <cskh@example.vn>' }, mailIntervalMs: 50 });
    const d = await deskOn(hub);

    const ok = await d.replied('s1', 'khach.s1@gmail.com');
    await until('the hub to send it', async () => (await d.hubState(ok.replyId)).delivery === 'sent');
    assert.equal(smtp.received.filter((m) => m.to === 'khach.s1@gmail.com').length, 1);
    await d.desk.sync.syncNow();
    const sent = (await d.shown(ok.submissionId, ok.replyId)) as Record<string, unknown>;
    assert.equal(sent.delivery, 'sent');
    assert.equal(sent.messageId, `<reply-${ok.replyId}@backdesk.hub>`);
    assert.ok(Math.abs(Date.parse(String(sent.sentAt)) - Date.now()) < 60_000);

    // (Only this test uses the listener, and nothing after this part sends mail to it.)
    smtp.refuseWith = 'mailbox unavailable';
    const refused = await d.replied('s2', 'khach.s2@gmail.com');
    await until('the hub to record the refusal', async () => (await d.hubState(refused.replyId)).lastFailure !== undefined);
    await d.desk.sync.syncNow();
    const retrying = (await d.shown(refused.submissionId, refused.replyId)) as Record<string, unknown>;
    assert.equal(retrying.delivery, 'queued');
    assert.deepEqual(retrying.lastFailure, { category: 'mailbox_unavailable', smtpCode: 550 });
    assert.equal(retrying.attempts, 1);
    assert.ok(Date.parse(String(retrying.retryAt)) > Date.now(), 'the next attempt is later (back-off)');

    // The last attempt allowed: the reply is failed, with the last refusal's code and category.
    await hub.db.query('UPDATE mail_outbox SET attempts = $2, next_attempt_at = now() WHERE reply_id = $1', [
      refused.replyId,
      MAX_ATTEMPTS - 1,
    ]);
    await until('the hub to give up', async () => (await d.hubState(refused.replyId)).delivery === 'failed');
    smtp.refuseWith = undefined;
    await d.desk.sync.syncNow();
    const failed = (await d.shown(refused.submissionId, refused.replyId)) as Record<string, unknown>;
    assert.equal(failed.delivery, 'failed');
    assert.equal(failed.code, 'refused');
    assert.deepEqual(failed.failure, { category: 'mailbox_unavailable', smtpCode: 550 });

    const none = await d.replied('s3', null);
    await d.desk.sync.syncNow();
    assert.deepEqual(await d.shown(none.submissionId, none.replyId), { delivery: 'failed', code: 'no_address' });
  },
);

test(
  'a mail server that does not answer: the desk sees "sending", then the retry as a network failure when the connection drops',
  { timeout: 60_000 },
  async () => {
    const silent = await silentServer();
    const hub = await startTestHub({ mail: { url: silent.url, from: 'cskh@example.vn' }, mailIntervalMs: 50 });
    const d = await deskOn(hub);
    const { submissionId, replyId } = await d.replied('q1', 'khach.q1@gmail.com');
    await until('the hub to start sending', async () => (await d.hubState(replyId)).delivery === 'sending');
    await d.desk.sync.syncNow();
    assert.deepEqual(await d.shown(submissionId, replyId), { delivery: 'sending', attempts: 1 });
    silent.cut();
    await until('the hub to record the dropped connection', async () => (await d.hubState(replyId)).delivery === 'queued');
    await d.desk.sync.syncNow();
    const retrying = (await d.shown(submissionId, replyId)) as Record<string, unknown>;
    assert.equal(retrying.delivery, 'queued');
    assert.deepEqual(retrying.lastFailure, { category: 'network' }, JSON.stringify(retrying));
  },
);
