// Simulated devices of the sync benchmark's concurrency figure: each has its own clientId, HLC and
// pull cursor, its own student and case (from the casework generator), and syncs as the app does:
// one POST /api/sync carrying its pending mutations and its cursor, the reply moving the cursor on.
// Two populations sign them in (POPULATIONS): all as the demo school team, or each as its own mentor.
import { brotliDecompressSync, gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import { v7 as uuidv7 } from 'uuid';

const built = (path) => new URL(`../dist/${path}`, import.meta.url).href;
const { PROTOCOL_VERSION, SCHEMA_VERSION, MAX_PULL_LIMIT, MAX_MUTATIONS_PER_REQUEST } = await import(
  built('server/sync/protocol.js')
);

/** A device's hybrid logical clock, formatted as the app formats it (src/domain/hlc.ts). */
function clockFor(clientId) {
  const node = clientId.replace(/-/g, '').slice(-16);
  let millis = 0;
  let counter = 0;
  return () => {
    const now = Date.now();
    if (now > millis) [millis, counter] = [now, 0];
    else counter += 1;
    return `${new Date(millis).toISOString()}-${counter.toString(16).padStart(4, '0')}-${node}`;
  };
}

/**
 * One device per generated case: the case's student, the case itself, its first visit note as a
 * template and a plan action for it (the case's first, or a copy of another case's, of the same
 * school where there is one, as 0–3 are generated per case), which only the mentors' enrolment creates.
 */
export function makeDevices(records) {
  const devices = [];
  let current;
  for (const record of records) {
    if (record.entity === 'student') {
      const clientId = uuidv7();
      current = { clientId, hlc: clockFor(clientId), cursor: 0, student: record, case: undefined, visit: undefined };
      devices.push(current);
    } else if (record.entity === 'case' && current) current.case = record;
    else if (record.entity === 'homeVisit' && current && current.visit === undefined) current.visit = record;
    else if (record.entity === 'planAction' && current && current.action === undefined) current.action = record;
  }
  const ready = devices.filter((device) => device.case !== undefined && device.visit !== undefined);
  const withAction = ready.filter((device) => device.action !== undefined);
  for (const device of ready) {
    const sameSchool = withAction.find((other) => other.case.fields.schoolId === device.case.fields.schoolId);
    const template = device.action ?? (sameSchool ?? withAction[0])?.action;
    if (template === undefined) throw new Error(`no generated plan action to copy for case ${device.case.id}`);
    // Open, so a mentor may move its status between planned and in progress (no outcome, no end date).
    const fields = { ...template.fields, caseId: device.case.id, status: 'planned', outcome: null, completedAt: null };
    device.action = { id: device.action?.id ?? uuidv7(), fields };
  }
  return ready;
}

function mutation(device, entity, entityId, op, fields) {
  return {
    id: uuidv7(),
    clientId: device.clientId,
    hlc: device.hlc(),
    schema: SCHEMA_VERSION,
    entity,
    entityId,
    op,
    fields,
  };
}

/**
 * The caseload the devices work on, created up front by one office device (the school team) in full
 * batches (as an import would): every device's student and case, and with `planActions` a plan action
 * on each case, `MAX_MUTATIONS_PER_REQUEST` creates per request.
 */
export function enrolmentBatches(devices, { planActions = false } = {}) {
  const office = { clientId: uuidv7() };
  office.hlc = clockFor(office.clientId);
  const creates = devices.flatMap((device) => [
    mutation(office, 'student', device.student.id, 'create', device.student.fields),
    mutation(office, 'case', device.case.id, 'create', device.case.fields),
    ...(planActions ? [mutation(office, 'planAction', device.action.id, 'create', device.action.fields)] : []),
  ]);
  const batches = [];
  for (let i = 0; i < creates.length; i += MAX_MUTATIONS_PER_REQUEST) {
    batches.push(creates.slice(i, i + MAX_MUTATIONS_PER_REQUEST));
  }
  return { office: { ...office, cursor: 0 }, batches };
}

function newVisit(device) {
  const visit = { ...device.visit.fields, visitDate: new Date().toISOString().slice(0, 10), correctionOf: null };
  return mutation(device, 'homeVisit', uuidv7(), 'create', visit);
}

/**
 * A small day's work of the school team's device: a new home-visit note on its case (about 25 fields)
 * and a corrected guardian phone number (a `set` of one field), as a phone sends after a visit.
 */
export function dayMutations(device, round) {
  const phone = `+383 44 ${String(100 + (round % 900))} ${String(100 + Math.floor(Math.random() * 900))}`;
  return [newVisit(device), mutation(device, 'student', device.student.id, 'set', { guardianPhone: phone })];
}

/**
 * A mentor's day: the same visit note, and a `set` of one field a mentor may write — its case's plan
 * action moved between planned and in progress. A mentor may not edit a student (src/domain/accessScope.ts,
 * WRITES): the server refuses the school team's phone `set` from a mentor as `forbidden`.
 */
export function mentorDayMutations(device, round) {
  const status = round % 2 === 0 ? 'inProgress' : 'planned';
  return [newVisit(device), mutation(device, 'planAction', device.action.id, 'set', { status })];
}

/** Chromium's Accept-Encoding over plain HTTP (it offers brotli only over HTTPS). */
const ACCEPT_ENCODING = 'gzip, deflate';
/** The app gzips request bodies from this size on (src/sync/postSync.ts), where the server decodes them. */
const GZIP_REQUEST_FROM_BYTES = 1024;

function decode(buffer, coding) {
  if (coding === 'gzip') return gunzipSync(buffer);
  if (coding === 'br') return brotliDecompressSync(buffer);
  if (coding === 'deflate') return inflateSync(buffer);
  return buffer;
}

/**
 * Signs simulated devices in (each gets `cookie`), through the benchmark server's side route: the
 * demo school team's session, bound to the device's clientId, as a sign-in with the password makes it.
 */
export async function signInDevices(bareUrl, devices) {
  for (const device of devices) {
    const response = await fetch(`${bareUrl}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: device.clientId }),
    });
    if (!response.ok) throw new Error(`the benchmark's sign-in answered ${response.status}`);
    device.cookie = (await response.json()).cookie;
  }
}

/** Mentors signed in per request to the side route: one transaction makes this many accounts. */
const MENTORS_PER_REQUEST = 100;

/**
 * Signs simulated devices in as CSO mentors, each its own user with its own case assigned (through the
 * benchmark server's side route, which uses the server's account functions). After the enrolment, so
 * the cases exist; the server reads a user's scope on every sync request.
 */
export async function signInMentors(bareUrl, devices) {
  for (let start = 0; start < devices.length; start += MENTORS_PER_REQUEST) {
    const batch = devices.slice(start, start + MENTORS_PER_REQUEST);
    const response = await fetch(`${bareUrl}/mentor-sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ devices: batch.map((device) => ({ clientId: device.clientId, caseId: device.case.id })) }),
    });
    if (!response.ok) throw new Error(`the benchmark's mentor sign-in answered ${response.status}`);
    const { cookies } = await response.json();
    batch.forEach((device, n) => (device.cookie = cookies[n]));
  }
}

/**
 * Who the simulated devices are. `schoolTeam`, the worst case: every device signed in as the demo
 * school team, whose scope is every demo school, so each pulls every other device's writes (and the
 * server audits every case read). `mentors`, as deployed: each device a CSO mentor of its own with
 * the one case it works on assigned, so a pull carries only others' changes to that case.
 */
export const POPULATIONS = {
  schoolTeam: { name: 'schoolTeam', signIn: signInDevices, day: dayMutations, planActions: false },
  mentors: { name: 'mentors', signIn: signInMentors, day: mentorDayMutations, planActions: true },
};

/** A POST /api/sync as the app sends it, with the device's session: gzipped when large and the server takes it. */
export function syncRequest(body, gzipRequests, cookie) {
  const json = Buffer.from(JSON.stringify(body));
  const gzip = gzipRequests && json.length >= GZIP_REQUEST_FROM_BYTES;
  return {
    path: '/api/sync',
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-encoding': ACCEPT_ENCODING,
      cookie,
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    },
    body: gzip ? gzipSync(json) : json,
  };
}

/** Sends `request` on `pool` (an undici Pool); returns the status, the reply's text and its size on the wire. */
export async function send(pool, request) {
  const { statusCode, headers, body } = await pool.request(request);
  const wire = Buffer.from(await body.arrayBuffer());
  return { statusCode, wireBytes: wire.length, text: decode(wire, headers['content-encoding']).toString('utf8') };
}

/**
 * One round trip on `transport` ({pool, gzipRequests}): pushes `mutations`, pulls one page from the
 * device's cursor and moves it on. Returns the ms it took, the HTTP status (0: no answer in time),
 * the changes received, the reply's bytes on the wire and any mutation not applied.
 */
export async function syncOnce(transport, device, mutations) {
  const started = performance.now();
  const request = syncRequest(
    {
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
      clientId: device.clientId,
      cursor: device.cursor,
      limit: MAX_PULL_LIMIT,
      mutations,
    },
    transport.gzipRequests,
    device.cookie,
  );
  let answer;
  try {
    answer = await send(transport.pool, request);
  } catch (error) {
    // No answer within the pool's timeouts: a failed sync as a 5xx is (status 0), not the end of the run.
    if (!/^UND_ERR_\w*TIMEOUT$/.test(error?.code ?? '')) throw error;
    return { ms: performance.now() - started, status: 0, changes: 0, bytes: 0, refused: [] };
  }
  const { statusCode, wireBytes, text } = answer;
  const ms = performance.now() - started;
  // A 5xx is a figure too (the app retries it later with backoff); anything else is the benchmark's fault.
  if (statusCode >= 500) return { ms, status: statusCode, changes: 0, bytes: wireBytes, refused: [] };
  if (statusCode !== 200) throw new Error(`sync answered ${statusCode}: ${text.slice(0, 200)}`);
  const reply = JSON.parse(text);
  device.cursor = reply.nextCursor;
  const refused = reply.results.filter((result) => result.status !== 'applied');
  return { ms, status: statusCode, changes: reply.changes.length, bytes: wireBytes, refused };
}

/** An idle pull: nothing to push, the cursor already at the head; the reply carries no changes. */
export function idlePullRequest(device, head) {
  const body = {
    protocolVersion: PROTOCOL_VERSION,
    schemaVersion: SCHEMA_VERSION,
    clientId: device.clientId,
    cursor: head,
    mutations: [],
  };
  return syncRequest({ ...body, limit: MAX_PULL_LIMIT }, false, device.cookie);
}

/** Whether the server decodes gzipped request bodies (a build from before compressed sync answers 400). */
export async function acceptsGzipRequests(pool, device) {
  const body = { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, clientId: device.clientId };
  const { statusCode } = await send(pool, {
    path: '/api/sync',
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', cookie: device.cookie },
    body: gzipSync(JSON.stringify({ ...body, cursor: Number.MAX_SAFE_INTEGER, mutations: [] })),
  });
  return statusCode === 200;
}
