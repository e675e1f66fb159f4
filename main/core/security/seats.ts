/**
 * This desk's seat list: who may sign in on this workstation. No list means everyone. IT admins, who enroll
 * and diagnose the desk and never see customer data, may always sign in; a director keeping the list must
 * stay on it. Someone taken off it can no longer sign in here, and their open sessions end. On an enrolled
 * desk a change is queued for the hub (`device.seats`), which keeps each desk's list and sends it back to
 * that desk only, and cuts what the desk holds to what the people on it may see (docs/sync-protocol.md, Pull).
 */
import type { Person } from '../../../common/roles.ts';
import { appendAudit, type AuditActor } from '../audit/chain.ts';
import { DomainError } from '../domain/errors.ts';
import { enqueue } from '../domain/outbox.ts';
import type { Db } from '../store/open.ts';
import { getSetting, setSetting } from '../store/settings.ts';
import { DEVICE_KEY } from '../sync/hub-link.ts';

export const SEATS_KEY = 'desk.seats';

export function seatList(db: Db): string[] | null {
  const stored = getSetting(db, SEATS_KEY);
  return stored ? (JSON.parse(stored) as string[] | null) : null;
}

export function maySitHere(db: Db, person: Person): boolean {
  if (person.role === 'it_admin') return true;
  const seats = seatList(db);
  return seats === null || seats.includes(person.id);
}

export function setSeatList(db: Db, actor: AuditActor & { id: string; role: string }, staffIds: string[] | null, now = Date.now()): void {
  if (actor.role === 'director' && staffIds && !staffIds.includes(actor.id)) {
    throw new DomainError('invalid', 'a director keeping the seat list stays on it (otherwise they could not sign in here again)');
  }
  db.transaction(() => {
    const seats = staffIds && [...new Set(staffIds)];
    setSetting(db, SEATS_KEY, JSON.stringify(seats));
    const device = getSetting(db, DEVICE_KEY);
    if (device) {
      enqueue(
        db,
        { mutation: 'device.seats', entityType: 'device', entityId: device, payload: { staffIds: seats }, actorId: actor.id },
        now,
      );
    }
    appendAudit(db, actor, { action: 'desk.seats', detail: { seats: seats ?? 'everyone' } }, now);
  })();
}
