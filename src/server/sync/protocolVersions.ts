/**
 * What differs between the protocol versions this server accepts (the current
 * one and the one before; see OLDEST_SUPPORTED_PROTOCOL_VERSION). Requests of
 * an older version are read as the current one — every field added since is
 * optional — and replies are cut down to what that version can store.
 */
import { CONFLICT_ENTITY, MAP_ENTITIES, type Entity } from '../../sync/protocol.ts';

/**
 * Record types a device speaking `protocolVersion` has no table for. Version 1
 * apps predate clash records: a pulled `conflict` would stop their sync for
 * good, so their pulls pass over those rows (the cursor still moves past them).
 * Version 2 apps predate the Municipal Action Plan's records in the same way.
 */
export function entitiesHiddenFrom(protocolVersion: number): ReadonlySet<Entity> {
  const hidden: Entity[] = [];
  if (protocolVersion < 2) hidden.push(CONFLICT_ENTITY);
  if (protocolVersion < 3) hidden.push(...MAP_ENTITIES);
  return new Set(hidden);
}
