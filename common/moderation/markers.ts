/**
 * Why a website comment needs a look: the markers the hub puts on it as it arrives, which travel with the comment
 * to every desk. Words are matched on folded text (case, marks and `đ` ignored), so `Đ.M`, `dm` and `ĐM` are one
 * word to the lists; the desk finds the same words again to highlight them in the body.
 */
import { z } from 'zod';
import { fold } from '../text/fold.ts';

/** Two links or more in one comment is how spam reads; one link is often a customer pointing at a product. */
export const LINKS_FLAGGED_AT = 2;
/** An author whose decided comments of the last 90 days were mostly rejected or spam, once there are a few. */
export const REJECTIONS_WINDOW_DAYS = 90;
export const REJECTIONS_MIN_DECIDED = 3;
export const REJECTIONS_FLAGGED_ABOVE = 0.5;

/** Why a reader reports a comment on the website. */
export const REPORT_REASONS = ['offensive', 'spam', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** The most words one marker lists (a comment made of nothing but listed words says enough with these). */
const MOST_WORDS = 20;
const count = z.number().int().positive();

export const CommentMarker = z.discriminatedUnion('reason', [
  /** Words of the banned list: the comment is not published unless a moderator approves it. */
  z.object({ reason: z.literal('banned_words'), words: z.array(z.string().max(100)).min(1).max(MOST_WORDS) }).strict(),
  z.object({ reason: z.literal('suspect_words'), words: z.array(z.string().max(100)).min(1).max(MOST_WORDS) }).strict(),
  z.object({ reason: z.literal('links'), count }).strict(),
  z.object({ reason: z.literal('first_comment') }).strict(),
  /** The same text (folded) was posted before, `count` times, by anyone. */
  z.object({ reason: z.literal('repeat'), count }).strict(),
  z.object({ reason: z.literal('author_rejections'), rejected: count, decided: count }).strict(),
  /** Readers reported it from the website, `count` times, by reason. */
  z.object({ reason: z.literal('reports'), count, reasons: z.partialRecord(z.enum(REPORT_REASONS), count) }).strict(),
]);
export type CommentMarker = z.infer<typeof CommentMarker>;
export const CommentMarkers = z.array(CommentMarker).max(7);
export type MarkerReason = CommentMarker['reason'];
export const MARKER_REASONS = CommentMarker.options.map((o) => o.shape.reason.value);

const LINK = /\bhttps?:\/\/[^\s]+|\bwww\.[^\s]+/giu;
export const countLinks = (body: string): number => body.match(LINK)?.length ?? 0;

/** The text two comments must share to be "the same text": folded, with runs of spaces and punctuation as one space. */
export const repeatKey = (body: string): string =>
  fold(body)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A listed word (or phrase) as a pattern on folded text: whole words only, any spaces between its words. */
function pattern(word: string): RegExp | null {
  const parts = fold(word).split(/\s+/).filter(Boolean).map(escape);
  return parts.length ? new RegExp(`(?<![\\p{L}\\p{N}])${parts.join('\\s+')}(?![\\p{L}\\p{N}])`, 'gu') : null;
}

/** The words of `list` that `body` contains, as the list writes them. */
export function listedWordsIn(body: string, list: readonly string[]): string[] {
  const folded = fold(body);
  return list.filter((w) => pattern(w)?.test(folded)).slice(0, MOST_WORDS);
}

/**
 * Where the words of `list` stand in `body` itself, as [start, end) offsets into it, for highlighting: the
 * body is folded a character at a time, so each folded position maps back to the character it came from.
 */
export function wordRanges(body: string, list: readonly string[]): [number, number][] {
  let folded = '';
  const from: number[] = [];
  for (let i = 0; i < body.length;) {
    const ch = String.fromCodePoint(body.codePointAt(i)!);
    const f = fold(ch);
    folded += f;
    for (let k = 0; k < f.length; k++) from.push(i);
    i += ch.length;
  }
  const ranges: [number, number][] = [];
  for (const word of list) {
    const re = pattern(word);
    if (!re) continue;
    for (const m of folded.matchAll(re)) {
      const start = from[m.index]!;
      let end = from[m.index + m[0].length - 1]!;
      end += String.fromCodePoint(body.codePointAt(end)!).length;
      // Marks written as characters of their own after the last letter belong to it.
      while (end < body.length && fold(body[end]!) === '') end++;
      ranges.push([start, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  // Overlaps (a phrase and a word inside it) as one range.
  return ranges.reduce<[number, number][]>((out, r) => {
    const last = out.at(-1);
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
    return out;
  }, []);
}
