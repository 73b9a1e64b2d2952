import type { Generated } from 'kysely';
import type { Entity, MutationStatus, RejectionCode } from '../../sync/protocol.ts';

/** One row per mutation id ever received: makes a re-sent push answer `duplicate`. */
export interface AppliedMutationTable {
  id: string;
  client_id: string;
  entity: string;
  entity_id: string;
  status: Exclude<MutationStatus, 'duplicate'>;
  code: RejectionCode | null;
  /** Server time in epoch milliseconds, kept for audit (the client's HLC may be wrong). */
  received_at: number;
}

/** The current value of every field, with the HLC that wrote it (per-field last-writer-wins). */
export interface EntityFieldTable {
  entity: Entity;
  entity_id: string;
  field: string;
  value_json: string;
  hlc: string;
  /** The device that wrote the current value; null for the server's own writes. */
  client_id: string | null;
}

/** Every accepted field write, in commit order: `seq` is the pull cursor. */
export interface ChangeLogTable {
  seq: Generated<number>;
  entity: Entity;
  entity_id: string;
  field: string;
  value_json: string;
  hlc: string;
  /** Null for writes the server made itself (the demo seed). */
  mutation_id: string | null;
  /** The device that made the change; null for the server's own writes. */
  client_id: string | null;
}

export interface DatabaseSchema {
  applied_mutation: AppliedMutationTable;
  entity_field: EntityFieldTable;
  change_log: ChangeLogTable;
}

/** The tables the app owns (not Kysely's migration bookkeeping). */
export const APP_TABLES = [
  'applied_mutation',
  'entity_field',
  'change_log',
] as const satisfies readonly (keyof DatabaseSchema)[];
