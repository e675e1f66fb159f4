/**
 * Replies go out as email exactly once (in-process hub), with a stable Message-ID, and delivery state flows
 * back; a reply the SMTP server keeps refusing is retried with growing waits, then given up.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queueReply } from '../../main/core/domain/submission-work.ts';
import { MAX_ATTEMPTS, MailSender } from '../../server/mail/sender.ts';
import { enrolledDesk as enrolledDeskOn } from '../support/enrolled-desk.ts';
import { complaint, customer, startTestHub } from '../support/hub.ts';
import { startSmtpListener } from '../support/smtp.ts';

const hub = await startTestHub();
const smtp = await startSmtpListener();

async function enrolledDesk() {
  const { desk, staff } = await enrolledDeskOn(hub, 'thư', [['lan', 'operator', ['complaint']]]);
  return { desk, operator: staff.lan! };
}

const delivery = (desk: Awaited<ReturnType<typeof enrolledDesk>>['desk'], eventId: string) =>
  JSON.parse((desk.store.db.prepare('SELECT data FROM submission_events WHERE id = ?').get(eventId) as { data: string }).data) as Record<
    string,
    unknown
  >;

test('a reply is received once, with the right recipient, subject and body, across restarts and replayed pushes', async () => {
  const { desk, operator } = await enrolledDesk();
  const posted = await hub.post(
    '/intake/v1/submissions',
    complaint('m1', { customer: customer('m1', { email: 'khach.m1@gmail.com' }), subject: 'Tủ lạnh không lạnh' }),
  );
  await desk.sync.syncNow();
  const eventId = queueReply(
    desk.store.db,
    'complaint',
    posted.body.id,
    operator.id,
    'Chào anh/chị, chúng tôi sẽ đổi tủ lạnh mới trong tuần này.',
  );
  await desk.sync.syncNow();
  assert.equal(await new MailSender(hub.db, { url: smtp.url, from: 'CSKH <cskh@example.vn>' }).runOnce(), 1);
  assert.deepEqual(smtp.received, [
    {
      to: 'khach.m1@gmail.com',
      subject: 'Phản hồi: Tủ lạnh không lạnh',
      text: 'Chào anh/chị, chúng tôi sẽ đổi tủ lạnh mới trong tuần này.',
      messageId: `<reply-${eventId}@backdesk.hub>`,
      attachments: [],
    },
  ]);
  await desk.sync.syncNow();
  assert.equal(delivery(desk, eventId).delivery, 'sent');

  // The desk replays its push; a new sender (a restarted hub) runs again: nothing more is sent.
  desk.store.db.prepare(`UPDATE outbox SET state = 'pending'`).run();
  await desk.sync.syncNow();
  assert.equal(await new MailSender(hub.db, { url: smtp.url, from: 'CSKH <cskh@example.vn>' }).runOnce(), 0);
  assert.equal(smtp.received.length, 1);
});

test('an SMTP refusal is kept on the hub with the server’s reason and retried later; the desk sees its code and category', async () => {
  const { desk, operator } = await enrolledDesk();
  const posted = await hub.post('/intake/v1/submissions', complaint('m2', { customer: customer('m2', { email: 'khach.m2@gmail.com' }) }));
  await desk.sync.syncNow();
  const eventId = queueReply(desk.store.db, 'complaint', posted.body.id, operator.id, 'Xin lỗi anh/chị.');
  await desk.sync.syncNow();
  smtp.refuseWith = 'mailbox unavailable';
  const before = smtp.received.length;
  try {
    assert.equal(await new MailSender(hub.db, { url: smtp.url, from: 'cskh@example.vn' }).runOnce(), 0);
  } finally {
    smtp.refuseWith = undefined;
  }
  const row = (
    await hub.db.query<{ state: string; last_error: string; later: boolean }>(
      `SELECT state, last_error, next_attempt_at > now() AS later FROM mail_outbox WHERE reply_id = $1`,
      [eventId],
    )
  ).rows[0]!;
  assert.equal(row.state, 'queued');
  assert.match(row.last_error, /mailbox unavailable/);
  assert.equal(row.later, true, 'the retry waits (back-off)');
  assert.equal(await new MailSender(hub.db, { url: smtp.url, from: 'cskh@example.vn' }).runOnce(), 0, 'not due yet');
  assert.equal(smtp.received.length, before);
  await desk.sync.syncNow();
  assert.deepEqual(delivery(desk, eventId).lastFailure, { category: 'mailbox_unavailable', smtpCode: 550 });
});

test('a reply to a customer without an email address is marked failed with that code', async () => {
  const { desk, operator } = await enrolledDesk();
  const { email: _none, ...noEmail } = customer('m3');
  const posted = await hub.post('/intake/v1/submissions', complaint('m3', { customer: noEmail }));
  await desk.sync.syncNow();
  const eventId = queueReply(desk.store.db, 'complaint', posted.body.id, operator.id, 'Chào anh/chị.');
  await desk.sync.syncNow();
  await desk.sync.syncNow();
  assert.deepEqual(delivery(desk, eventId), { delivery: 'failed', code: 'no_address' });
});

test('a reply refused at every attempt is retried with doubling waits, then given up after the last: failed, never tried again, and the desk sees why', async () => {
  const { desk, operator } = await enrolledDesk();
  const posted = await hub.post('/intake/v1/submissions', complaint('m4', { customer: customer('m4', { email: 'khach.m4@gmail.com' }) }));
  await desk.sync.syncNow();
  const eventId = queueReply(desk.store.db, 'complaint', posted.body.id, operator.id, 'Xin lỗi anh/chị.');
  await desk.sync.syncNow();
  const row = async () =>
    (
      await hub.db.query<{ state: string; attempts: number; last_error: string; wait_s: number }>(
        `SELECT state, attempts, last_error, extract(epoch FROM next_attempt_at - now())::float8 AS wait_s FROM mail_outbox WHERE reply_id = $1`,
        [eventId],
      )
    ).rows[0]!;
  // The back-off waits are minutes to an hour: the test makes the row due instead of waiting them out.
  const due = () => hub.db.query('UPDATE mail_outbox SET next_attempt_at = now() WHERE reply_id = $1', [eventId]);
  const sender = new MailSender(hub.db, { url: smtp.url, from: 'cskh@example.vn' });
  const waits: number[] = [];
  smtp.refuseWith = 'mailbox unavailable';
  try {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await due();
      await sender.runOnce();
      const r = await row();
      assert.equal(r.attempts, attempt);
      assert.match(r.last_error, /mailbox unavailable/, 'the reason is the SMTP server’s own answer');
      assert.equal(r.state, attempt < MAX_ATTEMPTS ? 'queued' : 'failed', `state after attempt ${attempt}`);
      if (attempt < MAX_ATTEMPTS) waits.push(r.wait_s);
    }
  } finally {
    smtp.refuseWith = undefined;
  }
  // 30 s, then doubling, never more than an hour (a few seconds of slack for the time the rounds took).
  waits.forEach((w, i) => {
    const expected = Math.min(30 * 2 ** i, 3600);
    assert.ok(w > expected - 5 && w <= expected, `wait after attempt ${i + 1}: ${w.toFixed(1)} s, expected ${expected} s`);
  });

  // Given up: even due and with the SMTP server accepting again, no round tries it.
  await due();
  await sender.runOnce();
  await sender.close();
  assert.equal((await row()).attempts, MAX_ATTEMPTS);
  assert.ok(!smtp.received.some((m) => m.messageId === `<reply-${eventId}@backdesk.hub>`), 'the given-up reply never reached the server');
  await desk.sync.syncNow();
  const seen = delivery(desk, eventId);
  assert.equal(seen.delivery, 'failed');
  assert.equal(seen.code, 'refused');
  assert.deepEqual(seen.failure, { category: 'mailbox_unavailable', smtpCode: 550 });
});
