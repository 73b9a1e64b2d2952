import { relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * Serves the built app. Vite puts content-hashed files under /assets/, so they
 * may be cached for a year; everything else (index.html, sw.js, registerSW.js,
 * the manifest, icons) must be revalidated or an update would never arrive.
 * Text files go brotli or gzip when the build made copies and the browser
 * accepts them: on a rural link the app's own files are the first download.
 */
export async function registerStaticFiles(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    // The build writes .br and .gz copies (scripts/precompressClient.mjs): sent when the browser accepts them.
    preCompressed: true,
    cacheControl: false,
    setHeaders: (response, filePath) => {
      const path = relative(root, filePath).split(sep).join('/');
      response.setHeader('Cache-Control', path.startsWith('assets/') ? IMMUTABLE : REVALIDATE);
      // A proxy may cache a public asset: it must keep the brotli, gzip and plain answers apart.
      response.setHeader('Vary', 'Accept-Encoding');
    },
  });
}

/**
 * The single-page-app fallback: a deep link such as /students/… opens the
 * shell. Missing /assets/ files stay 404 so a stale chunk fails loudly instead
 * of being answered with HTML.
 */
export function isAppRoute(method: string, url: string): boolean {
  return (method === 'GET' || method === 'HEAD') && !url.startsWith('/assets/');
}

export async function sendAppShell(reply: FastifyReply): Promise<void> {
  await reply.header('Cache-Control', REVALIDATE).sendFile('index.html');
}
