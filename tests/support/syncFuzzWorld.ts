/**
 * A server holding one record of every client-writable child-data type, and
 * mutations that are well formed but can never apply to it, each with the
 * rejection code the protocol gives it (docs/sync.md: "A bad mutation never
 * blocks the queue"). The Municipal Action Plan's types are left out: the
 * world's school team account may not write them (tests/integration/server/
 * mapSyncRules.test.ts covers their rejections).
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { formatHlc } from '../../src/domain/hlc.ts';
import {
  CLIENT_WRITABLE_ENTITIES as ALL_CLIENT_WRITABLE_ENTITIES,
  MAP_ENTITIES,
  MAX_CLOCK_AHEAD_MS,
  SCHEMA_VERSION,
  type ClientWritableEntity as AnyClientWritableEntity,
  type MapEntity,
  type Mutation,
  type RejectionCode,
} from '../../src/sync/protocol.ts';
import {
  makeCaseEvent,
  makeCaseRecord,
  makePlanAction,
  makeReferral,
  makeScreening,
  makeVisit,
  newId,
  wireFields,
} from './caseworkFixtures.ts';
import {
  makeHlc,
  makeStudentFields,
  makeSyncRequest,
  sync,
  TEST_CLIENT_ID,
  TEST_NOW,
  TEST_SCHOOL_ID,
} from './serverFixtures.ts';

type ClientWritableEntity = Exclude<AnyClientWritableEntity, MapEntity>;
const CLIENT_WRITABLE_ENTITIES = ALL_CLIENT_WRITABLE_ENTITIES.filter(
  (entity): entity is ClientWritableEntity => !(MAP_ENTITIES as readonly string[]).includes(entity),
);
const MUTABLE = ['student', 'case', 'planAction', 'referral'] as const;
const APPEND_ONLY = ['caseEvent', 'screening', 'homeVisit'] as const;
/** Fields naming another record, as docs/sync.md lists them. */
const REFERENCES: Record<ClientWritableEntity, readonly string[]> = {
  student: ['schoolId'],
  case: ['studentId', 'schoolId'],
  caseEvent: ['caseId'],
  screening: ['studentId'],
  homeVisit: ['caseId', 'correctionOf'],
  planAction: ['caseId'],
  referral: ['caseId'],
};
const NODE = 'fedcba9876543210';
const LAST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export interface SeededWorld {
  /** The id of an existing record of each type. */
  ids: Record<ClientWritableEntity, string>;
  /** Whole valid fields of a record of each type, naming only records that exist. */
  fields: Record<ClientWritableEntity, Record<string, unknown>>;
  /** The cursor after the seed. */
  cursor: number;
}

export async function seedWorld(app: FastifyInstance): Promise<SeededWorld> {
  const studentId = newId();
  const caseRecord = makeCaseRecord(studentId, TEST_SCHOOL_ID);
  const records: Record<ClientWritableEntity, { id: string }> = {
    student: { id: studentId, ...makeStudentFields() },
    case: caseRecord,
    caseEvent: { id: newId(), ...makeCaseEvent(caseRecord.id) },
    screening: makeScreening(studentId),
    homeVisit: makeVisit(caseRecord.id),
    planAction: makePlanAction(caseRecord.id),
    referral: makeReferral(caseRecord.id),
  };
  const mutations = CLIENT_WRITABLE_ENTITIES.map((entity, counter): Mutation => ({
    id: newId(),
    clientId: TEST_CLIENT_ID,
    hlc: makeHlc(0, counter, NODE),
    schema: SCHEMA_VERSION,
    entity,
    entityId: records[entity].id,
    op: 'create',
    fields: wireFields(records[entity]) as Mutation['fields'],
  }));
  const reply = await sync(app, makeSyncRequest({ mutations }));
  if (!reply.results.every((result) => result.status === 'applied')) throw new Error('the seed was not applied');
  const ids = Object.fromEntries(CLIENT_WRITABLE_ENTITIES.map((entity) => [entity, records[entity].id]));
  const fields = Object.fromEntries(CLIENT_WRITABLE_ENTITIES.map((entity) => [entity, wireFields(records[entity])]));
  return { ids, fields, cursor: reply.nextCursor } as SeededWorld;
}

export interface DoomedMutation {
  mutation: Mutation;
  code: RejectionCode;
}

/** Up to exactly an hour ahead of the server clock (the limit is "more than an hour"). */
const acceptableHlc = fc
  .oneof(fc.integer({ min: -2_000_000_000, max: MAX_CLOCK_AHEAD_MS }), fc.constant(MAX_CLOCK_AHEAD_MS))
  .map((offset) => makeHlc(offset, 0, NODE));

const futureHlc = fc
  .oneof(
    fc.integer({ min: 1, max: 10_000_000 }).map((extra) => TEST_NOW + MAX_CLOCK_AHEAD_MS + extra),
    fc.date({ min: new Date(TEST_NOW + MAX_CLOCK_AHEAD_MS + 1), max: new Date(LAST_INSTANT), noInvalidDate: true }),
  )
  .map((instant) => formatHlc({ millis: Number(instant), counter: 0, node: NODE }));

function subsetOf(fields: Record<string, unknown>, maxLength?: number): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(fields);
  return fc
    .subarray(keys, maxLength === undefined ? {} : { maxLength })
    .map((chosen) => Object.fromEntries(chosen.map((key) => [key, fields[key]])));
}

/** A well-formed mutation the seeded world must reject, with the code it must be rejected with. */
export function doomedMutation(world: SeededWorld): fc.Arbitrary<DoomedMutation> {
  const doomed = (
    code: RejectionCode,
    entity: ClientWritableEntity,
    op: 'create' | 'set',
    entityId: string,
    fields: Record<string, unknown>,
    hlc: fc.Arbitrary<string> = acceptableHlc,
  ): fc.Arbitrary<DoomedMutation> =>
    fc.record({ id: fc.uuid(), hlc }).map(({ id, hlc: stamp }) => ({
      code,
      mutation: { id, clientId: TEST_CLIENT_ID, hlc: stamp, schema: SCHEMA_VERSION, entity, entityId, op, fields },
    }));
  const any = fc.constantFrom(...CLIENT_WRITABLE_ENTITIES);
  const withFresh = <T>(arbitrary: fc.Arbitrary<T>) => fc.tuple(arbitrary, fc.uuid());
  return fc.oneof(
    // A far-future clock is refused first, even for an edit that would otherwise apply.
    withFresh(any).chain(([entity, fresh]) =>
      fc.oneof(
        doomed('clock_ahead', entity, 'create', fresh, world.fields[entity], futureHlc),
        subsetOf(world.fields[entity]).chain((fields) =>
          doomed('clock_ahead', entity, 'set', world.ids[entity], fields, futureHlc),
        ),
      ),
    ),
    withFresh(fc.constantFrom(...MUTABLE)).chain(([entity, fresh]) =>
      subsetOf(world.fields[entity]).chain((fields) => doomed('not_found', entity, 'set', fresh, fields)),
    ),
    any.chain((entity) => doomed('already_exists', entity, 'create', world.ids[entity], world.fields[entity])),
    withFresh(fc.constantFrom(...APPEND_ONLY)).chain(([entity, fresh]) =>
      fc
        .tuple(subsetOf(world.fields[entity]), fc.constantFrom(fresh, world.ids[entity]))
        .chain(([fields, id]) => doomed('append_only', entity, 'set', id, fields)),
    ),
    withFresh(any).chain(([entity, fresh]) =>
      subsetOf(world.fields[entity], Object.keys(world.fields[entity]).length - 1).chain((fields) =>
        doomed('invalid_fields', entity, 'create', fresh, fields),
      ),
    ),
    // A reference to a record the server does not hold, in a create or in an edit.
    fc
      .tuple(any, fc.uuid(), fc.uuid())
      .chain(([entity, fresh, nowhere]) =>
        fc
          .constantFrom(...REFERENCES[entity])
          .chain((reference) =>
            doomed('invalid_fields', entity, 'create', fresh, { ...world.fields[entity], [reference]: nowhere }),
          ),
      ),
    fc
      .tuple(fc.constantFrom(...MUTABLE), fc.uuid())
      .chain(([entity, nowhere]) =>
        fc
          .tuple(subsetOf(world.fields[entity]), fc.constantFrom(...REFERENCES[entity]))
          .chain(([fields, reference]) =>
            doomed('invalid_fields', entity, 'set', world.ids[entity], { ...fields, [reference]: nowhere }),
          ),
      ),
  );
}
