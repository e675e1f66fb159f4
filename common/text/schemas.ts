/** Zod building blocks for text, shared by the website intake, the desk's API and the sync protocol. */
import { z } from 'zod';
import { BIDI_CONTROLS, CONTROL_CHARS, isWellFormed } from './rules.ts';

/**
 * Any string that can be stored exactly as it was sent, in SQLite and in PostgreSQL: bounded, well-formed
 * Unicode (an unpaired surrogate would be stored as U+FFFD, merging two different strings into one), and
 * no NUL (PostgreSQL's text cannot hold it). Either fault stops the checks that follow.
 */
export const wellFormed = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine(isWellFormed, { message: 'must be well-formed Unicode (it has an unpaired surrogate)', abort: true })
    .refine((s) => !s.includes('\u0000'), { message: 'must not contain the NUL character', abort: true });

/** Free text a person writes (a body, a note, a reply): trimmed, not empty, bounded, no control characters. */
export const text = (max: number) =>
  wellFormed(max)
    .trim()
    .min(1, 'must not be empty')
    .refine((s) => !CONTROL_CHARS.test(s), 'must not contain control characters');

/** One line (a name, a subject, a reference): no line breaks and no bidirectional controls either. */
export const line = (max: number) =>
  text(max)
    .refine((s) => !/[\r\n]/.test(s), 'must be one line')
    .refine((s) => !BIDI_CONTROLS.test(s), 'must not contain bidirectional control characters');
