import type { ErrorResponse, SyncRequest, SyncResponse } from './protocol.ts';

/** A `fetch`-shaped function; tests pass one that talks to the server in-process. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export const SYNC_TIMEOUT_MS = 30_000;

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

/**
 * One sync round trip. Never under a Dexie transaction: awaiting the network
 * there would commit it early. A dropped connection after the server committed
 * looks like any failure here; re-sending the same mutation ids is safe.
 */
export async function postSync(fetchFn: FetchLike, baseUrl: string, request: SyncRequest): Promise<SyncResponse> {
  let response: Response;
  try {
    response = await fetchFn(`${baseUrl}/api/sync`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(SYNC_TIMEOUT_MS),
    });
  } catch {
    throw new SyncUnavailableError();
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
