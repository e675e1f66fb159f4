/**
 * What may be written to a log about an unexpected error, on the desk and on the hub: its class, its code
 * and its stack frames, never its message, because messages quote data (a SQLite or PostgreSQL error names
 * the values that clashed; a validation error repeats what the customer wrote).
 */
export function loggableError(e: unknown): string {
  if (!(e instanceof Error)) return `a thrown ${typeof e}`;
  const code = (e as { code?: unknown }).code;
  const named = typeof code === 'string' && /^[\w.-]{1,64}$/.test(code) ? ` (${code})` : '';
  // V8's stack starts with "Name: message" and a message may span lines: the header is cut off when it
  // is still the message's, and only the trailing run of "at ..." lines is kept in any case.
  const stack = e.stack ?? '';
  const header = String(e);
  const lines = (stack.startsWith(header) ? stack.slice(header.length) : stack).split('\n');
  const firstFrame = lines.findLastIndex((l) => !/^\s+at /.test(l)) + 1;
  const frames = lines.slice(firstFrame);
  return [`${e.constructor.name}${named}`, ...frames].join('\n');
}
