/**
 * The first director's display name is one line, on the first-run screen and in `backdesk init` alike:
 * the name travels to the hub with every assignment to them, and the sync protocol refuses a bidi mark or
 * a line break in it, so a name that passed here would leave every such assignment stuck on the desk.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { countStaff } from '../../main/core/security/staff.ts';
import { openStore } from '../../main/core/store/open.ts';
import { keychain, PASSWORD, tempDesk, tempDir } from '../support/fixtures.ts';

test('the first-run screen refuses a display name with a bidi mark or a line break', { timeout: 60_000 }, async () => {
  const desk = await tempDesk();
  const create = (displayName: string) =>
    desk.dispatcher.call('first', 'auth.createFirstDirector', { username: 'lan', displayName, password: PASSWORD });
  for (const [name, problem] of [
    ['Lan\u200e', /bidirectional control characters/],
    ['Lan\nPhạm', /one line/],
  ] as const) {
    const refused = await create(name);
    assert.equal(refused.ok, false, name);
    assert.match(JSON.stringify(!refused.ok && refused.error), problem);
  }
  assert.ok((await create('Phạm Thị Lan')).ok);
});

test('backdesk init refuses a --name with a bidi mark: usage error 64, the reason, nothing created', { timeout: 60_000 }, async () => {
  const dir = join(tempDir(), 'p');
  const out = spawnSync(process.execPath, ['bin/backdesk.mjs', 'init', '--data-dir', dir, '--username', 'lan', '--name', 'Lan\u200e'], {
    input: 'a long enough password\n',
    encoding: 'utf8',
    timeout: 50_000,
  });
  assert.equal(out.status, 64, out.stdout + out.stderr);
  assert.match(out.stderr, /--name must not contain bidirectional control characters/);
  const store = await openStore({ dataDir: dir, keychain });
  try {
    assert.equal(countStaff(store.db), 0);
  } finally {
    store.close();
  }
});
