/**
 * `work.find` for what is typed in the palette, once the person pauses and only when it looks like a reference,
 * an email or a phone number (match.ts): finding a customer is audited, so a word being typed never asks.
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { looksFindable } from './match.ts';

export type Found = Output<'work.find'>;
const PAUSE_MS = 300;
const NOTHING: Found = { submissions: [], customers: [] };

/** What was found for `typed` (nothing for a text that cannot be found), and whether an answer is awaited. */
export function useFind(typed: string, report: (e: unknown) => void): { found: Found; looking: boolean } {
  const text = typed.trim();
  const findable = looksFindable(text);
  const [answer, setAnswer] = useState<{ text: string; found: Found } | null>(null);
  useEffect(() => {
    if (!findable) return;
    let live = true;
    const timer = setTimeout(() => {
      call('work.find', { text }).then(
        (found) => live && setAnswer({ text, found }),
        (e: unknown) => {
          if (live) setAnswer({ text, found: NOTHING });
          report(e);
        },
      );
    }, PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, findable, report]);
  // An answer for an earlier text is never shown for this one.
  if (!findable) return { found: NOTHING, looking: false };
  return answer?.text === text ? { found: answer.found, looking: false } : { found: NOTHING, looking: true };
}
