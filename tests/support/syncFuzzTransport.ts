/**
 * Hostile sync requests at the transport level: bytes that are not JSON, the
 * wrong headers, bodies over the limit, and prototype-polluting keys put into
 * the JSON text of a valid request.
 */
import { deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { MAX_BODY_BYTES } from '../../src/sync/protocol.ts';
import { SECRET } from './syncFuzzArbitraries.ts';
import { json, validRequest, validRequestText } from './syncFuzzCases.ts';

/** Bytes as sent, with exactly these headers; `status` when only one answer is right. */
export interface RawRequest {
  payload: string | Buffer;
  headers: Record<string, string>;
  status?: number;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const token = fc.stringMatching(/^[a-z0-9!#$&^_.+-]{1,12}$/);
const nonJsonMediaType = fc
  .oneof(
    fc.constantFrom('text/plain', 'text/json', 'text/html; charset=utf-8', 'application/x-www-form-urlencoded'),
    fc.constantFrom('multipart/form-data; boundary=x', 'application/jsonx', 'application/json-patch+json'),
    fc.constantFrom('application/vnd.api+json', 'application/x-json', 'application/xml', '*/*', 'json', ''),
    fc.tuple(token, token).map(([type, subtype]) => `${type}/${subtype}`),
  )
  .filter((type) => type.split(';')[0]?.trim().toLowerCase() !== 'application/json');
const COMPRESS = { gzip: gzipSync, deflate: deflateSync } as const;

/** Not JSON, cut short, trailed by junk, of another media type, compressed badly, or with a lying length. */
export const hostileTransport: fc.Arbitrary<RawRequest> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }).map((text) => ({ payload: text, headers: JSON_TYPE, status: 400 })),
  fc.uint8Array({ maxLength: 600 }).map((bytes) => ({ payload: Buffer.from(bytes), headers: JSON_TYPE, status: 400 })),
  fc.nat().map((cut) => {
    const text = validRequestText();
    return { payload: text.slice(0, cut % text.length), headers: JSON_TYPE, status: 400 };
  }),
  fc
    .string({ maxLength: 20 })
    .map((tail) => ({ payload: `${validRequestText()}${SECRET}${tail}`, headers: JSON_TYPE, status: 400 })),
  nonJsonMediaType.map((type) => ({ payload: validRequestText(), headers: { 'content-type': type }, status: 415 })),
  fc.constant({}).map((headers) => ({ payload: validRequestText(), headers, status: 415 })),
  // gzip and deflate are decoded (docs/sync.md, "Compressed bodies"); other codings are refused, broken streams too.
  fc.constantFrom('br', 'zstd', 'compress', 'gzip, gzip').map((encoding) => ({
    payload: gzipSync(validRequestText()),
    headers: { ...JSON_TYPE, 'content-encoding': encoding },
    status: 415,
  })),
  fc.tuple(fc.constantFrom('gzip' as const, 'deflate' as const), fc.nat()).map(([encoding, cut]) => {
    const whole = COMPRESS[encoding](validRequestText());
    return {
      payload: whole.subarray(0, cut % whole.length),
      headers: { ...JSON_TYPE, 'content-encoding': encoding },
      status: 400,
    };
  }),
  fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 20_000, max: 40_000 })).map((length) => ({
    payload: validRequestText(),
    headers: { ...JSON_TYPE, 'content-length': String(length) },
  })),
);

/** Bodies over the 1 MiB limit: a valid request with padding, or junk. */
export const oversizeBody: fc.Arbitrary<RawRequest> = fc
  .tuple(fc.integer({ min: 1, max: 100_000 }), fc.boolean())
  .map(([extra, asRequest]) => ({
    payload: asRequest
      ? json({ ...validRequest(), padding: 'x'.repeat(MAX_BODY_BYTES + extra) })
      : '['.repeat(MAX_BODY_BYTES + extra),
    headers: JSON_TYPE,
    status: 413,
  }));

/** Where each object of a JSON text opens (a `{` outside strings). */
function objectOpenings(text: string): number[] {
  const openings: number[] = [];
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inString && char === '\\') index += 1;
    else if (char === '"') inString = !inString;
    else if (!inString && char === '{') openings.push(index);
  }
  return openings;
}

const pollutingKey = fc.constantFrom(
  ...['__proto__', '\\u005f_proto__', '__pro\\u0074o__', 'constructor', 'prototype', '__defineGetter__'],
  ...['hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf', 'toJSON'],
);
const pollutingValue = fc.constantFrom('{"polluted":"yes"}', '{"prototype":{"polluted":1}}', 'null', '1', '[]', '"x"');

/** A valid request with a prototype-polluting member put into one of its objects. */
export const pollutedBody: fc.Arbitrary<string> = fc
  .tuple(fc.nat(), pollutingKey, pollutingValue)
  .map(([choice, key, value]) => {
    const text = validRequestText();
    const openings = objectOpenings(text);
    const at = openings[choice % openings.length] ?? 0;
    const separator = text[at + 1] === '}' ? '' : ',';
    return `${text.slice(0, at + 1)}"${key}":${value}${separator}${text.slice(at + 1)}`;
  });
