/**
 * Who else has this submission open (`<inbox>.presence`, through the hub, best effort): the desk says the person
 * is viewing it once it has stayed open a moment, again every 15 s while it stays open (the hub forgets a report after 40 s), at once
 * when they start or stop writing a reply, and `left` when it closes or another is opened. The answer names the
 * others; offline (`known` false) nobody is shown. The call is passive, so a submission left open does not keep an
 * idle session unlocked, and its failures are no one's business: a missed report only shows nobody.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { method, type Detail, type InboxApi } from './kinds.ts';

export type Presence = Output<`${InboxApi}.presence`>;

/** How often the report is renewed while the submission stays open (the hub keeps one 40 s). */
export const PRESENCE_EVERY_MS = 15_000;
/** How long a submission stays open before the hub is told. */
const PRESENCE_SETTLE_MS = 700;

const NOBODY: Presence = { known: false, others: [] };

export function usePresence(api: InboxApi, id: string, composing: boolean): Presence {
  const [presence, setPresence] = useState<Presence>(NOBODY);
  // The state the renewals report: the latest, without restarting the timer when it changes.
  const state = useRef<'viewing' | 'composing'>(composing ? 'composing' : 'viewing');
  state.current = composing ? 'composing' : 'viewing';
  // Answers that come back after the submission closed are dropped.
  const live = useRef(true);

  // Whether the hub was told of it: only then is it told it was left.
  const told = useRef(false);
  const report = useRef((s: 'viewing' | 'composing' | 'left') => {
    if (s !== 'left') told.current = true;
    call(method(api, 'presence'), { id, state: s }).then(
      (answer) => live.current && s !== 'left' && setPresence(answer),
      () => live.current && setPresence(NOBODY),
    );
  });

  // Opened: viewing once it has stayed open a moment, then every 15 s; closed (or another opened: this hook's
  // submission is its key): left, if it was said. A person stepping through a list with j tells the hub nothing
  // of the items they pass, and each step is not slowed by two calls more.
  useEffect(() => {
    live.current = true;
    const tell = report.current;
    const say = () => tell(state.current);
    const settled = setTimeout(say, PRESENCE_SETTLE_MS);
    const timer = setInterval(say, PRESENCE_EVERY_MS);
    return () => {
      live.current = false;
      clearTimeout(settled);
      clearInterval(timer);
      if (told.current) tell('left');
    };
  }, []);

  // Started or stopped writing a reply: said at once, not at the next renewal.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    report.current(composing ? 'composing' : 'viewing');
  }, [composing]);

  return presence;
}

/** What others may add that a reply written meanwhile could cross: their replies and notes, the customer's messages. */
const NEWS_TYPES: ReadonlySet<string> = new Set(['reply', 'note', 'customer_message']);

/**
 * What someone else added to the submission since the person opened it (the detail is read again after each
 * sync), until they acknowledge it by sending anyway: events not in the timeline as first shown, nor their own
 * (`mine`, each note or reply sent from here).
 */
export function useNews(detail: Detail) {
  const [seen, setSeen] = useState(() => new Set(detail.timeline.map((e) => e.id)));
  const own = useRef(new Set<string>());
  const unseen = detail.timeline.filter((e) => NEWS_TYPES.has(e.type) && !seen.has(e.id) && !own.current.has(e.id));
  const ids = unseen.map((e) => e.id).join(' ');
  const seeAll = useCallback(() => setSeen((s) => new Set([...s, ...ids.split(' ')])), [ids]);
  const mine = useCallback((eventId: string) => void own.current.add(eventId), []);
  return { unseen, seeAll, mine };
}
