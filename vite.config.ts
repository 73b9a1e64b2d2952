/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const isTest = process.env.VITEST !== undefined;
const testDatabaseUrl = process.env.URA_TEST_DATABASE_URL ?? '';
const SERVER_TESTS = ['tests/integration/server/**/*.test.ts', 'tests/integration/sync/**/*.test.ts'];
const POSTGRES_ONLY_TESTS = 'tests/integration/server/postgres*.test.ts';
const SQLITE_ONLY_TESTS = 'tests/integration/server/databaseSqlite*.test.ts';

export default defineConfig({
  plugins: [
    react(),
    ...(isTest
      ? []
      : [
          VitePWA({
            registerType: 'prompt',
            injectRegister: false,
            // Let globPatterns alone decide what is precached (no duplicate entries).
            includeAssets: [],
            includeManifestIcons: false,
            manifest: {
              name: 'Ura',
              short_name: 'Ura',
              description: 'Keeping children in school: cases, screenings and home visits, offline.',
              lang: 'sq',
              theme_color: '#0b5d63',
              background_color: '#ffffff',
              display: 'standalone',
              start_url: '/',
              scope: '/',
              icons: [
                { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
                { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
                { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
              ],
            },
            workbox: {
              // The shell, every locale chunk and the icons: the app must open offline after one visit.
              globPatterns: ['**/*.{js,css,html,json,png,svg,ico,webmanifest}'],
              navigateFallback: '/index.html',
              // Sync traffic must never be answered from a cache or by the shell.
              navigateFallbackDenylist: [/^\/api\//],
              runtimeCaching: [{ urlPattern: /\/api\//, handler: 'NetworkOnly' }],
              cleanupOutdatedCaches: true,
            },
          }),
        ]),
  ],
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    sourcemap: false,
    // A lazy screen's JavaScript dependencies are not listed for preloading: the list of every chunk's name sat in
    // the first-load bundle (about 1.5 KB gzip of a 150 KB budget), while the service worker serves every chunk
    // from its precache after the first visit, where the extra round trip it saves costs nothing. CSS still loads
    // with its screen (Vite keeps CSS out of this list).
    modulePreload: { resolveDependencies: () => [] },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  test: {
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'client',
          environment: 'jsdom',
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/client/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/support/setupClient.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: SERVER_TESTS,
          // Tests of PostgreSQL itself run only in `server-postgres`.
          exclude: [POSTGRES_ONLY_TESTS],
          setupFiles: ['tests/support/setupNode.ts'],
        },
      },
      // The same server and sync tests again on PostgreSQL, when a server is given
      // (scripts/withPostgres.sh starts a throwaway one; CI always does).
      ...(testDatabaseUrl === ''
        ? []
        : [
            {
              extends: true as const,
              test: {
                name: 'server-postgres',
                environment: 'node',
                include: SERVER_TESTS,
                exclude: [SQLITE_ONLY_TESTS],
                setupFiles: ['tests/support/setupNode.ts'],
                env: { URA_TEST_ENGINE: 'postgres' },
              },
            },
          ]),
    ],
  },
});
