/**
 * POST /presence/v1: a desk reports who of its people has which submission open and hears who else has
 * (board.ts). Only a person seated at that desk, active in the directory and working the submission's inbox
 * may be reported: a desk cannot show a name the organisation did not put there.
 */
import type { FastifyInstance } from 'fastify';
import { PresenceReport } from '../../common/protocol/presence.ts';
import { mayUseInbox, type Inbox, type Role } from '../../common/roles.ts';
import type { HubDb } from '../db/connect.ts';
import { deviceOf } from '../devices/enrollment.ts';
import { HttpError, zodIssues } from '../http-errors.ts';
import { PresenceBoard } from './board.ts';

export function registerPresence(app: FastifyInstance, db: HubDb, board = new PresenceBoard()): void {
  app.post('/presence/v1', async (req) => {
    const deviceId = await deviceOf(db, req);
    const body = PresenceReport.safeParse(req.body);
    if (!body.success) throw new HttpError(400, 'invalid_input', 'bad presence report', undefined, zodIssues(body.error));
    const { personId, submissionId } = body.data;
    const person = (
      await db.query<{ name: string; role: Role; grants: Inbox[]; seated: boolean }>(
        `SELECT s.display_name AS name, s.role, s.grants,
                (ds.staff_ids IS NULL OR ds.staff_ids ? s.id) AS seated
         FROM staff s LEFT JOIN device_seats ds ON ds.id = $2
         WHERE s.id = $1 AND s.active`,
        [personId, deviceId],
      )
    ).rows[0];
    if (!person?.seated) throw new HttpError(403, 'forbidden', 'no such person may sign in on this workstation');
    const kind = (await db.query<{ kind: Inbox }>('SELECT kind FROM submissions WHERE id = $1', [submissionId])).rows[0]?.kind;
    if (!kind) throw new HttpError(404, 'not_found', 'no such submission on the hub');
    if (!mayUseInbox(person, kind)) throw new HttpError(403, 'forbidden', `${person.name} does not work the ${kind} inbox`);
    return board.report(deviceId, { ...body.data, name: person.name });
  });
}
