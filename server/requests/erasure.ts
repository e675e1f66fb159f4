/**
 * Erasing a customer's data on the hub, when a director completes their verified deletion request: every name,
 * contact, address and free text of theirs is removed or replaced by a placeholder (common/requests/erasure.ts) in
 * one transaction, so each row's new seq brings the erased version to every desk that holds it, and the desks
 * erase what they keep besides (main/core/domain/erasure.ts). Their rows stay, so every count by kind, month,
 * status and outcome is unchanged. The website feed tells the website to delete the account. Once committed, the
 * tables are vacuumed, so no live row or index entry holds the old values; PostgreSQL's own WAL and the operator's
 * backups keep them until they rotate (README, "Privacy").
 */
import { ERASED_NAME, ERASED_TEXT, KEPT_EVENT_DATA, erasedRef } from '../../common/requests/erasure.ts';
import type { HubDb, Queryable } from '../db/connect.ts';
import { recordWebsiteChange } from '../website/feed.ts';

/** The tables an erasure rewrites, vacuumed after it commits. */
const TOUCHED = [
  'customers',
  'submissions',
  'submission_events',
  'comments',
  'comment_reports',
  'comment_authors',
  'account_requests',
  'mail_outbox',
  'request_codes',
  'applied_mutations',
] as const;

let vacuumDue = false;

export async function eraseCustomer(tx: Queryable, customerId: string): Promise<void> {
  const c = (
    await tx.query<{ ref: string }>('SELECT website_ref AS ref FROM customers WHERE id = $1 AND erased_at IS NULL FOR UPDATE', [customerId])
  ).rows[0];
  if (!c) return;
  const subs = `SELECT id FROM submissions WHERE customer_id = $1`;
  // Every email to them that was queued (a copy of their data too), but the erasure's confirmation still to go: it
  // names no one, and its address is cleared once it has gone (request-mail.ts).
  await tx.query(
    `UPDATE mail_outbox SET to_address = '', subject = $2, body = $2, attachments = NULL, last_error = NULL
     WHERE (reply_id IN (SELECT id FROM submission_events WHERE submission_id IN (${subs}))
            OR request_id IN (SELECT id FROM account_requests WHERE customer_id = $1))
       AND NOT (state IN ('queued', 'sending') AND reply_id IN (
         SELECT m.key FROM account_requests r, jsonb_each(r.mails) m WHERE r.customer_id = $1 AND m.value->>'what' = 'erasure_confirmation'))`,
    [customerId, ERASED_TEXT],
  );
  await tx.query(`DELETE FROM request_codes WHERE request_id IN (SELECT id FROM account_requests WHERE customer_id = $1)`, [customerId]);
  await tx.query(
    `UPDATE submission_events SET body = CASE WHEN body IS NULL THEN NULL ELSE $2 END,
       data = CASE WHEN type = ANY($3) THEN data ELSE '{}'::jsonb END
     WHERE submission_id IN (${subs})`,
    [customerId, ERASED_TEXT, KEPT_EVENT_DATA],
  );
  await tx.query(`UPDATE submissions SET subject = $2, body = $2, details = '{}'::jsonb, updated_at = now() WHERE customer_id = $1`, [
    customerId,
    ERASED_TEXT,
  ]);
  await tx.query(`UPDATE comment_reports SET note = NULL WHERE comment_id IN (SELECT id FROM comments WHERE customer_id = $1)`, [
    customerId,
  ]);
  await tx.query(`UPDATE comments SET body = $2, markers = '[]'::jsonb, repeat_key = NULL WHERE customer_id = $1`, [
    customerId,
    ERASED_TEXT,
  ]);
  await tx.query(`UPDATE comment_authors SET notes = '[]'::jsonb, ban_reason = NULL, updated_at = now() WHERE id = $1`, [customerId]);
  await tx.query(`UPDATE account_requests SET changes = '{}'::jsonb, note = NULL WHERE customer_id = $1`, [customerId]);
  // A refused change kept the row it was refused over, which may be one of theirs.
  await tx.query(`UPDATE applied_mutations SET current = NULL WHERE current::text LIKE '%' || $1 || '%'`, [customerId]);
  await tx.query(
    `UPDATE customers SET full_name = $2, email = NULL, phone = NULL, address = NULL, username = NULL, gender = NULL,
       website_ref = $3, erased_at = now(), updated_at = now() WHERE id = $1`,
    [customerId, ERASED_NAME, erasedRef(customerId)],
  );
  await recordWebsiteChange(tx, { type: 'account.delete', customer: { ref: c.ref } });
  vacuumDue = true;
  // Records merged into this one are the same person's: their own details go too.
  for (const merged of (await tx.query<{ id: string }>('SELECT id FROM customers WHERE merged_into = $1', [customerId])).rows)
    await eraseCustomer(tx, merged.id);
}

/** After an erasure commits: the old row versions leave the tables and their indexes (VACUUM cannot run in a transaction). */
export async function vacuumAfterErasure(db: HubDb): Promise<void> {
  if (!vacuumDue) return;
  vacuumDue = false;
  for (const table of TOUCHED) await db.query(`VACUUM ${table}`);
}
