import { UraDatabase } from './UraDatabase.ts';

/** The one shared database of the app. Repository functions take `db` first so tests can pass their own. */
export const db = new UraDatabase();
