/**
 * Customers are found by their email or phone number through an index of keyed hashes (HMAC-SHA256 under a key
 * derived from the store's own), never of the values: the index keeps nothing a page of it could give away, and
 * a lookup hashes what was typed the same way (`bd_contact(kind, value)`, registered on every connection).
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { emailKey, phoneKey } from '../../../common/text/contacts.ts';

export type ContactKind = 'email' | 'phone';
const NORMAL: Record<ContactKind, (v: string) => string> = { email: emailKey, phone: phoneKey };

export function contactKeyer(storeKeyHex: string): (kind: unknown, value: unknown) => string | null {
  const key = Buffer.from(hkdfSync('sha256', Buffer.from(storeKeyHex, 'hex'), Buffer.alloc(0), 'backdesk contact lookup', 32));
  return (kind, value) => {
    if (value === null || value === undefined || (kind !== 'email' && kind !== 'phone')) return null;
    return createHmac('sha256', key)
      .update(`${kind}:${NORMAL[kind](String(value))}`)
      .digest('base64url');
  };
}
