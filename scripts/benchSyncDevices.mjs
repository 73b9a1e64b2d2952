// Simulated devices of the sync benchmark's concurrency figure: each has its own clientId, HLC and
// pull cursor, its own student and case (from the casework generator), and syncs as the app does:
// one POST /api/sync carrying its pending mutations and its cursor, the reply moving the cursor on.
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

/** One device per generated case: the case's student, the case itself and its first visit note as a template. */
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
  }
  return devices.filter((device) => device.case !== undefined && device.visit !== undefined);
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
 * The caseload the devices work on, created up front by one office device in full batches (as an
 * import would): every device's student and case, `MAX_MUTATIONS_PER_REQUEST` creates per request.
 */
export function enrolmentBatches(devices) {
  const office = { clientId: uuidv7() };
  office.hlc = clockFor(office.clientId);
  const creates = devices.flatMap((device) => [
    mutation(office, 'student', device.student.id, 'create', device.student.fields),
    mutation(office, 'case', device.case.id, 'create', device.case.fields),
  ]);
  const batches = [];
  for (let i = 0; i < creates.length; i += MAX_MUTATIONS_PER_REQUEST) {
    batches.push(creates.slice(i, i + MAX_MUTATIONS_PER_REQUEST));
  }
  return { office: { ...office, cursor: 0 }, batches };
}

/**
 * A small day's work: a new home-visit note on its case (about 25 fields) and a corrected guardian
 * phone number (a `set` of one field), as a mentor's phone sends after a visit.
 */
export function dayMutations(device, round) {
  const visit = { ...device.visit.fields, visitDate: new Date().toISOString().slice(0, 10), correctionOf: null };
  const phone = `+383 44 ${String(100 + (round % 900))} ${String(100 + Math.floor(Math.random() * 900))}`;
  return [
    mutation(device, 'homeVisit', uuidv7(), 'create', visit),
    mutation(device, 'student', device.student.id, 'set', { guardianPhone: phone }),
  ];
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
 * device's cursor and moves it on. Returns the ms it took, the HTTP status, the changes received,
 * the reply's bytes on the wire and any mutation not applied.
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
  const { statusCode, wireBytes, text } = await send(transport.pool, request);
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
