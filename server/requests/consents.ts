/**
 * Consents withdrawn through staff (common/requests/consents.ts): anyone holding the promotion inbox, or a
 * director, records the customer's withdrawal for one channel as a new record of the ledger, in the words of
 * how it was taken; the website learns it from its feed. Withdrawing what is not given changes nothing.
 */
import { WITHDRAWN_BY_STAFF, type ConsentWithdrawal } from '../../common/requests/consents.ts';
import type { Queryable } from '../db/connect.ts';
import { requestRefusalWords } from '../../common/requests/refusals.ts';
import { checkPerson, DirectoryRefusal } from '../directory/staff.ts';
import { recordWebsiteChange } from '../website/feed.ts';

export async function withdrawConsent(
  tx: Queryable,
  m: { actorId: string; actorName: string; entityId: string; createdAt: number; payload: ConsentWithdrawal },
): Promise<void> {
  await checkPerson(tx, m.actorId, new Date(m.createdAt), 'promotion');
  const { customerId, channel, source } = m.payload;
  const c = (
    await tx.query<{ ref: string; erased: boolean }>(
      'SELECT website_ref AS ref, erased_at IS NOT NULL AS erased FROM customers WHERE id = $1',
      [customerId],
    )
  ).rows[0];
  if (!c) throw DirectoryRefusal.coded('no_customer', requestRefusalWords('no_customer'));
  const latest = (
    await tx.query<{ opted_in: boolean }>(
      'SELECT opted_in FROM consents WHERE customer_id = $1 AND channel = $2 ORDER BY recorded_at DESC, id DESC LIMIT 1',
      [customerId, channel],
    )
  ).rows[0];
  if (!latest?.opted_in) return;
  const inserted = await tx.query(
    `INSERT INTO consents (id, customer_id, opted_in, channel, wording, recorded_at, source, recorded_by, recorded_by_id, seq)
     VALUES ($1, $2, false, $3, $4, $5, $6, $7, $8, 0) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [m.entityId, customerId, channel, WITHDRAWN_BY_STAFF[source], new Date(m.createdAt).toISOString(), source, m.actorName, m.actorId],
  );
  if (inserted.rows.length && !c.erased) await recordWebsiteChange(tx, { type: 'consent.withdrawn', customer: { ref: c.ref }, channel });
}
