/** Enrolling this desk with a hub, with IT's one-time code; its accounts join the directory; every attempt is audited. */
import { EnrollResponse } from '../../../common/protocol/sync.ts';
import { neutralise } from '../../../common/text/rules.ts';
import { appendAudit, type AuditActor } from '../audit/chain.ts';
import { KEYCHAIN_SERVICE, type Keychain } from '../security/keychain.ts';
import { seatList } from '../security/seats.ts';
import { joiningStaff } from '../security/staff.ts';
import type { Store } from '../store/open.ts';
import { setSetting } from '../store/settings.ts';
import { stmt } from '../store/statements.ts';
import { checkHubUrl } from './hub-url.ts';
import { AUDIT_CURSOR_KEY, DEVICE_KEY, HubHttpError, hubRequest, tokenAccount, URL_KEY } from './hub-link.ts';
import { restartPull } from './pull-state.ts';

/**
 * Enrolls this desk with the hub using IT's one-time code; the device token goes to the keychain. Every
 * attempt is audited with the actor who made it (a signed-in IT admin, or the command line): success with
 * the new device id, failure with the reason's code only.
 */
export async function enroll(
  store: Store,
  keychain: Keychain,
  hubUrl: string,
  code: string,
  deviceName: string,
  actor: AuditActor,
): Promise<string> {
  let hub: string | null = null;
  try {
    const base = checkHubUrl(hubUrl);
    hub = base.origin;
    // This desk's accounts join the organisation's directory in the same step; a username someone else
    // holds there refuses the enrollment, with both people named. Its seat list goes with them: the hub
    // scopes what this desk receives by it from the first pull.
    const request = { code, deviceName, staff: joiningStaff(store.db), seats: seatList(store.db) };
    const body = await hubRequest(base, null, '/enroll', EnrollResponse, { method: 'POST', body: JSON.stringify(request) });
    await keychain.set(KEYCHAIN_SERVICE, tokenAccount(store), body.token);
    store.db.transaction(() => {
      setSetting(store.db, URL_KEY, base.origin);
      setSetting(store.db, DEVICE_KEY, body.deviceId);
      restartPull(store.db);
      // The hub keeps the audit copy per device: a new enrollment sends the whole chain again from its start.
      setSetting(store.db, AUDIT_CURSOR_KEY, '0');
      // The accounts joined as they are now: the changes to them still queued from before are in that already.
      stmt(store.db, `UPDATE outbox SET state = 'applied' WHERE state = 'pending' AND entity_type = 'staff'`).run();
      appendAudit(store.db, actor, { action: 'sync.enroll', targetType: 'device', targetId: body.deviceId, detail: { hub } });
    })();
    return body.deviceId;
  } catch (e) {
    const reason = enrollFailure(e, hub);
    appendAudit(store.db, actor, { action: 'sync.enroll_failed', detail: { reason, ...(hub && { hub }) } });
    throw e;
  }
}

/** Why an enrollment failed, as a code (the hub's, or the kind of local failure), never a message: no free text is audited. */
function enrollFailure(e: unknown, hub: string | null): string {
  if (e instanceof HubHttpError) return neutralise(e.code.slice(0, 64));
  if (!hub) return 'bad_url';
  return e instanceof TypeError ? 'unreachable' : 'local_error'; // fetch reports a hub it cannot reach as a TypeError
}
