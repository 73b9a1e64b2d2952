/**
 * The load of the crash proof: several devices, each pushing its own batches of
 * valid mutations (students at demo schools, their cases, visit notes, later
 * edits) over real HTTP, one batch after another, until the server dies.
 */
import { randomUUID } from 'node:crypto';
import { formatHlc, nodeIdFrom } from '../../src/domain/hlc.ts';
import { DEMO_PASSWORD } from '../../src/server/seed/demoAccounts.ts';
import { DEMO_SCHOOL_IDS } from '../../src/server/seed/demoPlaces.ts';
import {
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  type ClientWritableEntity,
  type Mutation,
  type SyncResponse,
} from '../../src/sync/protocol.ts';
import { platformFetch, postSync, type FetchLike } from '../../src/sync/postSync.ts';
import { makeCaseRecord, makeVisit, wireFields } from './caseworkFixtures.ts';
import { makeStudentFields } from './serverFixtures.ts';

export interface CrashClient {
  clientId: string;
  /** In the order the device sends them; a batch names only records of its own or earlier batches. */
  batches: Mutation[][];
}

/** A small seeded generator (mulberry32), so every run builds the same batches. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCHOOLS = Object.values(DEMO_SCHOOL_IDS);

type MakeMutation = (entity: ClientWritableEntity, entityId: string, op: Mutation['op'], fields: object) => Mutation;

/** A student registered at a demo school, a case flagged for them, an edit of the student; a first visit if asked. */
function registration(mutation: MakeMutation, schoolId: string, label: string, withVisit: boolean): Mutation[] {
  const studentId = randomUUID();
  const student = makeStudentFields({ schoolId, givenName: `Ana ${label}`, grade: 3 });
  const record = makeCaseRecord(studentId, schoolId);
  const visit = makeVisit(record.id);
  return [
    mutation('student', studentId, 'create', student),
    mutation('case', record.id, 'create', wireFields(record)),
    ...(withVisit ? [mutation('homeVisit', visit.id, 'create', wireFields(visit))] : []),
    mutation('student', studentId, 'set', { grade: 4, guardianPhone: `+383 44 ${label.replace('.', '')}0 000` }),
  ];
}

/** `clients` devices with `batches` batches each; HLCs rise per device from `startMillis`, a minute in the past. */
export function makeCrashClients(random: () => number, clients: number, batches: number): CrashClient[] {
  const startMillis = Date.now() - 60_000;
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
  return Array.from({ length: clients }, () => {
    const clientId = randomUUID();
    const node = nodeIdFrom(clientId);
    let tick = 0;
    const mutation: MakeMutation = (entity, entityId, op, fields) => {
      tick += 1;
      const hlc = formatHlc({ millis: startMillis + tick, counter: 0, node });
      return { id: randomUUID(), clientId, hlc, schema: SCHEMA_VERSION, entity, entityId, op, fields };
    };
    const students: string[] = [];
    const result: Mutation[][] = [];
    for (let b = 0; b < batches; b += 1) {
      const batch: Mutation[] = [];
      // An edit of a student pushed in an earlier batch: it applies only if that batch did.
      const earlier = pick(students);
      if (earlier !== undefined) batch.push(mutation('student', earlier, 'set', { className: `${b}/2` }));
      const groups = 2 + Math.floor(random() * 2);
      for (let g = 0; g < groups; g += 1) {
        const schoolId = pick(SCHOOLS) ?? DEMO_SCHOOL_IDS.ferizajAhmetHoxha;
        // One visit note per batch: notes are the largest records, and the load must stay quick on PostgreSQL.
        const made = registration(mutation, schoolId, `${b}.${g}`, g === 0);
        batch.push(...made);
        students.push(made[0]?.entityId ?? '');
      }
      result.push(batch);
    }
    return { clientId, batches: result };
  });
}

/** Each device's session cookie: signed in once, kept across server restarts (sessions live in the database). */
const sessionCookies = new Map<string, Promise<string>>();

/** Signs the device in as the demo school team (every demo school), over HTTP as the app does. */
async function signInDevice(url: string, clientId: string): Promise<string> {
  const response = await platformFetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'team', password: DEMO_PASSWORD, clientId }),
  });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('ura_session='));
  if (response.status !== 200 || cookie === undefined) throw new Error(`sign-in answered ${response.status}`);
  return cookie.split(';')[0] ?? '';
}

function sessionCookieOf(url: string, clientId: string): Promise<string> {
  const cookie = sessionCookies.get(clientId) ?? signInDevice(url, clientId);
  sessionCookies.set(clientId, cookie);
  // A sign-in the kill cut off is tried again with the device's next batch, as the app would.
  cookie.catch(() => {
    if (sessionCookies.get(clientId) === cookie) sessionCookies.delete(clientId);
  });
  return cookie;
}

/** One push (and a pull page after `cursor`) as the app sends it. Throws unless the server answers 200. */
export async function pushBatch(
  url: string,
  clientId: string,
  mutations: Mutation[],
  cursor = 0,
): Promise<SyncResponse> {
  const cookie = await sessionCookieOf(url, clientId);
  // The platform's fetch sends no cookie by itself outside a browser.
  const withSession: FetchLike = (target, init) =>
    platformFetch(target, { ...init, headers: { ...(init.headers as Record<string, string>), cookie } });
  // The app's own transport, gzipped as a phone sends it; throws on anything but 200.
  return postSync(
    withSession,
    url,
    {
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
      clientId,
      cursor,
      mutations,
    },
    { compressRequest: true },
  );
}

export interface LoadOutcome {
  /** Every mutation id the server answered, with its answer. */
  answers: Map<string, string>;
  /** Batches sent and never answered because the server died (a reply may have been lost after a commit). */
  inFlightAtKill: number;
  /** Anything other than "applied" to a fresh mutation, or an error status: none are expected. */
  surprises: string[];
}

export interface KillMoment {
  /** The kill comes this many replies into the load… */
  killAfterReplies: number;
  /** …and this many milliseconds later, so it may fall inside a batch's transaction rather than between two. */
  killDelayMs: number;
}

/**
 * Every device pushes its batches in order, one at a time, all devices at once.
 * At the kill moment `kill` runs while the other devices' batches are on the
 * wire; a device whose request fails stops, as the app would.
 */
export async function runLoadUntilKilled(
  url: string,
  clients: readonly CrashClient[],
  { killAfterReplies, killDelayMs }: KillMoment,
  kill: () => Promise<void>,
): Promise<LoadOutcome> {
  const outcome: LoadOutcome = { answers: new Map(), inFlightAtKill: 0, surprises: [] };
  let replies = 0;
  let inFlight = 0;
  let killing: Promise<void> | undefined;
  await Promise.all(
    clients.map(async (client) => {
      let cursor = 0;
      for (const batch of client.batches) {
        let reply: SyncResponse;
        inFlight += 1;
        try {
          reply = await pushBatch(url, client.clientId, batch, cursor);
        } catch (error) {
          if (killing === undefined) outcome.surprises.push(`a push failed before the kill: ${String(error)}`);
          return;
        } finally {
          inFlight -= 1;
        }
        cursor = reply.nextCursor;
        for (const result of reply.results) {
          outcome.answers.set(result.id, result.status);
          if (result.status !== 'applied') outcome.surprises.push(`${result.id} answered ${result.status}`);
        }
        replies += 1;
        if (replies === killAfterReplies) {
          killing = new Promise((resolve) => setTimeout(resolve, killDelayMs)).then(() => {
            outcome.inFlightAtKill = inFlight;
            return kill();
          });
        }
      }
    }),
  );
  if (killing === undefined) throw new Error(`the load ended after ${replies} replies, before the kill`);
  await killing;
  return outcome;
}
