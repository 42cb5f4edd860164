import { Dexie, type EntityTable } from 'dexie';
import { dayOf } from '$lib/domain/records/day';
import { newId } from '$lib/domain/records/ids';
import { guardQuota, StorageFullError, isQuotaError } from './errors';

/**
 * Where the offline map lives: the archive itself in the Origin Private File System (read by
 * range, never loaded whole), or as a Blob in IndexedDB where OPFS cannot be written (Safari
 * before 26 has no createWritable outside workers). Its description, the download in progress
 * and the device's map preferences sit in a small database of their own, `stedsans-basemap`:
 * the map belongs to the device, not to a workspace, and holds public OpenStreetMap data only
 * (docs/offline-map.md), so it is not sealed with the workspace key.
 */

export interface StoredMap {
	/** The archive's file name in OPFS (or its key in the blobs table): new for every map. */
	fileName: string;
	storage: 'opfs' | 'idb';
	size: number;
	bounds: [number, number, number, number];
	covers: string[];
	minZoom: number;
	maxZoom: number;
	schema: 'protomaps' | 'openmaptiles';
	/** Who made the tiles (archive name or download host), for the attribution. */
	source: string;
	/** The archive's own attribution text, if any. */
	attribution: string;
	origin: 'import' | 'download';
	/** When the OpenStreetMap data was taken, if known; else null. */
	dataDate: number | null;
	/** The day the map was stored (its UTC start: shown to the day, out of date after months). */
	storedAt: number;
}

export interface StagedTile {
	key: string;
	z: number;
	x: number;
	y: number;
	/** Gzipped MVT; empty where the source has no tile there. */
	data: Uint8Array;
}

interface Row<T> {
	key: string;
	value: T;
}

class BasemapDatabase extends Dexie {
	meta!: EntityTable<Row<unknown>, 'key'>;
	blobs!: EntityTable<{ key: string; blob: Blob }, 'key'>;
	staged!: EntityTable<StagedTile, 'key'>;
	constructor() {
		super('stedsans-basemap');
		this.version(1).stores({ meta: 'key', blobs: 'key', staged: 'key' });
	}
}

let instance: BasemapDatabase | null = null;
const db = () => (instance ??= new BasemapDatabase());

export async function getMeta<T>(key: string): Promise<T | undefined> {
	return (await db().meta.get(key))?.value as T | undefined;
}

export async function setMeta(key: string, value: unknown): Promise<void> {
	await guardQuota(() => db().meta.put({ key, value }));
}

export async function deleteMeta(key: string): Promise<void> {
	await db().meta.delete(key);
}

const CURRENT = 'current';
const DIR = 'basemap';

async function opfsDir(): Promise<FileSystemDirectoryHandle | null> {
	try {
		if (!navigator.storage?.getDirectory) return null;
		if (!('createWritable' in FileSystemFileHandle.prototype)) return null;
		const root = await navigator.storage.getDirectory();
		return await root.getDirectoryHandle(DIR, { create: true });
	} catch {
		return null;
	}
}

async function writeOpfs(dir: FileSystemDirectoryHandle, name: string, blob: Blob): Promise<void> {
	const handle = await dir.getFileHandle(name, { create: true });
	const out = await handle.createWritable();
	try {
		await out.write(blob);
		await out.close();
	} catch (e) {
		await out.abort().catch(() => {});
		await dir.removeEntry(name).catch(() => {});
		throw isQuotaError(e) ? new StorageFullError(e) : e;
	}
}

async function removeFile(map: StoredMap): Promise<void> {
	if (map.storage === 'idb') await db().blobs.delete(map.fileName);
	else await (await opfsDir())?.removeEntry(map.fileName).catch(() => {});
}

/**
 * Stores a new map all or nothing: the file is written under a new name first, and only once it
 * is whole does the description point at it; the previous map is removed after that. A full
 * disk leaves the previous map as it was and throws StorageFullError.
 */
export async function saveMap(
	blob: Blob,
	describe: Omit<StoredMap, 'fileName' | 'storage' | 'size' | 'storedAt'>
): Promise<StoredMap> {
	const fileName = newFileName();
	const dir = await opfsDir();
	const map: StoredMap = {
		...describe,
		fileName,
		storage: dir ? 'opfs' : 'idb',
		size: blob.size,
		storedAt: dayOf(Date.now())
	};
	if (dir) await writeOpfs(dir, fileName, blob);
	const previous = await getMeta<StoredMap>(CURRENT);
	try {
		await guardQuota(() =>
			db().transaction('rw', db().meta, db().blobs, async () => {
				if (!dir) await db().blobs.put({ key: fileName, blob });
				await db().meta.put({ key: CURRENT, value: map });
			})
		);
	} catch (e) {
		if (dir) await dir.removeEntry(fileName).catch(() => {});
		throw e;
	}
	if (previous) await removeFile(previous);
	return map;
}

// Random: a name with the time in it would say when the map was stored, to the millisecond.
const newFileName = () => `map-${newId().toLowerCase()}.pmtiles`;

/** A name given before names were random: `map-<the time, base 36>-<random>.pmtiles`. */
const TIMED_NAME = /^map-[0-9a-z]+-[0-9a-z]+\.pmtiles$/;

/** `FileSystemHandle.move()`, where the browser has it (not in TypeScript's DOM types yet). */
type Movable = FileSystemFileHandle & { move?: (name: string) => Promise<void> };

/**
 * A map stored by an older version keeps the time it was stored, to the millisecond, in its
 * description and its file's name: the first read keeps the day and gives the file a random name
 * (in OPFS where the browser can move a file; else the name stays until the map is replaced).
 * Best effort: the map is used as it is if this fails.
 */
async function untimed(stored: StoredMap): Promise<StoredMap> {
	const map = { ...stored, storedAt: dayOf(stored.storedAt) };
	if (!TIMED_NAME.test(map.fileName)) {
		if (map.storedAt !== stored.storedAt) await setMeta(CURRENT, map).catch(() => undefined);
		return map;
	}
	const renamed = { ...map, fileName: newFileName() };
	try {
		if (map.storage === 'idb') {
			await db().transaction('rw', db().meta, db().blobs, async () => {
				const row = await db().blobs.get(map.fileName);
				if (!row) throw new Error('The map file is gone');
				await db().blobs.put({ key: renamed.fileName, blob: row.blob });
				await db().blobs.delete(map.fileName);
				await db().meta.put({ key: CURRENT, value: renamed });
			});
			return renamed;
		}
		const handle = (await (await opfsDir())?.getFileHandle(map.fileName)) as Movable | undefined;
		if (!handle?.move) {
			await setMeta(CURRENT, map);
			return map;
		}
		await handle.move(renamed.fileName);
		await setMeta(CURRENT, renamed).catch(async (e: unknown) => {
			await handle.move!(map.fileName);
			throw e;
		});
		return renamed;
	} catch {
		return stored;
	}
}

/** The stored map and its file, or null. A description whose file is gone counts as none. */
export async function loadMap(): Promise<{ map: StoredMap; file: File } | null> {
	const stored = await getMeta<StoredMap>(CURRENT);
	if (!stored) return null;
	const map = await untimed(stored);
	try {
		if (map.storage === 'idb') {
			const row = await db().blobs.get(map.fileName);
			return row ? { map, file: new File([row.blob], map.fileName) } : null;
		}
		const dir = await opfsDir();
		const handle = await dir?.getFileHandle(map.fileName);
		return handle ? { map, file: await handle.getFile() } : null;
	} catch {
		return null;
	}
}

export async function deleteMap(): Promise<void> {
	const map = await getMeta<StoredMap>(CURRENT);
	if (!map) return;
	await db().meta.delete(CURRENT);
	await removeFile(map);
}

// The download in progress: tiles kept by z/x/y until the archive is written.

export async function stageTiles(tiles: StagedTile[]): Promise<void> {
	await guardQuota(() => db().staged.bulkPut(tiles));
}

export async function stagedKeys(): Promise<Set<string>> {
	return new Set((await db().staged.toCollection().primaryKeys()) as string[]);
}

export async function stagedTiles(): Promise<StagedTile[]> {
	return db().staged.toArray();
}

export async function clearStaged(): Promise<void> {
	await db().staged.clear();
}
