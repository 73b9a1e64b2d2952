import type { Table } from 'dexie';
import { version as APP_VERSION } from '../../package.json';
import { localIsoDate } from '../domain/dueDates.ts';
import type { HlcState } from '../domain/hlc.ts';
import { MAX_CLOCK_AHEAD_MS, type Mutation, type MutationEntity } from '../sync/protocol.ts';
import { localTables } from './localTables.ts';
import { restampForResend, restampTables } from './outboxRestamp.ts';
import { correctedNow, META_KEYS } from './syncMeta.ts';
import type { OutboxRow, UraDatabase } from './UraDatabase.ts';

/** One outbox row as the outbox screen shows it: what, about whom, when, and what can be done. */
export interface OutboxItem {
  seq: number;
  entity: MutationEntity;
  op: 'create' | 'set';
  createdAt: number;
  attempts: number;
  /** The server's code for a refused change (`unknown` when it gave none); absent while pending. */
  rejectionCode?: string;
  /** "Arta Gashi", when the phone holds the student the record is about. Never put it in a URL. */
  studentName?: string;
  /** Sending it again can change the server's answer (see retryHelps). */
  canRetry: boolean;
}

export type OutboxView = Record<'pending' | 'rejected', OutboxItem[]>;

type RecordRow = Record<string, unknown> & { hlcs?: Record<string, string> };

function tableOf(db: UraDatabase, entity: MutationEntity): Table<RecordRow, string> {
  return localTables(db)[entity].table as unknown as Table<RecordRow, string>;
}

/**
 * Whether sending a refused change again can change the server's answer. The
 * server remembers each mutation id with its verdict, so a retry is always a
 * new mutation (new id, new HLC; see retryRejected).
 * - `clock_ahead`: its HLC was over an hour ahead of the server. Once the
 *   phone's clock agrees with the server's, a new stamp is accepted — not before.
 *   (A sync re-queues these by itself now; rows an older version kept refused remain.)
 * - `invalid_fields`, `already_exists`, `append_only`: about the change itself;
 *   the same fields get the same answer. Export, then discard.
 * - `not_found`: a `set` of a record the server lacks. Permanent on its own; it
 *   goes along when that record's own refused `create` is retried.
 * - A code this version does not know: not retried.
 */
export function retryHelps(code: string | undefined, clockIsRight: boolean): boolean {
  return code === 'clock_ahead' && clockIsRight;
}

/** The next HLC this phone would stamp is within the server's hour, so the server will take it. */
async function clockIsRight(db: UraDatabase): Promise<boolean> {
  const state = (await db.meta.get(META_KEYS.hlc))?.value as HlcState | undefined;
  return (state?.millis ?? 0) <= (await correctedNow(db)) + MAX_CLOCK_AHEAD_MS;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** Finds the student a change is about (its own id, its studentId, or its case's), with reads shared across rows. */
function studentNameFinder(db: UraDatabase): (mutation: Mutation) => Promise<string | undefined> {
  const reads = new Map<string, Promise<RecordRow | undefined>>();
  const read = (entity: MutationEntity, id: string) => {
    const key = `${entity}:${id}`;
    let found = reads.get(key);
    if (!found) reads.set(key, (found = tableOf(db, entity).get(id)));
    return found;
  };
  return async (mutation) => {
    const fields = mutation.fields as Record<string, unknown>;
    const own = await read(mutation.entity, mutation.entityId);
    const field = (name: string) => text(own?.[name]) ?? text(fields[name]);
    const caseId = field('caseId');
    const studentId =
      mutation.entity === 'student'
        ? mutation.entityId
        : (field('studentId') ?? (caseId ? text((await read('case', caseId))?.studentId) : undefined));
    if (studentId === undefined) return undefined;
    const student = (await read('student', studentId)) ?? (mutation.entity === 'student' ? fields : undefined);
    const name = [text(student?.givenName), text(student?.familyName)].filter(Boolean).join(' ');
    return name === '' ? undefined : name;
  };
}

/** Every change waiting to sync and every refused one, oldest first, ready to be put into words. */
export async function loadOutboxView(db: UraDatabase): Promise<OutboxView> {
  const rows = await db.outbox.orderBy('seq').toArray();
  const clockRight = await clockIsRight(db);
  const nameOf = studentNameFinder(db);
  const items = await Promise.all(
    rows.map(async (row): Promise<OutboxItem> => {
      const studentName = await nameOf(row.mutation);
      return {
        seq: row.seq ?? 0,
        entity: row.mutation.entity,
        op: row.mutation.op,
        createdAt: row.createdAt,
        attempts: row.attempts,
        ...(row.state === 'rejected' ? { rejectionCode: row.rejectionCode ?? 'unknown' } : {}),
        ...(studentName === undefined ? {} : { studentName }),
        canRetry: row.state === 'rejected' && retryHelps(row.rejectionCode, clockRight),
      };
    }),
  );
  return {
    pending: items.filter((item) => item.rejectionCode === undefined),
    rejected: items.filter((item) => item.rejectionCode !== undefined),
  };
}

async function rejectedRows(db: UraDatabase, seqs: readonly number[]): Promise<OutboxRow[]> {
  const rows = await db.outbox.bulkGet([...seqs]);
  return rows.filter((row): row is OutboxRow => row?.state === 'rejected').sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

/**
 * Puts refused changes back in the queue where that can help (retryHelps),
 * with the `not_found` sets of any record whose `create` is retried. Returns
 * how many were retried; rows where retrying cannot help are left as they are.
 */
export async function retryRejected(db: UraDatabase, seqs: readonly number[]): Promise<number> {
  return db.transaction('rw', restampTables(db), async () => {
    if (!(await clockIsRight(db))) return 0;
    const chosen = (await rejectedRows(db, seqs)).filter((row) => retryHelps(row.rejectionCode, true));
    const created = new Set(chosen.filter((row) => row.mutation.op === 'create').map((row) => row.mutation.entityId));
    const followers = (await db.outbox.where('state').equals('rejected').toArray()).filter(
      (row) => row.rejectionCode === 'not_found' && created.has(row.mutation.entityId),
    );
    const rows = [...chosen, ...followers].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    await restampForResend(
      db,
      rows.flatMap((row) => (row.seq === undefined ? [] : [row.seq])),
    );
    return rows.length;
  });
}

/** Deletes refused changes (never pending ones) in one transaction. Returns how many went. */
export async function discardRejected(db: UraDatabase, seqs: readonly number[]): Promise<number> {
  return db.transaction('rw', db.outbox, async () => {
    const doomed = (await rejectedRows(db, seqs)).flatMap((row) => (row.seq === undefined ? [] : [row.seq]));
    await db.outbox.bulkDelete(doomed);
    return doomed.length;
  });
}

/**
 * The refused changes as a JSON file the user can keep (and re-enter from)
 * before discarding them: the app version, the export time, and each mutation
 * with the server's code.
 */
export async function exportRejected(db: UraDatabase, seqs: readonly number[], now = new Date()) {
  const rows = await rejectedRows(db, seqs);
  const changes = rows.map((row) => ({
    rejectionCode: row.rejectionCode ?? 'unknown',
    savedAt: new Date(row.createdAt).toISOString(),
    attempts: row.attempts,
    mutation: row.mutation,
  }));
  const document = { format: 'ura-rejected-changes', appVersion: APP_VERSION, exportedAt: now.toISOString(), changes };
  return {
    fileName: `ura-rejected-${localIsoDate(now)}.json`,
    text: JSON.stringify(document, null, 2),
    count: rows.length,
  };
}
