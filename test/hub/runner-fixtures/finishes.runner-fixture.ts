/**
 * A fixture for scripts/run-tests.mjs' own test (test/integration/test-runner.test.ts), never run by npm test:
 * one test passes, one is skipped with its reason, one outlives the per-test limit the runner sets.
 */
import { test } from 'node:test';

test('fixture: passes', () => {});

test('fixture: skipped', (t) => t.skip('fixture reason'));

test('fixture: outlives the per-test limit', () => new Promise((resolve) => setTimeout(resolve, 4000)));
