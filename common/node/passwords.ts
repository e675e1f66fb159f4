/**
 * Staff passwords, for the desk and the hub alike: argon2id hashes (a desk signs people in offline with the
 * hash the organisation's directory replicated to it) and the rule a new password must meet.
 */
import argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, t=3, p=4): OWASP-grade and tuned upstream. */
export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

export const verifyPassword = (hash: string, password: string): Promise<boolean> => argon2.verify(hash, password);

export const MIN_PASSWORD_LENGTH = 10;

/** Returns what is wrong with a new password, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `the password must have at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.trim() !== password) return 'the password must not start or end with spaces';
  return null;
}
