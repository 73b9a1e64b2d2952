import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * Compression of sync replies. Brotli at quality 4 where the client accepts
 * it, else gzip at level 6: on sync replies of 2–46 KB brotli-4 came out
 * 6–16% smaller than gzip-6 at about the same cost (both well under 2 ms),
 * while brotli-11 took 50–200 times longer for another 10%
 * (docs/sync.md, "Compressed bodies"). Browsers offer `br` only over HTTPS, so gzip
 * stays for plain HTTP and for scripts.
 */
export const REPLY_CODINGS = ['br', 'gzip'] as const;
export type ReplyCoding = (typeof REPLY_CODINGS)[number];

/** Below this a reply goes plain: gzip's 18-byte frame and the work would outweigh what it saves. */
export const MIN_COMPRESSED_REPLY_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * The coding to answer with, from an `Accept-Encoding` header: the one with
 * the highest q-value, brotli on a tie; none without the header (RFC 9110
 * allows any coding then, but a client that sends no header is usually a
 * script that would not decode it).
 */
export function negotiateReplyCoding(header: string | undefined): ReplyCoding | undefined {
  if (header === undefined) return undefined;
  const weights = new Map<string, number>();
  for (const entry of header.split(',')) {
    const [name = '', ...parameters] = entry.split(';').map((part) => part.trim().toLowerCase());
    if (name === '') continue;
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name === 'x-gzip' ? 'gzip' : name, Number.isFinite(weight) ? weight : 0);
  }
  let best: ReplyCoding | undefined;
  let bestWeight = 0;
  for (const coding of REPLY_CODINGS) {
    const weight = weights.get(coding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) [best, bestWeight] = [coding, weight];
  }
  return best;
}

/** Compressed off the event loop (zlib's thread pool): a full pull page is a few hundred KB. */
export async function compressReply(coding: ReplyCoding, body: Buffer): Promise<Buffer> {
  if (coding === 'gzip') return gzipAsync(body, { level: 6 });
  return brotli(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 4,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

/** `Vary` with `Accept-Encoding` added once: the body depends on it. */
export function varyWithAcceptEncoding(current: string | number | string[] | undefined): string {
  const values = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');
  const listed = values.some((value) => value === '*' || value.toLowerCase() === 'accept-encoding');
  return (listed ? values : [...values, 'Accept-Encoding']).join(', ');
}
