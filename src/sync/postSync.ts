import type { ErrorResponse, SyncRequest, SyncResponse } from './protocol.ts';

/** A `fetch`-shaped function; tests pass one that talks to the server in-process. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export const SYNC_TIMEOUT_MS = 30_000;
/** Request bodies from this size go gzipped; below it gzip's frame and the work would outweigh what it saves. */
export const COMPRESS_REQUEST_FROM_BYTES = 1024;

/**
 * The app's transport: the platform's own `fetch`, which sends binary bodies
 * and decodes compressed replies by itself. Over it, postSync gzips large
 * request bodies unless told not to.
 */
export const platformFetch: FetchLike = (url, init) => fetch(url, init);

export interface PostSyncOptions {
  /**
   * Gzip a request body of COMPRESS_REQUEST_FROM_BYTES or more, where the
   * runtime has CompressionStream. By default only over `platformFetch`: a
   * stand-in transport (the in-process test server) is handed the JSON text.
   */
  compressRequest?: boolean;
}

/** The server answered, but refused the request as a whole (4xx with a stable code). */
export class SyncRefusedError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`sync refused: ${status} ${code}`);
    this.name = 'SyncRefusedError';
  }
}

/** The server or the network failed; retry later with the same mutation ids. */
export class SyncUnavailableError extends Error {
  constructor(readonly status?: number) {
    super(status === undefined ? 'network unavailable' : `server error ${status}`);
    this.name = 'SyncUnavailableError';
  }
}

interface EncodedBody {
  body: string | ArrayBuffer;
  headers: Record<string, string>;
  compressed: boolean;
}

/**
 * One sync round trip. Never under a Dexie transaction: awaiting the network
 * there would commit it early. A dropped connection after the server committed
 * looks like any failure here; re-sending the same mutation ids is safe.
 */
export async function postSync(
  fetchFn: FetchLike,
  baseUrl: string,
  request: SyncRequest,
  options: PostSyncOptions = {},
): Promise<SyncResponse> {
  const json = JSON.stringify(request);
  const encoded = await encodeBody(json, options.compressRequest ?? fetchFn === platformFetch);
  let response = await send(fetchFn, baseUrl, encoded);
  // A server from before compression, or a proxy that drops Content-Encoding, cannot read
  // the gzipped body; its 400 would have the batch set aside as malformed. Send it once plain.
  if (encoded.compressed && (await couldNotReadBody(response))) {
    response = await send(fetchFn, baseUrl, plainBody(json));
  }
  if (response.status >= 500) throw new SyncUnavailableError(response.status);
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as ErrorResponse | undefined;
    throw new SyncRefusedError(response.status, body?.error.code ?? 'unknown');
  }
  try {
    return (await response.json()) as SyncResponse;
  } catch {
    throw new SyncUnavailableError(response.status);
  }
}

async function send(fetchFn: FetchLike, baseUrl: string, encoded: EncodedBody): Promise<Response> {
  try {
    return await fetchFn(`${baseUrl}/api/sync`, {
      method: 'POST',
      headers: encoded.headers,
      body: encoded.body,
      signal: AbortSignal.timeout(SYNC_TIMEOUT_MS),
    });
  } catch {
    throw new SyncUnavailableError();
  }
}

/**
 * 415: the coding is refused. 400 without `issues`: the body did not parse as
 * JSON at all — a request this app built always does, so it was not decoded.
 * (A body judged malformed comes back with issues, and is not re-sent.)
 */
async function couldNotReadBody(response: Response): Promise<boolean> {
  if (response.status === 415) return true;
  if (response.status !== 400) return false;
  const body = (await response
    .clone()
    .json()
    .catch(() => undefined)) as ErrorResponse | undefined;
  return body?.error.issues === undefined;
}

function plainBody(json: string): EncodedBody {
  return { body: json, headers: { 'content-type': 'application/json' }, compressed: false };
}

/**
 * The request body, gzipped when asked and worth it. Buffered rather than
 * streamed: Chromium streams request bodies only over HTTP/2, and a buffered
 * body keeps its Content-Length. If the runtime cannot compress, it goes plain.
 */
async function encodeBody(json: string, compress: boolean): Promise<EncodedBody> {
  if (!compress || typeof CompressionStream !== 'function') return plainBody(json);
  const bytes = new TextEncoder().encode(json);
  if (bytes.length < COMPRESS_REQUEST_FROM_BYTES) return plainBody(json);
  try {
    const source = new Response(bytes).body;
    if (source === null) return plainBody(json);
    const gzipped = await new Response(source.pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
    return {
      body: gzipped,
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      compressed: true,
    };
  } catch {
    return plainBody(json);
  }
}
