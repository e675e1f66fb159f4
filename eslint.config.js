// Lint: typescript-eslint's recommended rules plus the layers of the architecture (eslint/layers.js).
// `npm test` runs it and fails on any error. Do not weaken a layer rule to make code pass: move the code.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import backdesk from './eslint/layers.js';

const root = import.meta.dirname;
// Node's modules by either name: `node:fs` and the bare `fs` are the same module.
const NODE = ['node:*', ...builtinModules];

// The renderer and the preload may import the contract's and the bridge's types (erased at build time), never code.
const CONTRACT_TYPES = ['main/api/contract.ts', 'main/api/bridge.ts'];

/** Who may import whom. `allow` names other layers; `allowTypes` files whose types only may be imported. */
const layers = {
  common: { denyPackages: [...NODE, 'electron', 'react', 'react-dom', 'better-sqlite3-multiple-ciphers', 'keytar', 'fastify', 'pg'] },
  // What the desk's main process and the hub share that needs Node (password hashing, reading one from the terminal).
  'common/node': {
    allow: ['common'],
    denyPackages: ['electron', 'react', 'react-dom', 'better-sqlite3-multiple-ciphers', 'keytar', 'fastify', 'pg'],
  },
  'main/core': { allow: ['common', 'common/node'], denyPackages: ['electron', 'react', 'react-dom', 'fastify'] },
  'main/api': { allow: ['common', 'main/core'], denyPackages: ['electron', 'react', 'react-dom', 'fastify'] },
  'main/electron': { allow: ['common', 'main/core', 'main/api'], denyPackages: ['react', 'react-dom', 'fastify'] },
  'main/web': { allow: ['common', 'main/core', 'main/api'], denyPackages: ['electron', 'react', 'react-dom'] },
  // The command line is the entry point that starts the browser host, so it may use that transport.
  'main/cli': { allow: ['common', 'common/node', 'main/core', 'main/api', 'main/web'], denyPackages: ['electron', 'react', 'react-dom'] },
  preload: { allow: ['common'], allowTypes: CONTRACT_TYPES, denyPackages: ['react', 'react-dom', 'fastify'] },
  'renderer/src': { allow: ['common'], allowTypes: CONTRACT_TYPES, denyPackages: [...NODE, 'electron', 'fastify'] },
  server: {
    allow: ['common', 'common/node'],
    denyPackages: ['electron', 'react', 'react-dom', 'better-sqlite3-multiple-ciphers', 'keytar'],
  },
};

export default tseslint.config(
  // .demo is npm start's local data folder, never part of the code.
  { ignores: ['dist/**', 'node_modules/**', 'release/**', '.demo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs}'],
    plugins: { backdesk },
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    rules: {
      'backdesk/layers': ['error', { root, layers }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-undef': 'off', // TypeScript knows the globals of each layer better (per-layer tsconfigs)
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // Tests read JSON answers whose shape is what they assert on; `any` there is the honest type.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
