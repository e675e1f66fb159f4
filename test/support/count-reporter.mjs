// A Node test reporter that writes one JSON line per test as it starts and as it ends, so the runner can
// count a suite it had to kill (and name the tests still running) as well as one that finished.
// Suites are not counted as tests; skipped and todo tests are skipped, never passed.

/** The test's own error (Node wraps it) in at most six lines. */
function firstLines(error) {
  const cause = error?.cause ?? error;
  const text = cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
  return text.split('\n').slice(0, 6).join('\n');
}

export default async function* countReporter(source) {
  for await (const event of source) {
    const { name, nesting, details, skip, todo } = event.data ?? {};
    // dequeue: the test begins to run (Node reports test:start only once it is over).
    if (event.type === 'test:dequeue') yield JSON.stringify({ event: 'start', name, nesting }) + '\n';
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const result =
      details?.type === 'suite'
        ? 'suite'
        : skip !== undefined || todo !== undefined
          ? 'skipped'
          : event.type === 'test:pass'
            ? 'passed'
            : 'failed';
    // A failure's first lines travel with it, so the run's closing summary says why and not only what.
    const why = result === 'failed' ? firstLines(details?.error) : undefined;
    yield JSON.stringify({ event: 'end', name, nesting, result, why }) + '\n';
  }
}
