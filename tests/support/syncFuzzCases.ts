/**
 * Whole hostile sync requests for the fuzz: a valid request (whose mutations
 * would change the database if taken) bent in one way, with the status the
 * server must answer. See tests/integration/server/syncFuzz.test.ts.
 */
import fc from 'fast-check';
import {
  MAX_MUTATIONS_PER_REQUEST,
  MAX_PULL_LIMIT,
  OLDEST_SUPPORTED_PROTOCOL_VERSION,
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  type Mutation,
} from '../../src/sync/protocol.ts';
import {
  makeCaseEvent,
  makeCaseRecord,
  makePlanAction,
  makeReferral,
  makeScreening,
  makeVisit,
} from './caseworkFixtures.ts';
import { newId, makeMutation, makeSyncRequest, TEST_SCHOOL_ID } from './serverFixtures.ts';
import {
  badHlc,
  badId,
  deepNesting,
  hugeString,
  pathsIn,
  RAW_MARKER,
  REMOVE,
  unknownEntity,
  unknownKey,
  unknownOp,
  valueOfAnotherKind,
  withRawJson,
  withValueAt,
  type Path,
} from './syncFuzzArbitraries.ts';

/** A JSON body and the status it must get. */
export interface HostileBody {
  body: string;
  status: number;
}

const REQUEST_KEYS = ['protocolVersion', 'schemaVersion', 'clientId', 'cursor', 'limit', 'mutations'];
const MUTATION_KEYS = ['id', 'clientId', 'hlc', 'schema', 'entity', 'entityId', 'op', 'fields'];

/** A well-formed mutation of every client-writable type, nested fields included. */
function wellFormedMutations(): Mutation[] {
  const studentId = newId();
  const caseRecord = makeCaseRecord(studentId, TEST_SCHOOL_ID);
  const records = [
    ['case', caseRecord],
    ['caseEvent', { id: newId(), ...makeCaseEvent(caseRecord.id) }],
    ['screening', makeScreening(studentId)],
    ['homeVisit', makeVisit(caseRecord.id)],
    ['planAction', makePlanAction(caseRecord.id)],
    ['referral', makeReferral(caseRecord.id)],
  ] as const;
  const student = makeMutation({ entityId: studentId });
  return [student, ...records.map(([entity, { id, ...fields }]) => makeMutation({ entity, entityId: id, fields }))];
}

/** A valid request carrying a student that would be created, so any slip shows in the tables. */
export function validRequest(): Record<string, unknown> {
  return { ...makeSyncRequest({ mutations: [makeMutation()] }), limit: MAX_PULL_LIMIT };
}

export const json = (value: unknown): string => JSON.stringify(value);
const refused = (body: string, status = 400): HostileBody => ({ body, status });
const anyNumber = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
/** A version the server does not speak: any number but a supported whole one (a fraction between two is told to update). */
const unsupportedProtocol = anyNumber.filter(
  (n) => !(Number.isInteger(n) && n >= OLDEST_SUPPORTED_PROTOCOL_VERSION && n <= PROTOCOL_VERSION),
);
const unsupportedSchema = anyNumber.filter((n) => n !== SCHEMA_VERSION);

/** The request envelope: wrong types, missing and unknown keys, versions, ranges, too many mutations. */
export const hostileEnvelope: fc.Arbitrary<HostileBody> = fc.oneof(
  fc
    .jsonValue()
    .filter((value) => typeof value !== 'object' || value === null || !('protocolVersion' in value))
    .map((value) => refused(json(value))),
  fc.constantFrom(...REQUEST_KEYS).chain((key) => {
    const request = validRequest();
    return valueOfAnotherKind(request[key], false).map((value) => refused(json(withValueAt(request, [key], value))));
  }),
  fc
    .constantFrom(...REQUEST_KEYS.filter((key) => key !== 'limit'))
    .map((key) => refused(json(withValueAt(validRequest(), [key], REMOVE)))),
  fc
    .tuple(unknownKey(REQUEST_KEYS), fc.jsonValue())
    .map(([key, value]) => refused(json(withValueAt(validRequest(), [key], value)))),
  fc
    .oneof(
      fc.tuple(fc.constant<Path>(['protocolVersion']), unsupportedProtocol),
      fc.tuple(fc.constantFrom<Path>(['schemaVersion'], ['mutations', 0, 'schema']), unsupportedSchema),
    )
    .map(([path, version]) => refused(json(withValueAt(validRequest(), path, version)), 426)),
  fc
    .oneof(
      fc.tuple(fc.constant('cursor'), fc.oneof(fc.integer({ max: -1 }), fc.constantFrom(0.5, 2 ** 53, 1e300))),
      fc.tuple(fc.constant('limit'), fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: MAX_PULL_LIMIT + 1 }))),
      fc.tuple(fc.constant('clientId'), badId),
    )
    .map(([key, value]) => refused(json(withValueAt(validRequest(), [key], value)))),
  fc
    .integer({ min: MAX_MUTATIONS_PER_REQUEST + 1, max: MAX_MUTATIONS_PER_REQUEST + 20 })
    .map((count) =>
      refused(json({ ...validRequest(), mutations: Array.from({ length: count }, () => makeMutation()) })),
    ),
);

/** One way to break a mutation, given the mutation; every one of them must refuse the whole request. */
function breakMutation(mutation: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const inFields = pathsIn(mutation.fields, ['fields']);
  const nonNull = inFields.filter(({ value }) => value !== null);
  const strings = inFields.filter(({ value }) => typeof value === 'string');
  const objects: Path[] = [
    ['fields'],
    ...inFields
      .filter(({ value }) => typeof value === 'object' && value !== null && !Array.isArray(value))
      .map(({ path }) => path),
  ];
  const at = (path: Path) => (value: unknown) => withValueAt(mutation, path, value) as Record<string, unknown>;
  return fc.oneof(
    fc.constantFrom(...MUTATION_KEYS).chain((key) => valueOfAnotherKind(mutation[key], false).map(at([key]))),
    fc.constantFrom(...MUTATION_KEYS).map((key) => at([key])(REMOVE)),
    fc.tuple(unknownKey(MUTATION_KEYS), fc.jsonValue()).map(([key, value]) => at([key])(value)),
    fc.constantFrom(...nonNull).chain(({ path, value }) => valueOfAnotherKind(value, path.length > 2).map(at(path))),
    fc
      .tuple(fc.constantFrom(...strings.map(({ path }) => path), ['id'], ['hlc'], ['entityId']), hugeString)
      .map(([path, huge]) => at(path)(huge)),
    fc.constantFrom(...nonNull.map(({ path }) => path), ['fields'], ['hlc']).map((path) => at(path)(RAW_MARKER)),
    unknownEntity.map(at(['entity'])),
    unknownOp.map(at(['op'])),
    fc.tuple(fc.constantFrom('id', 'clientId', 'entityId'), badId).map(([key, id]) => at([key])(id)),
    badHlc.map(at(['hlc'])),
    fc.tuple(fc.constantFrom(...objects), unknownKey([])).chain(([path, key]) => {
      const known = Object.keys(
        pathsIn(mutation, []).find((entry) => entry.path.join('.') === path.join('.'))?.value ?? {},
      );
      return fc.jsonValue().map((value) => at([...path, known.includes(key) ? `${key}_` : key])(value));
    }),
    // Another device's id: its changes would never reach that device (they look like its own).
    fc
      .uuid()
      .filter((id) => id !== mutation.clientId)
      .map(at(['clientId'])),
  );
}

/** A batch of well-formed mutations (of every type) with one of them broken. */
export const hostileMutation: fc.Arbitrary<HostileBody> = fc
  .tuple(fc.nat({ max: 6 }), fc.constantFrom('create', 'set'), deepNesting)
  .chain(([index, op, deep]) => {
    const mutations = wellFormedMutations().map((mutation) => ({ ...mutation, op })) as Record<string, unknown>[];
    const target = mutations[index] ?? {};
    return breakMutation(target).map((broken) => {
      const batch = mutations.map((mutation) => (mutation === target ? broken : mutation));
      return refused(withRawJson(json({ ...validRequest(), mutations: [makeMutation(), ...batch] }), deep));
    });
  });

/** A valid request's JSON text (nested objects of every record type) for text-level damage. */
export function validRequestText(): string {
  return json({ ...validRequest(), mutations: [makeMutation(), ...wellFormedMutations()] });
}
