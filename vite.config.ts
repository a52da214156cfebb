import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** The sample graphs (graphs/) go into the build as they are, so that `?graph=graphs/…` opens them; the dev server serves them from the repo. */
function sampleGraphs(): Plugin {
  const root = fileURLToPath(new URL('./graphs/', import.meta.url));
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  return {
    name: 'chokepoint-sample-graphs',
    apply: 'build',
    generateBundle() {
      for (const file of files(root)) this.emitFile({ type: 'asset', fileName: `graphs/${relative(root, file)}`, source: readFileSync(file) });
    },
  };
}

/**
 * The headers the app is served with (issue 20): the page's own
 * Content-Security-Policy (index.html has it as a meta tag, which cannot
 * forbid framing) plus `frame-ancestors 'none'` and WebAssembly for the workers, no MIME sniffing, no
 * referrer. `vite preview` sends them; the build writes them to `_headers`
 * (Netlify, Cloudflare Pages); docs/app.md gives them for other hosts.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  // 'wasm-unsafe-eval' lets the engine worker compile its WebAssembly (src/metrics/lanes.wat); a worker takes the
  // policy of its own script's headers, so without it the lanes would fall back to JavaScript. No eval of JavaScript.
  'Content-Security-Policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

/** `_headers` for static hosts that read one (Netlify, Cloudflare Pages): every path gets SECURITY_HEADERS. */
function headersFile(): Plugin {
  return {
    name: 'chokepoint-security-headers',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: `/*\n${Object.entries(SECURITY_HEADERS).map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n` });
    },
  };
}

/**
 * `vite build --mode cli`: the command line compiled to JavaScript in dist/cli
 * (scripts/build-cli.mjs), so that `chokepoint` starts without compiling
 * TypeScript first. Dependencies stay in node_modules. dist/cli is two folders
 * deep like src/cli, so the `new URL('../../…', import.meta.url)` paths of
 * src/cli (the default graph, the figures thread) point at the same files.
 */
const cliBuild = defineConfig({
  build: {
    ssr: true,
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    copyPublicDir: false,
    rollupOptions: {
      input: { main: 'src/cli/main.ts', 'failure-worker': 'src/cli/failure-worker.ts' },
      output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});

export default defineConfig(({ mode }) => mode === 'cli' ? cliBuild : {
  // Relative asset URLs, so that `npm run build` works as static files from any folder.
  base: './',
  plugins: [sampleGraphs(), headersFile()],
  preview: { headers: SECURITY_HEADERS },
  worker: { format: 'es' },
  // The dev server pre-bundles dependencies it finds from these entries. The workers
  // are reached only at run time, so without them a fresh checkout discovers the
  // worker's dependencies late, re-bundles, and must reload the page once.
  optimizeDeps: { entries: ['index.html', 'src/worker/*.ts'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  test: {
    include: ['tests/**/*.test.ts'],
    // The browser tests now open a graph with shocks, variants and ranges, whose draws run in a worker of their own beside the engine: on two busy cores a test of several edits takes 20–45 s.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // A browser test polls for a state (never sleeps and measures); vitest's 1 s default is shorter than a worker's
    // answer on a loaded 2-core CI machine (the betweenness of the default graph took longer there).
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
