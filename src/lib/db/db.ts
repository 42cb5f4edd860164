import Dexie, { type Table, type Transaction } from 'dexie';

/**
 * A stored record: its id, the version of its content schema and the sealed payload (metadata and
 * content together, repository.ts), plus the keyed index values of its links (db/index-key.ts).
 * Rows written before version 11 still carry their metadata beside the payload until the first
 * unlock rewrites them (db/rewrite-in-place.ts); `fromRow` reads both.
 */
export interface Row {
	id: string;
	/** Schema version of the payload. */
	v: number;
	payload: unknown;
	[indexKey: string]: unknown;
}

/**
 * The field of a record row that holds its rollback guard's tag (db/rollback-guard.ts), in the
 * clear: a MAC over the rest of the row, which says nothing without the data key.
 */
export const ROW_TAG = 'g';

/**
 * A deposit in the drop box: its id (random; the order is sealed inside), its writer key's id
 * (random, one per unlock) and its tag are in the clear.
 */
export interface DropBoxRow {
	id: string;
	payload: Uint8Array;
	/** Which unlock's writer key tagged it (crypto/drop-box.ts), and the tag. */
	writer?: string;
	tag?: Uint8Array;
}

export interface MetaEntry {
	key: string;
	value: unknown;
}

/** Tables that hold records (and travel in backups). Order is the order of a backup file. */
export const RECORD_TABLES = [
	'settings',
	'ethnographers',
	'boundaries',
	'participants',
	'codes',
	'notes',
	'interviews',
	'namedPlaces',
	'followAlongs',
	'stops',
	'fixChunks',
	'places',
	'placeRevisions',
	'tombstones',
	'releases'
] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

/** Tables an older backup may hold that this version no longer has: read and left out. */
export const RETIRED_TABLES = ['heatmaps'] as const;

/**
 * Every schema version the app has ever had, oldest first. Append only: never edit an old entry;
 * put data changes in an `upgrade` of the new version, with a test that opens the old one.
 * Index only ids and keyed links (db/index-key.ts): no time, no neighbourhood, no plain link.
 */
export const SCHEMA_VERSIONS: {
	version: number;
	stores: Record<string, string | null>;
	upgrade?: (tx: Transaction) => PromiseLike<void>;
}[] = [
	{
		version: 1,
		stores: {
			meta: 'key',
			settings: 'id, updatedAt, deletedAt',
			ethnographers: 'id, updatedAt, deletedAt',
			boundaries: 'id, updatedAt, deletedAt, nb'
		}
	},
	{
		// Observation notes, the participants register and the codebook.
		version: 2,
		stores: {
			participants: 'id, updatedAt, deletedAt, nb',
			codes: 'id, updatedAt, deletedAt',
			notes: 'id, updatedAt, deletedAt, observedAt, nb, followAlongId'
		}
	},
	{
		// Follow-along days: the day, its stops, and its fixes in typed-array chunks.
		version: 3,
		stores: {
			followAlongs: 'id, updatedAt, deletedAt, startedAt, nb, participantId',
			stops: 'id, updatedAt, deletedAt, followAlongId, placeId',
			fixChunks: 'id, updatedAt, deletedAt, followAlongId, [followAlongId+seq]'
		}
	},
	{
		// The place glossary and every place's change history.
		version: 4,
		stores: {
			places: 'id, updatedAt, deletedAt, nb',
			placeRevisions: 'id, updatedAt, deletedAt, placeId'
		}
	},
	{
		// Encryption at rest: what the recorder writes while the workspace is locked, sealed to the
		// drop box's public key (see crypto/drop-box.ts). Opened and emptied on the next unlock.
		version: 5,
		stores: { dropBox: 'id' }
	},
	{
		// Saved heatmaps: the differential-privacy noise drawn for a map, reused on every re-export.
		version: 6,
		stores: {
			heatmaps: 'id, updatedAt, deletedAt, key'
		}
	},
	{
		// Team sync (docs/team-sync.md): the outbox of records changed here and not yet pushed (ids
		// only), incoming versions that conflict with this device's (sealed, like records), and the
		// records purged anywhere in the team (ids only), so an older copy cannot bring one back.
		version: 7,
		stores: {
			syncOutbox: 'key',
			syncConflicts: 'key, record',
			syncPurged: 'key'
		}
	},
	{
		// Releases: every aggregate map that left the device, what it showed and what it rests on
		// (issue 13); tombstones of purged participants, so their records do not come back. The
		// saved noise goes with differential privacy, which was removed.
		version: 8,
		stores: {
			releases: 'id, updatedAt, deletedAt, releasedAt',
			tombstones: 'id, updatedAt, deletedAt',
			heatmaps: null
		}
	},
	{
		// Interviews and named places (issue 17): the id alone. Who, when and where stay sealed in
		// the payload, and the few queries there are filter after opening.
		version: 9,
		stores: {
			interviews: 'id',
			namedPlaces: 'id'
		}
	},
	{
		// Rollback and tamper detection (issue 16; db/rollback-guard.ts): a tag for every record
		// row and a mark per table, written by a middleware in the row's own transaction.
		version: 10,
		stores: { guard: 'key' }
	},
	{
		// Nothing that links people, places and times in the clear (issue 16): the times and the
		// neighbourhood go from the indexes (lists filter and sort after opening), and the links
		// that stay hold keyed values (db/index-key.ts). Rows are rewritten at the first unlock.
		version: 11,
		stores: {
			settings: 'id',
			ethnographers: 'id',
			boundaries: 'id',
			participants: 'id',
			codes: 'id',
			notes: 'id, followAlongId',
			followAlongs: 'id, participantId',
			stops: 'id, followAlongId, placeId',
			fixChunks: 'id, followAlongId, [followAlongId+seq]',
			places: 'id',
			placeRevisions: 'id, placeId',
			releases: 'id',
			tombstones: 'id'
		}
	},
	{
		// The rollback guard's tag of each row moves into the row (`g`): a large write puts each
		// row once instead of twice. The tables' marks stay in `guard`.
		version: 12,
		stores: {},
		upgrade: moveTagsIntoRows
	}
];

/**
 * Version 12's upgrade, straight on IndexedDB (past the app's middlewares: moving a tag is no
 * change to tag again nor to push to the team). A tag was kept under `table:id` in `guard`; a row
 * without one (a table not yet tagged) stays without, as it was.
 */
function moveTagsIntoRows(tx: Transaction): PromiseLike<void> {
	const idb = tx.idbtrans;
	return new Dexie.Promise<void>((resolve, reject) => {
		const guard = idb.objectStore('guard');
		const read = guard.getAll();
		read.onerror = () => reject(read.error);
		read.onsuccess = () => {
			const tags = new Map<string, string>();
			for (const e of read.result as { key: string; x: string }[]) tags.set(e.key, e.x);
			let open = RECORD_TABLES.length;
			for (const table of RECORD_TABLES) {
				guard.delete(IDBKeyRange.bound(`${table}:`, `${table}:\uffff`));
				const cursor = idb.objectStore(table).openCursor();
				cursor.onerror = () => reject(cursor.error);
				cursor.onsuccess = () => {
					const c = cursor.result;
					if (!c) return --open === 0 && resolve();
					const tag = tags.get(`${table}:${String(c.primaryKey)}`);
					if (tag !== undefined) c.update({ ...c.value, [ROW_TAG]: tag });
					c.continue();
				};
			}
		};
	});
}

export class StedsansDB extends Dexie {
	meta!: Table<MetaEntry, string>;
	settings!: Table<Row, string>;
	ethnographers!: Table<Row, string>;
	boundaries!: Table<Row, string>;
	participants!: Table<Row, string>;
	codes!: Table<Row, string>;
	notes!: Table<Row, string>;
	followAlongs!: Table<Row, string>;
	stops!: Table<Row, string>;
	fixChunks!: Table<Row, string>;
	places!: Table<Row, string>;
	placeRevisions!: Table<Row, string>;
	dropBox!: Table<DropBoxRow, string>;
	tombstones!: Table<Row, string>;
	releases!: Table<Row, string>;
	interviews!: Table<Row, string>;
	namedPlaces!: Table<Row, string>;

	constructor(name: string, versions = SCHEMA_VERSIONS) {
		super(name);
		for (const { version, stores, upgrade } of versions) {
			const v = this.version(version).stores(stores);
			if (upgrade) v.upgrade(upgrade);
		}
	}

	recordTable(name: RecordTable): Table<Row, string> {
		return this.table(name) as Table<Row, string>;
	}
}
