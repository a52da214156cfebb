#!/usr/bin/env node
// The command line: compiled JavaScript when it is up to date, else the TypeScript through tsx (bin/built.js),
// so `npx chokepoint` works right after `npm ci` and on a checkout with edited sources alike.
import { importCli } from './built.js';

// A reader that stops early (`chokepoint report | head`) is no error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
const { main } = await importCli('main');
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A bug, not the user's input: say so plainly, without a stack trace unless asked for.
  process.stderr.write(`chokepoint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.CHOKEPOINT_DEBUG) console.error(error);
  process.exitCode = 3;
}
