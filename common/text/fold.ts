/**
 * Folds Vietnamese text for search: lower case, combining marks removed, đ→d.
 * `Điện thoại` and `dien thoai` fold to the same string, so either finds the other.
 * NFD splits precomposed letters (ệ → e + ̣ + ̂) so the marks can be dropped;
 * đ is a letter of its own, not a d with a mark, so it needs its own rule.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/đ/g, 'd');
}

/**
 * Turns what a person typed into an FTS5 query: every word must match as a prefix.
 * Each word is quoted, so FTS5 operators typed by the user (NEAR, *, quotes) are plain text.
 */
export function toFtsQuery(typed: string): string | null {
  const words = fold(typed).match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}
