/** Calling a desk's API as a signed-in person does, and reading what it answered. */
import assert from 'node:assert/strict';
import type { Envelope } from '../../main/api/contract.ts';
import type { Desk } from '../../main/api/desk.ts';
import { PASSWORD } from './fixtures.ts';

export const errorCode = (e: Envelope) => (e.ok ? 'ok' : e.error.code);

/** An answer's result; fails the test with the error when the call was refused. */
export const result = <T>(e: Envelope) => {
  assert.ok(e.ok, JSON.stringify(e));
  return e.result as T;
};

/** A connection of its own, signed in as `username` (made with fixtures' addStaff and its PASSWORD). */
export async function signedIn(desk: Desk, username: string) {
  const call = (m: string, i: unknown = {}) => desk.dispatcher.call(`conn-${username}`, m, i);
  assert.equal(errorCode(await call('auth.signIn', { username, password: PASSWORD })), 'ok');
  return call;
}
