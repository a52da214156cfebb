import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Relative asset URLs, so that `npm run build` works as static files from any folder.
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
