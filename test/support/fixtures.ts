/** Real stores in temporary folders, keyed in the real (private, test-session) keychain. */
import { keyRingOf } from '../../main/core/security/key-ring.ts';
import { openPersonalKey } from '../../main/core/security/personal-key.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { openDesk, type Desk } from '../../main/api/desk.ts';
import { insertCustomer } from '../../main/core/domain/customers.ts';
import { insertSubmission } from '../../main/core/domain/submissions.ts';
import { anchorAccount } from '../../main/core/audit/anchor.ts';
import { KEYCHAIN_SERVICE, systemKeychain } from '../../main/core/security/keychain.ts';
import { tokenAccount } from '../../main/core/sync/hub-link.ts';
import type { Inbox, Role } from '../../common/roles.ts';
import { ServiceSettings } from '../../common/sla/clock.ts';
import { SUBMISSION_KINDS, type SubmissionKind } from '../../common/vocabulary/submissions.ts';
import { createStaff } from '../../main/core/security/staff.ts';
import { keychainAccount, openStore, type Store } from '../../main/core/store/open.ts';

export const keychain = systemKeychain();

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'backdesk-test-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function tempStore(): Promise<Store> {
  const store = await openStore({ dataDir: tempDir(), keychain });
  after(async () => {
    store.close();
    await forgetKeys(store);
  });
  return store;
}

/**
 * Takes a finished test profile's entries out of the run's keychain (its database key, device token and audit
 * anchor secret), so the keyring every test file shares holds a few entries at a time, not thousands.
 */
async function forgetKeys(store: Store): Promise<void> {
  for (const account of [keychainAccount(store.profile), tokenAccount(store), anchorAccount(store.profile.id)]) {
    await keychain.delete(KEYCHAIN_SERVICE, account);
  }
}

/** A desk on a new profile; its background sync is off unless asked for, so tests decide when to sync. */
export async function tempDesk(opts: { idleLockMs?: number; syncIntervalMs?: number } = {}): Promise<Desk> {
  const desk = await openDesk({ dataDir: tempDir(), keychain, syncIntervalMs: 0, ...opts });
  after(async () => {
    await desk.close();
    await forgetKeys(desk.store);
  });
  return desk;
}

export const PASSWORD = 'correct horse battery';

export async function addStaff(store: Store, username: string, role: Role, grants: Inbox[] = []) {
  return createStaff(store.db, { username, displayName: `Nhân viên ${username}`, role, password: PASSWORD, grants });
}

/**
 * Opens a person's signing key on a desk as their sign-in does, for a test that calls the core directly
 * (addNote, setStatus…) instead of through a signed-in session: without it the change cannot be signed.
 */
export async function holdKey(store: Store, personId: string): Promise<void> {
  keyRingOf(store.db).hold(`test-${personId}`, personId, await openPersonalKey(store.db, personId, PASSWORD));
}

export function addComplaint(
  store: Store,
  subject: string,
  body: string,
  customer?: Partial<{ fullName: string; email: string; phone: string; address: string }>,
) {
  const customerId = insertCustomer(store.db, {
    username: `kh${Math.random().toString(36).slice(2, 10)}`,
    gender: 'female',
    fullName: customer?.fullName ?? 'Nguyễn Thị Lan',
    email: customer?.email ?? 'nguyenlan@gmail.com',
    phone: customer?.phone ?? '0912345123',
    address: customer?.address ?? '12 Lê Lợi, Huế',
    createdAt: Date.now(),
  });
  const id = insertSubmission(store.db, { kind: 'complaint', customerId, subject, body, createdAt: Date.now() });
  return { id, customerId };
}

/**
 * A store whose service clocks are plain to reason about: every hour a working hour, no first-response
 * target, and a resolution target of `hours` (24 unless given) per kind, so a submission sent at `t` and not
 * paused is due at `t + hours`. Written as the settings pulled from the hub are; call before adding rows.
 */
export function roundTheClock(store: Store, hours: Partial<Record<SubmissionKind, number>> = {}): (kind: SubmissionKind) => number {
  const target = (kind: SubmissionKind) => (hours[kind] ?? 24) * 3_600_000;
  const settings: ServiceSettings = {
    calendar: { week: Array.from({ length: 7 }, () => [[0, 24 * 60]]), holidays: [] },
    targets: Object.fromEntries(
      SUBMISSION_KINDS.map((k) => [k, { firstResponse: null, resolution: target(k) / 60_000 }]),
    ) as ServiceSettings['targets'],
  };
  store.db
    .prepare('INSERT INTO service_settings (id, settings, version, updated_at) VALUES (1, ?, 1, 0)')
    .run(JSON.stringify(ServiceSettings.parse(settings)));
  return target;
}
