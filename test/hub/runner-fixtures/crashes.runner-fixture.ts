/** A fixture for scripts/run-tests.mjs' own test, never run by npm test: the file fails while loading. */
throw new Error('fixture: fails while loading');
