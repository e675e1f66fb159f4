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
