/**
 * A desk enrolled with a real hub on loopback the way IT does it (an it_admin signs in and calls
 * `sync.enroll` with a code from the hub), then synced once. Its people are the organisation's: the same
 * username on two desks is one person, made on the first and received by the second. Each person's signing key
 * is open on the desk, as if they had signed in there. Background sync is off: tests decide when.
 * Without a seat list everyone in the organisation's directory may sign in on a desk, so its scope is theirs:
 * `seatedDesk` gives a desk a seat list of its own people.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Inbox, Person, Role } from '../../common/roles.ts';
import type { Desk } from '../../main/api/desk.ts';
import { fold } from '../../common/text/fold.ts';
import { listStaff } from '../../main/core/security/staff.ts';
import { addStaff, holdKey, PASSWORD, tempDesk } from './fixtures.ts';
import type { TestHub } from './hub.ts';
import { result, signedIn } from './api-calls.ts';

export interface EnrolledDesk {
  desk: Desk;
  /** The people asked for, as the desk holds them after its first sync, by username. */
  staff: Record<string, Person>;
  deviceId: string;
  /** The username of the desk's own IT admin, who enrolled it. */
  itAdmin: string;
}

export async function enrolledDesk(
  hub: TestHub,
  name: string,
  people: [username: string, role: Role, grants: Inbox[]][],
): Promise<EnrolledDesk> {
  const desk = await tempDesk();
  // People the organisation's directory has already (from a desk enrolled before) arrive with the first sync;
  // the others are made on this standalone desk and join the directory as it enrolls.
  for (const [username, role, grants] of people) {
    if (!(await inDirectory(hub, username))) await addStaff(desk.store, username, role, grants);
  }
  const itAdmin = itAdminOf(name);
  await addStaff(desk.store, itAdmin, 'it_admin');
  const it = (method: string, input: unknown) => desk.dispatcher.call(`enroll-${name}`, method, input);
  assert.ok((await it('auth.signIn', { username: itAdmin, password: PASSWORD })).ok);
  const enrolled = await it('sync.enroll', { hubUrl: hub.url, code: await hub.enrollmentCode(), deviceName: `Máy ${name}` });
  assert.ok(enrolled.ok, JSON.stringify(enrolled));
  await it('auth.signOut', {});
  await desk.sync.syncNow();
  assert.equal(desk.sync.current().hub, 'online', desk.sync.current().lastError ?? '');
  const staff: Record<string, Person> = {};
  for (const [username, role, grants] of people) {
    const person = listStaff(desk.store.db).find((p) => p.username === username);
    assert.ok(person, `${username} is on desk ${name} after its first sync`);
    assert.deepEqual([person.role, person.grants], [role, [...grants].sort()], `${username} was made with another role or grants`);
    staff[username] = person;
    await holdKey(desk.store, person.id); // as if they were signed in here: tests call the core as them
  }
  return { desk, staff, deviceId: (enrolled.result as { deviceId: string }).deviceId, itAdmin };
}

/**
 * Sets who may sign in on the desk, by username (its IT admin does it, who may always sign in), and syncs:
 * the hub then cuts what the desk holds to what these people may see, whoever else the directory holds.
 */
export async function seat(d: EnrolledDesk, usernames: string[]): Promise<void> {
  const it = (method: string, input: unknown) => d.desk.dispatcher.call(`seats-${d.itAdmin}`, method, input);
  assert.ok((await it('auth.signIn', { username: d.itAdmin, password: PASSWORD })).ok);
  const set = await it('desk.setSeats', { staffIds: usernames.map((u) => d.staff[u]!.id) });
  assert.ok(set.ok, JSON.stringify(set));
  await it('auth.signOut', {});
  await d.desk.sync.syncNow();
  assert.equal(d.desk.sync.current().hub, 'online', d.desk.sync.current().lastError ?? '');
}

/** A desk enrolled with `people`, on whose seat list they are, alone (`seated`, usernames, may name fewer). */
export async function seatedDesk(
  hub: TestHub,
  name: string,
  people: [username: string, role: Role, grants: Inbox[]][],
  seated = people.map(([username]) => username),
): Promise<EnrolledDesk> {
  const d = await enrolledDesk(hub, name, people);
  await seat(d, seated);
  return d;
}

const inDirectory = async (hub: TestHub, username: string) =>
  (await hub.db.query('SELECT 1 FROM staff WHERE lower(username) = lower($1)', [username])).rows.length > 0;

/**
 * The desk's own IT admin, a person of their own (a file may enroll several desks of one name with one hub),
 * with a username as the API allows it (letters without marks), whatever the desk is called.
 */
const itAdminOf = (desk: string) => `it_${fold(desk).replace(/[^a-z0-9._-]/g, '_')}_${randomBytes(3).toString('hex')}`;

/**
 * One person signed in on a desk of their own: a director's desk enrolled (it holds everything), an operator's
 * seated with them alone (it holds only their inboxes); `call` unwraps a result, `raw` keeps the envelope.
 */
export async function personOnOwnDesk(
  hub: TestHub,
  deskName: string,
  username: string,
  role: 'director' | 'operator',
  grants: Inbox[] = [],
) {
  const d =
    role === 'director'
      ? await enrolledDesk(hub, deskName, [[username, role, grants]])
      : await seatedDesk(hub, deskName, [[username, role, grants]]);
  const raw = await signedIn(d.desk, username);
  const call = async (method: string, input: unknown = {}) => result<any>(await raw(method, input));
  return { d, raw, call, sync: () => d.desk.sync.syncNow() };
}
