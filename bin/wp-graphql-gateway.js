#!/usr/bin/env node
// The installed command: runs the TypeScript entry point through tsx (a runtime dependency), so there is no
// build step between `npm ci` and a working gateway.
import { register } from 'tsx/esm/api';

register();
await import('../src/bin.ts');
