import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';
import type { DataKeyHolder } from './dataKeyHolder.ts';
import { openRow, plainFieldsOf, sealRow } from './sealedRows.ts';

/**
 * Where a row may stay whole in plain text: the vault (it holds only wrapped
 * keys and counters) and rows the app needs before it is unlocked (the device id).
 */
export interface PlainRows {
  tables: ReadonlySet<string>;
  row?: (table: string, row: unknown) => boolean;
}

/** A cursor whose value is opened, read through to the real cursor (IDBCursor getters refuse another `this`). */
function openedCursor(cursor: DBCoreCursor, open: (row: unknown) => unknown): DBCoreCursor {
  let raw: unknown;
  let opened: unknown;
  return Object.create(cursor, {
    key: { get: (): unknown => cursor.key },
    primaryKey: { get: (): unknown => cursor.primaryKey },
    value: {
      get: () => {
        if (cursor.value !== raw || opened === undefined) {
          raw = cursor.value;
          opened = open(raw);
        }
        return opened;
      },
    },
  }) as DBCoreCursor;
}

function encryptedTable(table: DBCoreTable, holder: DataKeyHolder, plainRows: PlainRows): DBCoreTable {
  const name = table.name;
  const plain = plainFieldsOf(table.schema);
  const cipher = () => holder.cipher();
  const seal = (row: unknown) => (plainRows.row?.(name, row) ? row : sealRow(name, row, plain, cipher()));
  const open = (row: unknown) => openRow(name, row, cipher);
  return {
    ...table,
    mutate: (req) =>
      req.type === 'add' || req.type === 'put'
        ? table.mutate({ ...req, values: req.values.map(seal) })
        : table.mutate(req),
    get: (req) => table.get(req).then(open),
    getMany: (req) => table.getMany(req).then((rows) => rows.map(open)),
    query: (req) => table.query(req).then((res) => ({ ...res, result: res.result.map(open) })),
    openCursor: (req) => table.openCursor(req).then((cursor) => (cursor ? openedCursor(cursor, open) : cursor)),
  };
}

/**
 * Seals every row on its way into IndexedDB and opens it on its way out
 * (docs/encryption.md). It sits below Dexie's own middleware (lowest level),
 * so live queries, hooks and caches above it see plain rows and nothing
 * sealed-or-not leaks into the app's code.
 */
export function encryptionMiddleware(holder: DataKeyHolder, plainRows: PlainRows): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'UraEncryption',
    level: -10,
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return plainRows.tables.has(tableName) ? table : encryptedTable(table, holder, plainRows);
      },
    }),
  };
}
