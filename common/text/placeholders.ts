/**
 * Placeholders in a text a person writes for others to read, `{{name}}`, filled with values when it is used:
 * the emails warranty claimants get (common/warranty/notices.ts) and staff's canned replies
 * (common/replies/canned.ts) are filled the one same way.
 */

/** A placeholder as filled: a name of letters, digits and _ between double braces. */
const NAMED = /\{\{(\w+)\}\}/g;
/** Anything between double braces, as a person may type it (`{{ ten khach }}` too). */
const ANY = /\{\{([^{}]*)\}\}/g;

/** What each `{{…}}` of a text holds between its braces, as written, once each, in the order they come. */
export const placeholdersIn = (text: string): string[] => [...new Set([...text.matchAll(ANY)].map((m) => m[1]!))];

/**
 * The text with its known placeholders filled. A known one without a value reads "—"; an unknown one stays as
 * written, so a typo shows in a preview rather than vanishing.
 */
export function fillPlaceholders<K extends string>(text: string, known: readonly K[], values: Partial<Record<K, string>>): string {
  const names = known as readonly string[];
  return text.replace(NAMED, (whole, name: string) => (names.includes(name) ? values[name as K] || '—' : whole));
}
