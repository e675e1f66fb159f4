/**
 * A desk enrolled with a real hub on loopback the way IT does it (an it_admin signs in and calls
 * `sync.enroll` with a code from the hub), then synced once. Background sync is off: tests decide when.
 */
import assert from 'node:assert/strict';
import type { Inbox, Person, Role } from '../../common/roles.ts';
import type { Desk } from '../../main/api/desk.ts';
import { addStaff, PASSWORD, tempDesk } from './fixtures.ts';
import type { TestHub } from './hub.ts';

export interface EnrolledDesk {
  desk: Desk;
  /** The people made on the desk, by username. */
  staff: Record<string, Person>;
  deviceId: string;
}

export async function enrolledDesk(
  hub: TestHub,
  name: string,
  people: [username: string, role: Role, grants: Inbox[]][],
): Promise<EnrolledDesk> {
  const desk = await tempDesk();
  const staff: Record<string, Person> = {};
  for (const [username, role, grants] of people) staff[username] = await addStaff(desk.store, username, role, grants);
  await addStaff(desk.store, `it_${name}`, 'it_admin');
  const it = (method: string, input: unknown) => desk.dispatcher.call(`enroll-${name}`, method, input);
  assert.ok((await it('auth.signIn', { username: `it_${name}`, password: PASSWORD })).ok);
  const enrolled = await it('sync.enroll', { hubUrl: hub.url, code: await hub.enrollmentCode(), deviceName: `Máy ${name}` });
  assert.ok(enrolled.ok, JSON.stringify(enrolled));
  await it('auth.signOut', {});
  await desk.sync.syncNow();
  assert.equal(desk.sync.current().hub, 'online', desk.sync.current().lastError ?? '');
  return { desk, staff, deviceId: (enrolled.result as { deviceId: string }).deviceId };
}
