/** The lint rule that enforces the layers reports what it should and nothing else. */
import assert from 'node:assert/strict';
import { ESLint, RuleTester } from 'eslint';
import { test } from 'node:test';
import tseslint from 'typescript-eslint';
import { layers } from '../../eslint/layers.js';

const root = '/repo';
const options = [
  {
    root,
    layers: {
      common: { denyPackages: ['node:*', 'electron'] },
      'main/core': { allow: ['common'], denyPackages: ['electron'] },
      'main/api': { allow: ['common', 'main/core'] },
      'renderer/src': { allow: ['common'], allowTypes: ['main/api/contract.ts'], denyPackages: ['node:*'] },
      server: { allow: ['common'] },
    },
  },
];
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });

test('the layers rule', () => {
  tester.run('layers', layers as never, {
    valid: [
      { filename: `${root}/main/core/a.ts`, code: `import { x } from '../../common/ids.ts';`, options },
      { filename: `${root}/main/core/a.ts`, code: `import { x } from './b.ts';`, options },
      { filename: `${root}/main/api/a.ts`, code: `import { x } from '../core/store/open.ts';`, options },
      { filename: `${root}/renderer/src/a.ts`, code: `import type { Output } from '../../main/api/contract.ts';`, options },
      { filename: `${root}/renderer/src/a.ts`, code: `import { type Output } from '../../main/api/contract.ts';`, options },
      { filename: `${root}/server/a.ts`, code: `import { Mutation } from '../common/protocol/sync.ts';`, options },
      { filename: `${root}/test/a.ts`, code: `import { x } from '../server/a.ts';`, options },
    ],
    invalid: [
      { filename: `${root}/main/core/a.ts`, code: `import { x } from '../api/dispatcher.ts';`, options, errors: [{ messageId: 'layer' }] },
      { filename: `${root}/main/core/a.ts`, code: `import { app } from 'electron';`, options, errors: [{ messageId: 'pkg' }] },
      {
        filename: `${root}/main/core/a.ts`,
        code: `const m = await import('../../server/app.ts');`,
        options,
        errors: [{ messageId: 'layer' }],
      },
      { filename: `${root}/common/a.ts`, code: `import { readFileSync } from 'node:fs';`, options, errors: [{ messageId: 'pkg' }] },
      { filename: `${root}/common/a.ts`, code: `import { x } from '../main/core/ids.ts';`, options, errors: [{ messageId: 'layer' }] },
      {
        filename: `${root}/server/a.ts`,
        code: `import { x } from '../main/core/audit/chain.ts';`,
        options,
        errors: [{ messageId: 'layer' }],
      },
      {
        filename: `${root}/renderer/src/a.ts`,
        code: `import { contract } from '../../main/api/contract.ts';`,
        options,
        errors: [{ messageId: 'typeOnly' }],
      },
      {
        filename: `${root}/renderer/src/a.ts`,
        code: `import { x } from '../../main/core/store/open.ts';`,
        options,
        errors: [{ messageId: 'layer' }],
      },
      {
        filename: `${root}/renderer/src/a.ts`,
        code: `export { x } from '../../server/app.ts';`,
        options,
        errors: [{ messageId: 'layer' }],
      },
    ],
  });
});

test('the project configuration refuses Node modules in common/ and the renderer by either name', { timeout: 60_000 }, async () => {
  const eslint = new ESLint();
  for (const file of ['common/probe.ts', 'renderer/src/probe.ts']) {
    for (const spec of ['node:fs', 'fs', 'path', 'crypto']) {
      const [result] = await eslint.lintText(`import * as m from '${spec}';\nexport const x = m;\n`, { filePath: file });
      const layerErrors = result!.messages.filter((m) => m.ruleId === 'backdesk/layers');
      assert.equal(layerErrors.length, 1, `${file} importing ${spec}: ${JSON.stringify(result!.messages)}`);
    }
  }
});
