/** The customer fields shown masked on the card and revealed one at a time; shared with the renderer. */
export const REVEALABLE_FIELDS = ['fullName', 'email', 'phone', 'address'] as const;
export type RevealableField = (typeof REVEALABLE_FIELDS)[number];
