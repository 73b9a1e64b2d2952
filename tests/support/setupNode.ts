// The sync round-trip tests run a client store in Node; fake-indexeddb must load before Dexie.
import 'fake-indexeddb/auto';
