#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so `npx backdesk` works on a fresh clone without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/index.ts');
