/**
 * How the hub sorts a failed SMTP send for desks (server/mail/failure.ts): by the enhanced status code when
 * the server gave one, else by the reply code, else by nodemailer's error code; the server's text, which
 * quotes the recipient, only ever goes to mail_outbox.last_error.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mailFailureOf, serverTextOf } from '../../server/mail/failure.ts';

const TIMEOUT = { timeout: 10_000 };
const refusal = (responseCode: number, response: string) =>
  Object.assign(new Error(`Can't send mail - all recipients were rejected: ${response}`), { code: 'EENVELOPE', responseCode, response });

test('a refusal becomes its SMTP code and a category, whatever the server wrote', TIMEOUT, () => {
  const cases: [Error, unknown][] = [
    [refusal(550, '550 5.1.1 <mai@gmail.com>: Recipient address rejected'), { category: 'mailbox_unavailable', smtpCode: 550 }],
    [refusal(550, '550 5.7.1 <mai@gmail.com>: refused by policy'), { category: 'rejected', smtpCode: 550 }],
    [refusal(552, '552 5.2.2 <mai@gmail.com>: mailbox full'), { category: 'mailbox_full', smtpCode: 552 }],
    [refusal(553, '553 mailbox name not allowed'), { category: 'mailbox_unavailable', smtpCode: 553 }],
    [refusal(554, '554 transaction failed'), { category: 'rejected', smtpCode: 554 }],
    [refusal(451, '451 4.7.1 <mai@gmail.com>: greylisted, try later'), { category: 'deferred', smtpCode: 451 }],
    [
      Object.assign(new Error('Invalid login'), { code: 'EAUTH', responseCode: 535, response: '535 5.7.8 bad credentials' }),
      { category: 'auth', smtpCode: 535 },
    ],
    [Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT' }), { category: 'timeout' }],
    [Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' }), { category: 'network' }],
    [new Error('something else'), { category: 'other' }],
  ];
  for (const [e, expected] of cases) assert.deepEqual(mailFailureOf(e), expected, e.message);
  assert.deepEqual(mailFailureOf('a string'), { category: 'other' });
});

test('the server’s own text is kept whole for the hub', TIMEOUT, () => {
  assert.equal(serverTextOf(refusal(550, '550 5.1.1 <mai@gmail.com>: unknown')), '550 5.1.1 <mai@gmail.com>: unknown');
  assert.equal(serverTextOf(new Error('Connection closed')), 'Connection closed');
});
