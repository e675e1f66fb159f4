// A Node test reporter that writes one JSON line per test as it starts and as it ends, so the runner can
// count a suite it had to kill (and name the tests still running) as well as one that finished.
// Suites are not counted as tests; skipped and todo tests are skipped, never passed.
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
    yield JSON.stringify({ event: 'end', name, nesting, result }) + '\n';
  }
}
