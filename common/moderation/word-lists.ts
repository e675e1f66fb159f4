/**
 * The banned and suspect word lists directors keep (markers.ts matches them): a word or a short phrase, one entry
 * per folded form, so "Lừa đảo" and "lua dao" are one entry whoever adds it. A removed word stays on the hub as a
 * mark so every desk lets it go; the last change to reach the hub stands.
 */
import { z } from 'zod';
import { fold } from '../text/fold.ts';
import { line } from '../text/schemas.ts';

export const WORD_LEVELS = ['banned', 'suspect'] as const;
export type WordLevel = (typeof WORD_LEVELS)[number];
export const WORD_MAX = 60;

/** An entry's identity: its folded words, single-spaced. */
export const wordKey = (word: string): string => fold(word).split(/\s+/).filter(Boolean).join(' ');

export const ModerationWordFields = z
  .object({
    word: line(WORD_MAX).refine((w) => /[\p{L}\p{N}]/u.test(wordKey(w)), 'must contain a letter or a digit'),
    level: z.enum(WORD_LEVELS),
    removed: z.boolean(),
  })
  .strict();
export type ModerationWordFields = z.infer<typeof ModerationWordFields>;

export interface ModerationWord extends ModerationWordFields {
  id: string;
  updatedAt: number;
}
