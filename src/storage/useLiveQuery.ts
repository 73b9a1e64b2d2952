/**
 * Screens read records through this re-export so that Dexie (and its React
 * bindings) stay inside src/storage.
 */
export { useLiveQuery } from 'dexie-react-hooks';
