// `npm run build:cli`, and `npm ci` through `prepare`: compiles the command line
// into dist/cli (vite.config.ts, mode cli), so `chokepoint` starts in 0.2 s
// instead of 0.5 s (bin/built.js). Without vite (dependencies installed with
// --omit=dev) it says so and stops: the command line then runs the TypeScript.
let build;
try {
  ({ build } = await import('vite'));
} catch {
  console.log('chokepoint: vite is not installed, so the command line is not compiled; it runs the TypeScript through tsx');
  process.exit(0);
}
await build({ mode: 'cli', logLevel: 'warn' });
console.log('chokepoint: command line compiled into dist/cli');
