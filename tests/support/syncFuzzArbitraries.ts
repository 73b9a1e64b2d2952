/**
 * fast-check arbitraries of hostile sync input, and helpers that bend a valid
 * request into a broken one (as a value or as JSON text). Validity here is
 * judged independently of the server's zod schemas, so the fuzz can catch them
 * letting something through.
 */
import fc from 'fast-check';
import { formatHlc } from '../../src/domain/hlc.ts';

/** Put into every hostile string and key: a refusal must never echo it back. */
export const SECRET = 'Zgjim';
/** Longer than any text field allows, so a huge string is wrong wherever it goes. */
const HUGE_LENGTH = 20_000;
const LOWER_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type JsonKind = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';
export type Path = readonly (string | number)[];

export function kindOf(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as 'string' | 'number' | 'boolean' | 'object';
}

const markedString = fc.string({ maxLength: 12 }).map((text) => `${SECRET}${text}`);

const valuesByKind: Record<JsonKind, fc.Arbitrary<unknown>> = {
  string: fc.oneof(markedString, fc.constantFrom('', ' ', '0', 'true', 'null', '[]')),
  number: fc.oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(-1, 0.5, Number.MAX_SAFE_INTEGER + 2, 1e308),
  ),
  boolean: fc.boolean(),
  null: fc.constant(null),
  array: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  object: fc.dictionary(markedString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
};

/**
 * A value of another JSON kind than `original`. Never null (nullable fields
 * take it), and inside records number and boolean stand in for each other
 * (screening values take both), so those swaps are left out below the top.
 */
export function valueOfAnotherKind(original: unknown, nested: boolean): fc.Arbitrary<unknown> {
  const kind = kindOf(original);
  const scalar = kind === 'number' || kind === 'boolean';
  const kinds = (Object.keys(valuesByKind) as JsonKind[]).filter(
    (other) => other !== kind && other !== 'null' && !(nested && scalar && (other === 'number' || other === 'boolean')),
  );
  return fc.constantFrom(...kinds).chain((other) => valuesByKind[other]);
}

/** Non-blank text well over every length limit (and under the body limit). */
export const hugeString = fc
  .tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: HUGE_LENGTH, max: 150_000 }))
  .map(([chunk, length]) => `${SECRET}${chunk}`.repeat(Math.ceil(length / (SECRET.length + chunk.length))));

/** Strings that are not a lowercase UUID: forged, mangled or injected ids. */
export const badId = fc
  .oneof(
    markedString,
    fc.uuid().map((id) => id.toUpperCase()),
    fc.uuid().map((id) => `{${id}}`),
    fc.uuid().map((id) => id.replaceAll('-', '')),
    fc.uuid().map((id) => `${id}\n`),
    fc.uuid().map((id) => ` ${id}`),
    fc.uuid().map((id) => id.slice(1)),
    fc.constantFrom('', 'null', "x' OR '1'='1", "'; DROP TABLE entity_field; --", '../../etc/passwd', '*'),
  )
  .filter((value) => !LOWER_UUID.test(value));

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function isRealDate(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}

/** The HLC text format with a date that does not exist: a real date with one part out of range. */
const impossibleDateHlc = fc
  .record({
    year: fc.integer({ min: 1000, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    broken: fc.constantFrom('month', 'day', 'hour', 'minute', 'second'),
    wrong: fc.integer({ min: 0, max: 99 }),
  })
  .map((parts) => ({ ...parts, [parts.broken]: parts.broken === 'day' ? Math.max(parts.wrong, 29) : parts.wrong }))
  .filter((parts) => !isRealDate(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second))
  .map(
    (parts) =>
      `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}T${pad(parts.hour, 2)}:` +
      `${pad(parts.minute, 2)}:${pad(parts.second, 2)}.000Z-0000-aaaaaaaaaaaaaaaa`,
  );

const realHlc = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => formatHlc({ millis: date.getTime(), counter: 0, node: 'abcdef0123456789' }));

/** Strings that are not a well-formed HLC of a real instant. */
export const badHlc = fc.oneof(
  markedString,
  { arbitrary: impossibleDateHlc, weight: 3 },
  realHlc.map((hlc) => hlc.toUpperCase()),
  realHlc.map((hlc) => hlc.replace('-0000-', '-00000-')),
  realHlc.map((hlc) => hlc.replace('Z-', '-')),
  realHlc.map((hlc) => hlc.replace('T', ' ')),
  realHlc.map((hlc) => hlc.slice(0, -1)),
  realHlc.map((hlc) => `${hlc}\n`),
  realHlc.map((hlc) => `${hlc}0`),
  realHlc.map((hlc) => hlc.slice(0, 24)),
);

/** Entity names a client may not write, or that do not exist. */
export const unknownEntity = fc.oneof(
  fc.constantFrom('school', 'municipality', 'Student', 'students', ' student', 'caseevent', 'home_visit', ''),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'),
  markedString,
);

export const unknownOp = fc.oneof(
  fc.constantFrom('delete', 'CREATE', 'Set', 'upsert', 'add', '', '__proto__', 'constructor'),
  markedString,
);

/** A key outside `known` (prototype names included). */
export function unknownKey(known: readonly string[]): fc.Arbitrary<string> {
  return fc
    .oneof(markedString, fc.constantFrom('constructor', 'prototype', 'toString', 'isAdmin', 'ID', 'Id', '$where'))
    .filter((key) => !known.includes(key));
}

/** Every path below `root` to a nested value, with the value found there. */
export function pathsIn(root: unknown, prefix: Path = []): { path: Path; value: unknown }[] {
  if (typeof root !== 'object' || root === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(root)
    ? root.map((value, index) => [index, value])
    : Object.entries(root);
  return entries.flatMap(([key, value]) => [{ path: [...prefix, key], value }, ...pathsIn(value, [...prefix, key])]);
}

/** A copy of `root` with the value at `path` replaced (or removed when `replacement` is `REMOVE`). */
export function withValueAt(root: unknown, path: Path, replacement: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last === undefined) throw new Error('empty path');
  if (replacement === REMOVE) delete parent[last];
  else Object.defineProperty(parent, last, { value: replacement, enumerable: true, writable: true });
  return copy;
}

export const REMOVE = Symbol('remove');

/** A value stands here for raw JSON text put in after JSON.stringify (see `withRawJson`). */
export const RAW_MARKER = '@@raw-json@@';

export function withRawJson(json: string, raw: string): string {
  return json.replace(`"${RAW_MARKER}"`, raw);
}

/** JSON text nested `depth` levels deep, as arrays or objects. */
export const deepNesting = fc
  .tuple(fc.constantFrom('array', 'object'), fc.integer({ min: 50, max: 20_000 }))
  .map(([shape, depth]) =>
    shape === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  );
