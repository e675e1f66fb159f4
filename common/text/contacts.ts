/**
 * A customer's email and phone number as they are compared: an email whatever its case and the spaces around it;
 * a phone number by its digits, a leading 84 (as in +84) read as 0, so `+84 912 345 678`, `0912345678` and
 * `84912345678` are one number.
 */
export const emailKey = (email: string): string => email.trim().toLowerCase();

export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('84') ? `0${digits.slice(2)}` : digits;
}
