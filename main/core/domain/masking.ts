/**
 * Masks for personal fields on the customer card: enough to recognise a customer, not enough to contact
 * them. The full value comes only through a reveal, which is audited.
 */

/** `0912345123` → `09xx xxx 123`: the carrier prefix and the last three digits stay. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return '•••';
  return `${digits.slice(0, 2)}xx xxx ${digits.slice(-3)}`;
}

/** `nguyenlan@gmail.com` → `n***@gmail.com`: the first letter and the domain stay. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** `Nguyễn Thị Lan` → `Nguyễn T. L.`: the family name and initials stay. */
export function maskName(name: string): string {
  const [family, ...rest] = name.trim().split(/\s+/);
  return [family, ...rest.map((w) => `${[...w][0] ?? ''}.`)].join(' ');
}

/** Only the last part of an address (the province or city) stays. */
export function maskAddress(address: string): string {
  const parts = address
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length > 1 ? `***, ${parts[parts.length - 1]}` : '***';
}
