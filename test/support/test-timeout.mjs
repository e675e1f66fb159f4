// Gives every top-level test and suite a time limit unless it names its own: Node 20's runner has no
// per-test default (its --test-timeout limits a whole file in --test mode and nothing when a file runs
// alone). Loaded by scripts/run-tests.mjs, with --expose-internals; the limit comes from
// BACKDESK_TEST_TIMEOUT_MS. Tests inside a test inherit their parent's limit, as Node does.
import { createRequire } from 'node:module';

const limit = Number(process.env.BACKDESK_TEST_TIMEOUT_MS);
if (!(limit > 0)) throw new Error('test-timeout.mjs needs BACKDESK_TEST_TIMEOUT_MS (milliseconds)');

// The Test class is internal; patching it (rather than wrapping test()) keeps each test's reported file and line.
const { Test } = createRequire(import.meta.url)('internal/test_runner/test');
const createSubtest = Test.prototype.createSubtest;
if (typeof createSubtest !== 'function') throw new Error('this Node has no Test.prototype.createSubtest; update test-timeout.mjs');

Test.prototype.createSubtest = function (Factory, name, options, fn, overrides) {
  const own = name !== null && typeof name === 'object' ? name : options !== null && typeof options === 'object' ? options : {};
  const atTopLevel = this.parent === null;
  if (atTopLevel && own.timeout === undefined) overrides = { ...overrides, timeout: limit };
  return createSubtest.call(this, Factory, name, options, fn, overrides);
};
