/**
 * What the palette's box holds: words to match against the screens and saved views on this desk (without regard
 * to case or Vietnamese marks, forgiving a hurried "khnai": the canned-reply search, replies/search.ts), and
 * whether it looks like something `work.find` can find whole: a reference (KN-1A2B3C4D, kn1a2b3c4d, 1a2b3c4d), an
 * email or a phone number (+84 912 345 678). Finding a customer is audited, so the palette asks only then.
 */
import { REFERENCE_PREFIXES } from '../../../common/vocabulary/submissions.ts';
import { search } from '../replies/search.ts';

const PREFIXES = Object.values(REFERENCE_PREFIXES).join('|');
// As main/core/domain/find.ts reads them: what it would find nothing for is not asked.
const REFERENCE = new RegExp(`^(?:(${PREFIXES})-?)?[0-9a-f]{8}$`, 'i');
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s.-]{8,20}$/;

export function looksFindable(typed: string): boolean {
  const text = typed.trim();
  if (REFERENCE.test(text) || EMAIL.test(text)) return true;
  // A number: at least the 9 digits of a Vietnamese mobile number without its 0.
  return PHONE.test(text) && text.replace(/\D/g, '').length >= 9;
}

export interface LocalEntry {
  key: string;
  title: string;
  /** Other words that find it (the inbox of a saved view). */
  body?: string;
}

/** The entries that match what was typed, best first; all of them, in their order, when nothing is typed. */
export const matchLocal = <T extends LocalEntry>(typed: string, entries: readonly T[]): T[] => search(typed.trim(), entries);
