import { z } from 'zod';
import { isEnvelope, openText } from '../domain/unsentEnvelope.ts';
import { SCHEMA_VERSION } from '../sync/protocol.ts';
import { mutationSchema } from '../sync/protocolSchemas.ts';
import { queueImportedChanges, type ImportedChange, type QueueOutcome } from './importQueue.ts';
import { UNSENT_CHANGES_FORMAT } from './unsentExport.ts';
import type { UraDatabase } from './UraDatabase.ts';

/**
 * Why a file brought nothing back (nothing on the phone changed):
 * `notAFile`: not a file of Ura's changes; `needsPassphrase`: a locked file and no passphrase;
 * `cannotDecrypt`: the wrong passphrase, or a file changed since it was made;
 * `newerVersion`: made by a later version of Ura (update first);
 * `invalidChanges`: a change in it breaks the rules the server checks (the file was damaged or edited).
 */
export type ImportFailure = 'notAFile' | 'needsPassphrase' | 'cannotDecrypt' | 'newerVersion' | 'invalidChanges';
export type ImportOutcome = ({ ok: true } & QueueOutcome) | { ok: false; reason: ImportFailure };

/** Refused changes exported one by one from the outbox screen: the same entries, without a state. */
const REJECTED_CHANGES_FORMAT = 'ura-rejected-changes';

const documentSchema = z.object({
  format: z.enum([UNSENT_CHANGES_FORMAT, REJECTED_CHANGES_FORMAT]),
  changes: z.array(
    z.object({
      state: z.enum(['pending', 'rejected']).optional(),
      rejectionCode: z.string().max(64).optional(),
      mutation: z.unknown(),
    }),
  ),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The changes of a plain document, each checked with the protocol's own schema; all or nothing. */
function changesOf(parsed: unknown): ImportedChange[] | ImportFailure {
  const document = documentSchema.safeParse(parsed);
  if (!document.success) {
    const format = (parsed as { format?: unknown } | undefined)?.format;
    return format === UNSENT_CHANGES_FORMAT || format === REJECTED_CHANGES_FORMAT ? 'invalidChanges' : 'notAFile';
  }
  const changes: ImportedChange[] = [];
  for (const entry of document.data.changes) {
    const mutation = mutationSchema.safeParse(entry.mutation);
    if (!mutation.success) return 'invalidChanges';
    // Fields of a record type this version does not know yet would be sent under the wrong shape.
    if (mutation.data.schema > SCHEMA_VERSION) return 'newerVersion';
    const state = entry.state ?? (document.data.format === REJECTED_CHANGES_FORMAT ? 'rejected' : 'pending');
    changes.push({
      mutation: mutation.data,
      state,
      ...(state === 'rejected' ? { rejectionCode: entry.rejectionCode ?? 'unknown' } : {}),
    });
  }
  return changes;
}

/**
 * Brings changes back from a file (docs/storage-defence.md): a locked file
 * (exportUnsentLocked) opened with its passphrase, or an unlocked one an
 * older version saved. Every change must pass the protocol's schemas before
 * any is queued; then all are queued as this phone's own in one transaction
 * (queueImportedChanges). A wrong passphrase or a bad file changes nothing.
 */
export async function importUnsentFile(db: UraDatabase, fileText: string, passphrase: string): Promise<ImportOutcome> {
  let parsed = parseJson(fileText);
  if (parsed === undefined) return { ok: false, reason: 'notAFile' };
  if (isEnvelope(parsed)) {
    if (passphrase === '') return { ok: false, reason: 'needsPassphrase' };
    const opened = await openText(fileText, passphrase);
    if (!opened.ok) return { ok: false, reason: opened.reason === 'notAnEnvelope' ? 'notAFile' : opened.reason };
    parsed = parseJson(opened.text);
  }
  const changes = changesOf(parsed);
  if (typeof changes === 'string') return { ok: false, reason: changes };
  return { ok: true, ...(await queueImportedChanges(db, changes)) };
}
