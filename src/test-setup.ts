// Real Dexie on an in-memory IndexedDB for node tests.
import 'fake-indexeddb/auto';
