/**
 * A reverse proxy in front of the built server, for the app-update journey. It
 * passes everything through, and can (1) deploy a "new version" of the app:
 * the same build with a marked index.html and a sw.js whose precache revision
 * of index.html changed, as a real release changes it; and (2) make the sync API
 * fail with 503, as an overloaded proxy or a half-finished deploy does, while
 * the app's files still load — so an update can be found with changes unsent.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, request, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../../src/sync/protocol.ts';
import { postSync } from '../../../src/sync/postSync.ts';
import { signedInFetch } from './serverAccounts.ts';

/** The new version's index.html carries this, so a test can tell which version a page runs. */
export const NEW_VERSION_MARKER = '<meta name="ura-version" content="next" />';

export interface AppUpdateProxy {
  url: string;
  /** From now on, serve the new version's index.html and sw.js. */
  deployNewVersion: () => Promise<void>;
  /** While false, every POST /api/sync is answered 503 without reaching the server. */
  setSyncReachable: (reachable: boolean) => void;
  /** How many sync requests were answered 503. */
  refusedSyncs: () => number;
  close: () => Promise<void>;
}

interface Override {
  body: string;
  headers: Record<string, string>;
}

/** Headers that describe the original bytes (fetch has already decoded any compression). */
const BYTE_HEADERS = ['content-length', 'content-encoding', 'etag', 'last-modified', 'connection', 'transfer-encoding'];

/** The original file's headers (its content type, CSP, cache policy), without those of its old bytes. */
function headersFor(original: Headers): Record<string, string> {
  const headers: Record<string, string> = {};
  original.forEach((value, name) => {
    if (!BYTE_HEADERS.includes(name)) {
      headers[name] = value;
    }
  });
  return headers;
}

async function newVersionOf(upstream: string): Promise<Map<string, Override>> {
  const [index, worker] = await Promise.all([fetch(`${upstream}/index.html`), fetch(`${upstream}/sw.js`)]);
  const html = (await index.text()).replace('</head>', `${NEW_VERSION_MARKER}</head>`);
  const revision = createHash('md5').update(html).digest('hex');
  const script = await worker.text();
  const entry = /\{url:"index\.html",revision:"[0-9a-f]+"\}/;
  if (!entry.test(script)) throw new Error('sw.js has no precache entry for index.html: did the build change?');
  const page = { body: html, headers: headersFor(index.headers) };
  return new Map([
    ['/', page],
    ['/index.html', page],
    [
      '/sw.js',
      { body: script.replace(entry, `{url:"index.html",revision:"${revision}"}`), headers: headersFor(worker.headers) },
    ],
  ]);
}

function send(
  response: ServerResponse,
  status: number,
  headers: IncomingHttpHeaders | Record<string, string>,
  body: string,
): void {
  response.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

export async function startAppUpdateProxy(upstream: string): Promise<AppUpdateProxy> {
  const target = new URL(upstream);
  let overrides = new Map<string, Override>();
  let syncReachable = true;
  let refused = 0;
  const proxy = createServer((incoming, response) => {
    const path = new URL(incoming.url ?? '/', upstream).pathname;
    if (!syncReachable && path === '/api/sync') {
      refused += 1;
      send(response, 503, { 'content-type': 'text/plain' }, 'Service Unavailable');
      return;
    }
    const override = incoming.method === 'GET' ? overrides.get(path) : undefined;
    if (override !== undefined) {
      send(response, 200, override.headers, override.body);
      return;
    }
    const forwarded = request(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (reply) => {
        response.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(response);
      },
    );
    forwarded.on('error', () => send(response, 502, { 'content-type': 'text/plain' }, 'Bad Gateway'));
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deployNewVersion: async () => {
      overrides = await newVersionOf(upstream);
    },
    setSyncReachable: (reachable) => {
      syncReachable = reachable;
    },
    refusedSyncs: () => refused,
    close: () =>
      new Promise((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}

/** The given names of every student the server holds, read as a fresh device of the school team would pull them. */
export async function studentGivenNamesOnServer(url: string): Promise<string[]> {
  const clientId = randomUUID();
  const fetchFn = await signedInFetch(url, 'team', clientId);
  const names: string[] = [];
  let cursor = 0;
  for (;;) {
    const page = await postSync(fetchFn, url, {
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
      clientId,
      cursor,
      mutations: [],
    });
    for (const change of page.changes) {
      const given = change.fields.givenName;
      if (change.entity === 'student' && typeof given === 'string') names.push(given);
    }
    if (!page.hasMore) return names;
    cursor = page.nextCursor;
  }
}
