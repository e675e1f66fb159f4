#!/usr/bin/env node
// Runs the hub's TypeScript CLI through tsx's loader, as bin/backdesk.mjs does for the desk.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli.ts');
