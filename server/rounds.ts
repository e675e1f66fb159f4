/**
 * A job the hub runs in the background while it serves (email delivery, the website webhook): a round, then the
 * wait the round asks for, until stopped. A failed round is logged by its message only (what fails may quote
 * addresses or values) and the next one tries again after the usual wait; stopping waits for the round under way.
 */
import { loggableError } from '../common/errors/loggable.ts';

export interface Rounds {
  stop(): Promise<void>;
}

/** `round` resolves to how long to wait before the next one, or nothing for `everyMs`. */
export function runRounds(job: string, round: () => Promise<number | void>, everyMs: number): Rounds {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = round()
      .then(
        (ms) => ms ?? everyMs,
        (e: unknown) => {
          console.error(`backdesk-hub: ${job} round failed: ${loggableError(e)}`);
          return everyMs;
        },
      )
      .then((ms) => {
        if (stopped) return;
        timer = setTimeout(tick, ms);
        timer.unref();
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
