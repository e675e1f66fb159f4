/**
 * Masks for personal fields on the customer card: enough to recognise a customer, not enough to contact
 * them. The full value comes only through a reveal, which is audited.
 * Text is composed (NFC) and cut by grapheme cluster, never by UTF-16 unit, so a kept letter keeps its
 * Vietnamese marks (a website may send "Đỗ" decomposed) and an emoji is never split in half.
 */

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The first user-perceived character of `text` (a letter with all its marks, a whole emoji), composed. */
const firstGrapheme = (text: string): string => graphemes.segment(text).containing(0)?.segment ?? '';

/** Fewer digits than a Vietnamese phone number has: showing 5 of them would show nearly all. */
const MIN_PHONE_DIGITS = 9;

/** `0912345123` → `09xx xxx 123`: the carrier prefix and the last three digits stay. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < MIN_PHONE_DIGITS) return '•••';
  return `${digits.slice(0, 2)}xx xxx ${digits.slice(-3)}`;
}

/** `nguyenlan@gmail.com` → `n***@gmail.com`: the first character and the domain stay. */
export function maskEmail(email: string): string {
  const composed = email.trim().normalize('NFC');
  const at = composed.lastIndexOf('@');
  if (at < 1) return '***';
  return `${firstGrapheme(composed)}***${composed.slice(at)}`;
}

/** `Nguyễn Thị Lan` → `Nguyễn T. L.`: the family name and initials stay. */
export function maskName(name: string): string {
  const [family = '', ...rest] = name.normalize('NFC').trim().split(/\s+/);
  return [family, ...rest.map((w) => `${firstGrapheme(w)}.`)].join(' ');
}

/** Only the last part of an address (the province or city) stays. */
export function maskAddress(address: string): string {
  const parts = address
    .normalize('NFC')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length > 1 ? `***, ${parts[parts.length - 1]}` : '***';
}
