/**
 * Every string the desk's API takes refuses ill-formed UTF-16 (an unpaired surrogate) and NUL with
 * invalid_input naming the field: such a string would reach the store or the hub as U+FFFD (or not at all),
 * so two different inputs (two passwords, two searches) would become the same one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { contract, type Envelope } from '../../main/api/contract.ts';
import { addStaff, PASSWORD, tempDesk } from '../support/fixtures.ts';

const PLAIN = 'abcdefghijklmnopqrstuvwxyz012345';
const HOSTILE = [PLAIN.slice(0, -1) + '\ud800', '\udc00' + PLAIN.slice(1), PLAIN.slice(0, 16) + '\u0000' + PLAIN.slice(17)];

/** Each method's top-level input fields that take a plain string (ids, enums and numbers do not). */
function stringFields(): [method: string, field: string][] {
  return Object.entries(contract).flatMap(([method, def]) =>
    def.input instanceof z.ZodObject
      ? Object.entries(def.input.shape as Record<string, z.ZodType>)
          .filter(([, schema]) => schema.safeParse(PLAIN).success)
          .map(([field]): [string, string] => [method, field])
      : [],
  );
}

const fieldsNamed = (e: Envelope) => (e.ok ? [] : ((e.error.detail?.issues ?? []) as { path: string }[]).map((i) => i.path));

test('every string field of every method refuses an unpaired surrogate or NUL, naming the field', { timeout: 60_000 }, async () => {
  const desk = await tempDesk();
  await addStaff(desk.store, 'giamdoc', 'director');
  await addStaff(desk.store, 'quantri', 'it_admin');
  for (const username of ['giamdoc', 'quantri'])
    assert.ok((await desk.dispatcher.call(username, 'auth.signIn', { username, password: PASSWORD })).ok);
  const fields = stringFields();
  // Passwords, usernames, the search, the hub URL, the enrollment code, names, notes and replies at least.
  assert.ok(fields.length >= 10, JSON.stringify(fields));
  const accepted: string[] = [];
  for (const [method, field] of fields) {
    const access = contract[method as keyof typeof contract].access;
    const connection = access.kind === 'roles' && !access.roles.includes('director' as never) ? 'quantri' : 'giamdoc';
    for (const value of HOSTILE) {
      const out = await desk.dispatcher.call(connection, method, { [field]: value });
      const refused = !out.ok && out.error.code === 'invalid_input' && fieldsNamed(out).includes(field);
      if (!refused) accepted.push(`${method}.${field} = ${JSON.stringify(value)}: ${JSON.stringify(out).slice(0, 200)}`);
    }
  }
  assert.deepEqual(accepted, []);
});
