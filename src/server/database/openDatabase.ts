import { Kysely } from 'kysely';
import type { DatabaseSchema } from './databaseSchema.ts';
import { createSqliteDialect } from './sqliteEngine.ts';

export interface OpenDatabaseOptions {
  /** Path of the SQLite file; its folder is created when missing. */
  file: string;
}

export type AppDatabase = Kysely<DatabaseSchema>;

/** Opens (or creates) the database. Call `migrateToLatest` before use and `destroy()` when done. */
export function openDatabase(options: OpenDatabaseOptions): AppDatabase {
  return new Kysely<DatabaseSchema>({ dialect: createSqliteDialect(options.file) });
}
