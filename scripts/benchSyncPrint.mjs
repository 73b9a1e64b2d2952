// Printing of the sync benchmark's figures (scripts/benchSync.mjs), in the style of bench.mjs: one line
// per figure with its goal, by how much a missed goal is missed, and the machine's load average.
import { loadavg } from 'node:os';
import { STEADY_WINDOW_MS } from './benchSyncLoad.mjs';

export const count = (value) => Math.round(value).toLocaleString('en');
export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const millis = (ms) => (Number.isFinite(ms) ? `${count(ms)} ms` : 'never (failed)');
const megabytes = (bytes) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} KB`);
export const load = () => `load ${loadavg()[0].toFixed(1)}`;

function verdict(valueMs, goalMs, unit) {
  const goal = unit === 's' ? `${goalMs / 1000} s` : `${goalMs} ms`;
  if (valueMs <= goalMs) return `(goal ≤ ${goal})`;
  const missedBy = unit === 's' ? seconds(valueMs - goalMs) : millis(valueMs - goalMs);
  const times = Number.isFinite(valueMs) ? `, ${(valueMs / goalMs).toFixed(1)}× the goal` : '';
  return `(goal ≤ ${goal} — MISSED by ${missedBy}${times})`;
}

/**
 * Cursor progress per second over the last `windowMs` of the samples, counted from the first sync
 * request at the earliest (loading the app is not pulling): the pace at the end, which only slows.
 */
function recentPace(samples, windowMs, firstSyncAtMs) {
  const last = samples.at(-1);
  if (last === undefined || firstSyncAtMs === null) return 0;
  const from = Math.max(last[0] - windowMs, firstSyncAtMs);
  const first = samples.findLast(([at]) => at <= from) ?? [firstSyncAtMs, 0];
  return last[0] > first[0] ? (last[1] - first[1]) / ((last[0] - first[0]) / 1000) : 0;
}

export function printSeed(seeded) {
  const { generated } = seeded;
  console.log(
    `  seeded ${count(generated.case)} cases: ${count(generated.student)} students, ${count(generated.homeVisit)} visit notes, ` +
      `${count(generated.planAction)} plan actions, ${count(generated.screening)} screenings, ${count(seeded.fieldRows)} field rows ` +
      `(change-log head ${count(seeded.head)}, demo data included) through writeWinningFields in ${seconds(seeded.writeMs)} ` +
      `(generating ${seconds(seeded.generateMs)}); ${load()}`,
  );
}

export function printPage(page) {
  console.log(
    `  one full pull page (${count(page.rows)} field rows) is ${megabytes(page.jsonBytes)} of JSON, ` +
      `${megabytes(page.gzipBytes)} gzipped (${(page.jsonBytes / page.gzipBytes).toFixed(1)}×)`,
  );
}

/** One first-sync run: done (with the device's counts checked against the seed) or the progress and a projection. */
export function printFirstSync(label, result, seeded, goalMs) {
  const { traffic, counts } = result;
  const wire =
    `${count(traffic.syncRequests)} round trips, ${megabytes(traffic.syncReceived)} received and ` +
    `${megabytes(traffic.syncSent)} sent by /api/sync (${megabytes(traffic.allReceived)} received in all)`;
  const split =
    `waiting for replies ${seconds(traffic.waitMs)}, ` +
    `the device's own work between them ${seconds(Math.max(0, (result.fromFirstSyncMs ?? 0) - traffic.waitMs))}`;
  if (result.done) {
    console.log(
      `${label}: ${seconds(result.fromStartMs)} from app start ${verdict(result.fromStartMs, goalMs, 's')}, ` +
        `${seconds(result.fromFirstSyncMs)} from the first sync request; ${wire}; ${split}; ${load()}`,
    );
  } else {
    const pace = recentPace(result.samples, 10_000, result.firstSyncAtMs);
    const rest = pace > 0 ? ((seeded.head - result.cursor) / pace) * 1000 : Infinity;
    const projected = result.fromStartMs + rest;
    console.log(
      `${label}: NOT DONE after ${seconds(result.fromStartMs)} — ${count(result.cursor)} of ${count(seeded.head)} ` +
        `change-log rows (${((100 * result.cursor) / seeded.head).toFixed(0)}%); at the pace of its last 10 s ` +
        `(${count(pace)} rows/s) the whole sync takes ≥ ${seconds(projected)} ${verdict(projected, goalMs, 's')}; ` +
        `${wire}; ${split}; ${load()}`,
    );
  }
  const expected = { cases: seeded.generated.case, homeVisits: seeded.generated.homeVisit };
  const names = { cases: 'cases', homeVisits: 'visit notes' };
  const held = Object.entries(expected).map(([store, total]) => {
    const got = counts[store]?.generated ?? 0;
    return `${count(got)} of ${count(total)} ${names[store]}${result.done && got !== total ? ' (WRONG)' : ''}`;
  });
  console.log(`  on the device ${result.done ? 'at the end' : 'so far'}: ${held.join(', ')} of the caseload`);
  if (result.done && Object.entries(expected).some(([store, total]) => counts[store]?.generated !== total)) {
    process.exitCode = 1;
  }
}

/** The browser's storage floor (scripts/benchSyncStorageFloor.mjs) beside the first sync it bounds. */
export function printStorageFloor({ records, meanBytes, pages, ms }) {
  console.log(
    `  IndexedDB alone in this Chromium: ${count(records)} rows of ${count(meanBytes)} B (the caseload's records) ` +
      `in ${count(pages)} transactions, nothing else: ${seconds(ms)}, the least any first sync keeping a row per ` +
      `record costs here; ${load()}`,
  );
}

/** The wire alone, for a link of `downKbit` and `rttMs`: the bytes at that rate plus one RTT per round trip. */
export function printWireFloor(profile, bytes, roundTrips) {
  const floorMs = ((bytes * 8) / (profile.downKbit * 1000)) * 1000 + roundTrips * profile.rttMs;
  console.log(
    `  the link alone: ${megabytes(bytes)} at ${profile.downKbit} kbit/s plus ${count(roundTrips)} round trips × ` +
      `${profile.rttMs} ms ≥ ${seconds(floorMs)}, before the device applies anything`,
  );
}

/** Who the devices of each population are, and what each sync pushes (POPULATIONS in benchSyncDevices.mjs). */
const POPULATION_WORDS = {
  schoolTeam: {
    who: (devices) => `${count(devices)} devices of one school team, each pulling everyone's writes (the worst case)`,
    pushed: 'a visit note and a phone number',
    pulled: "other devices' changes",
  },
  mentors: {
    who: (devices) => `${count(devices)} CSO mentors, each its own user on its own device with its one case`,
    pushed: "a visit note and its plan action's status",
    pulled: "others' changes to its case",
  },
};

export function printConcurrency(engine, note, r) {
  const words = POPULATION_WORDS[r.population];
  const who = words.who(r.devices);
  const failed =
    r.failed > 0 ? `; ${count(r.failed)} failed (a 5xx or no answer in 5 minutes; the device retries later)` : '';
  console.log(
    `${who}, syncing at once, ${engine}${note}: ${r.throughput.toFixed(0)} syncs/s ` +
      `(all done in ${seconds(r.elapsedMs)}); latency p50 ${millis(r.p50)}, p99 ${millis(r.p99)} ` +
      `${verdict(r.p99, 250, 'ms')}${failed}; one device alone: ${millis(r.aloneP50)}; ${load()}`,
  );
  console.log(
    `  each sync pushed ${words.pushed} (${r.gzipRequests ? 'gzipped' : 'plain'}) and pulled ` +
      `${r.changesPerSync.toFixed(0)} records of ${words.pulled} (${megabytes(r.wireBytesPerSync)} on the wire); ` +
      `${count(r.rowsWritten)} field rows written`,
  );
  const steady = r.steady;
  const steadyFailed = steady.failed > 0 ? `; ${count(steady.failed)} failed (a 5xx or no answer)` : '';
  console.log(
    `${who}, each syncing on its own timer, ${engine}: ${steady.rate.toFixed(0)} syncs/s ` +
      `arriving (every device once in ${seconds(STEADY_WINDOW_MS)}); latency p50 ${millis(steady.p50)}, ` +
      `p99 ${millis(steady.p99)} ${verdict(steady.p99, 250, 'ms')}${steadyFailed}; ${load()}`,
  );
  if (r.idleRps === undefined) return;
  console.log(
    `idle pull, ${engine}, as ${r.population === 'mentors' ? 'a mentor' : 'the school team'} (no mutations, ` +
      `cursor at the head): ${count(r.idleRps)} requests/s = ` +
      `${(r.idleRps / r.bareRps).toFixed(2)}× a bare Fastify route in the same run (${count(r.bareRps)} requests/s), ` +
      `32 keep-alive connections; ${load()}`,
  );
}
