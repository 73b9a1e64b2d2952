/**
 * Same-field clashes (docs/sync.md, "Conflicts"). A `set` carries, per field,
 * the HLC the device held when the user changed it (`base`). A stored stamp
 * newer than that, written by another device with another value, means two
 * people changed the field without seeing each other's change. Last-writer-wins
 * still decides the value; the clash is recorded as a `conflict` record, synced
 * to every device like any record, so nothing is dropped silently.
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { FieldConflict } from '../../domain/fieldConflict.ts';
import { CLASHING_ENTITIES, type ClashingEntity, type Mutation } from '../../sync/protocol.ts';
import type { DatabaseSchema } from '../database/databaseSchema.ts';
import { writeWinningFields, type StoredField, type StoredFields } from './fieldStore.ts';

interface ClashSide {
  valueJson: string;
  hlc: string;
  clientId: string | null;
}

export interface FieldClash {
  field: string;
  kept: ClashSide;
  lost: ClashSide;
}

function isClashing(entity: Mutation['entity']): entity is ClashingEntity {
  return (CLASHING_ENTITIES as readonly string[]).includes(entity);
}

/** The clashes a `set` makes with what the server holds, judged before it is written. */
export function findClashes(mutation: Mutation, stored: StoredFields): FieldClash[] {
  if (mutation.op !== 'set' || mutation.base === undefined || !isClashing(mutation.entity)) return [];
  const base: Readonly<Record<string, string | null | undefined>> = mutation.base;
  const clashes: FieldClash[] = [];
  for (const [field, value] of Object.entries(mutation.fields)) {
    const seen = base[field];
    const current = stored.get(field);
    if (value === undefined || seen === undefined || current === undefined) continue;
    if (!clashesWith(current, seen, mutation.clientId, JSON.stringify(value))) continue;
    const incoming: ClashSide = { valueJson: JSON.stringify(value), hlc: mutation.hlc, clientId: mutation.clientId };
    const held: ClashSide = { valueJson: current.valueJson, hlc: current.hlc, clientId: current.clientId };
    clashes.push(
      mutation.hlc > current.hlc ? { field, kept: incoming, lost: held } : { field, kept: held, lost: incoming },
    );
  }
  return clashes;
}

/**
 * A clash needs all three: the stored value is newer than what the device saw
 * (an older stored stamp is the device's own unsent or refused write), another
 * device wrote it (rewriting your own value is no clash), and the values differ.
 */
function clashesWith(current: StoredField, seen: string | null, clientId: string, valueJson: string): boolean {
  return current.hlc > (seen ?? '') && current.clientId !== clientId && current.valueJson !== valueJson;
}

/**
 * Stores each clash as a new `conflict` record, written by the server (so every
 * device pulls it, the sender included) and stamped with the kept write's HLC:
 * a device that pulled it stamps its choice later, so the choice wins.
 */
export async function recordClashes(
  trx: Kysely<DatabaseSchema>,
  mutation: Mutation,
  clashes: readonly FieldClash[],
): Promise<void> {
  if (!isClashing(mutation.entity)) return;
  for (const clash of clashes) {
    const record: Omit<FieldConflict, 'id'> = {
      recordEntity: mutation.entity,
      recordId: mutation.entityId,
      field: clash.field,
      keptValue: JSON.parse(clash.kept.valueJson) as unknown,
      keptHlc: clash.kept.hlc,
      keptBy: clash.kept.clientId,
      lostValue: JSON.parse(clash.lost.valueJson) as unknown,
      lostHlc: clash.lost.hlc,
      lostBy: clash.lost.clientId,
      choice: null,
      resolvedBy: null,
    };
    const write = { entity: 'conflict', entityId: uuidv7(), fields: record, hlc: clash.kept.hlc } as const;
    await writeWinningFields(trx, { ...write, mutationId: mutation.id, clientId: null }, new Map());
  }
}
