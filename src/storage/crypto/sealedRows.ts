import type { DBCoreTableSchema } from 'dexie';
import { SEALED_FIELD, type RowCipher } from './rowCipher.ts';

/**
 * The fields of a table that stay readable: its primary key and indexes, which
 * IndexedDB must see to find rows. Everything else is sealed. The schema keeps
 * indexes free of anything identifying (docs/encryption.md), and a new field is
 * sealed without anyone having to remember to list it.
 */
export function plainFieldsOf(schema: DBCoreTableSchema): ReadonlySet<string> {
  const fields = new Set<string>();
  for (const index of [schema.primaryKey, ...schema.indexes]) {
    const paths = index.keyPath === null ? [] : Array.isArray(index.keyPath) ? index.keyPath : [index.keyPath];
    // A dotted path is kept whole by its top-level field.
    for (const path of paths) fields.add(path.split('.')[0] ?? path);
  }
  return fields;
}

function isRow(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function sealRow(table: string, row: unknown, plain: ReadonlySet<string>, cipher: RowCipher): unknown {
  if (!isRow(row)) return row;
  const kept: Record<string, unknown> = {};
  const secret: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(row)) {
    if (plain.has(field)) kept[field] = value;
    else secret[field] = value;
  }
  kept[SEALED_FIELD] = cipher.seal(table, secret);
  return kept;
}

// Across realms (a test's DOM, IndexedDB's structured clone) `instanceof Uint8Array` can be false for real bytes.
function isBytes(value: unknown): value is Uint8Array {
  return ArrayBuffer.isView(value) && value.constructor.name === 'Uint8Array';
}

/** A sealed row opened; a row written before encryption comes back as it is. */
export function openRow(table: string, row: unknown, cipher: () => RowCipher): unknown {
  if (!isRow(row) || !isBytes(row[SEALED_FIELD])) return row;
  const { [SEALED_FIELD]: sealed, ...kept } = row;
  return { ...cipher().open(table, sealed), ...kept };
}
