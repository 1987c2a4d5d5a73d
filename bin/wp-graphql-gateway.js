#!/usr/bin/env node
// The installed command: runs the build in dist/ (plain JavaScript, no TypeScript loader at runtime). `npm pack`
// and `npm start` build it first (`prepack`, `prestart`); in a checkout without a build, `npm run build` once, or
// run the sources with `npm run dev`.
await import('../dist/src/bin.js');
