import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The sync benchmark's caseload generator for Node (scripts/benchSyncSeed.mjs builds it before seeding):
// tests/bench/syncCaseload.ts and the casework generator it reuses, as one ES module.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: fileURLToPath(new URL('./syncCaseload.ts', import.meta.url)),
    outDir: fileURLToPath(new URL('../../dist/bench-sync', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    target: 'node20',
    rollupOptions: { output: { entryFileNames: 'syncCaseload.mjs' } },
  },
});
