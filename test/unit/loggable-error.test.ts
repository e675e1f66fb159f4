/** What the desk and the hub log about an unexpected error names it without quoting the data it carried. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loggableError } from '../../common/errors/loggable.ts';

test('a logged error keeps its class, code and frames, and drops a message that quotes customer data', () => {
  const e = Object.assign(new Error('duplicate key value violates unique constraint\nDETAIL: Key (email)=(lan.nguyen@gmail.com) exists'), {
    code: '23505',
  });
  const logged = loggableError(e);
  assert.match(logged, /^Error \(23505\)\n/);
  assert.match(logged, /^\s+at /m, 'the stack frames are kept');
  assert.doesNotMatch(logged, /lan\.nguyen|gmail|duplicate key/);
});

test('a thrown non-error is named by its type only', () => {
  assert.equal(loggableError('Nguyễn Thị Lan'), 'a thrown string');
});
