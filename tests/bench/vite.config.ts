import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The casework benchmark's in-page bundle (no React): one script the benchmark evaluates in the app's page.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: fileURLToPath(new URL('../../dist/bench', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    lib: {
      entry: fileURLToPath(new URL('./benchEntry.ts', import.meta.url)),
      formats: ['iife'],
      name: 'uraBenchBundle',
      fileName: () => 'uraBench.js',
    },
  },
});
