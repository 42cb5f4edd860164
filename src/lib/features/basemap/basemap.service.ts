import { FileSource, PMTiles } from 'pmtiles';
import {
	ArchiveError,
	checkHeader,
	checkMetadata,
	IMPORT_CAP_BYTES
} from '$lib/domain/basemap/archive-check';
import { HEADER_BYTES } from '$lib/domain/basemap/pmtiles-writer';
import { tileAt } from '$lib/domain/basemap/tiles';
import {
	deleteMap,
	getMeta,
	loadMap,
	saveMap,
	setMeta,
	type StoredMap
} from '$lib/db/basemap.store';

export type { StoredMap };

/** An archive whose header and metadata passed the checks, ready to store. */
export type CheckedArchive = Omit<StoredMap, 'fileName' | 'storage' | 'size' | 'storedAt'>;

/**
 * Checks a map file the way the map will read it (header, metadata, the root directory and one
 * tile, through the `pmtiles` reader) and throws an ArchiveError naming what is wrong.
 */
export async function checkArchive(
	file: Blob,
	origin: StoredMap['origin'],
	fallbackName: string,
	cap = IMPORT_CAP_BYTES
): Promise<CheckedArchive> {
	const head = new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer());
	const { header, bounds, covers } = checkHeader(head, file.size, cap);
	const reader = new PMTiles(new FileSource(new File([file], 'check')));
	let info;
	try {
		info = checkMetadata(await reader.getMetadata());
		const z = Math.min(header.maxZoom, Math.max(header.minZoom, header.centerZoom));
		const { x, y } = tileAt(header.centerLon, header.centerLat, z);
		await reader.getZxy(z, x, y);
	} catch (e) {
		if (e instanceof ArchiveError) throw e;
		throw new ArchiveError('unreadable', e instanceof Error ? e.message : String(e));
	}
	return {
		bounds,
		covers,
		minZoom: header.minZoom,
		maxZoom: header.maxZoom,
		schema: info.schema,
		source: info.name || fallbackName,
		attribution: info.attribution,
		origin,
		dataDate: info.dataDate
	};
}

/** Asks the browser to keep the app's storage under pressure (a map is worth keeping). */
async function persist(): Promise<void> {
	try {
		if (navigator.storage?.persist && !(await navigator.storage.persisted()))
			await navigator.storage.persist();
	} catch {
		// Not offered here (an older browser): the map is stored all the same.
	}
}

/** Imports a `.pmtiles` file: checked first, then stored all or nothing. */
export async function importMapFile(file: File): Promise<StoredMap> {
	const checked = await checkArchive(file, 'import', file.name.replace(/\.pmtiles$/i, ''));
	const map = await saveMap(file, checked);
	forgetOpenedMap();
	await persist();
	return map;
}

/** Stores an archive the app wrote itself (a downloaded field area). */
export async function storeArchive(blob: Blob, checked: CheckedArchive): Promise<StoredMap> {
	const map = await saveMap(blob, checked);
	forgetOpenedMap();
	await persist();
	return map;
}

export async function storedMap(): Promise<StoredMap | null> {
	return (await loadMap())?.map ?? null;
}

/** The stored map with its file, for a map screen; null when none is stored. */
export function openStoredMap(): Promise<{ map: StoredMap; file: File } | null> {
	return loadMap();
}

export async function deleteStoredMap(): Promise<void> {
	await deleteMap();
	forgetOpenedMap();
}

const OUTSIDE = 'onlineOutside';

/** Settings: the online basemap may be drawn where the stored map does not reach. */
export async function onlineOutsideAllowed(): Promise<boolean> {
	return (await getMeta<boolean>(OUTSIDE)) ?? false;
}

export async function allowOnlineOutside(on: boolean): Promise<void> {
	await setMeta(OUTSIDE, on);
	forgetOpenedMap();
}

/** A year: data older than this gets a warning in Settings. */
export const STALE_AFTER_MS = 365 * 24 * 60 * 60 * 1000;

export function isStale(map: StoredMap, now = Date.now()): boolean {
	return now - (map.dataDate ?? map.storedAt) > STALE_AFTER_MS;
}

/**
 * The stored offline map, opened once for the app and kept across map screens: reading its
 * description (IndexedDB), its file (OPFS), its header, root directory and metadata is done once,
 * when the app starts, not again by every map screen. Anything that changes the stored map or its
 * setting calls `forgetOpenedMap()`; other tabs of the app hear of it on a BroadcastChannel.
 */
export interface OpenedMap {
	map: StoredMap;
	reader: PMTiles;
	/** The archive's source layers (its metadata's `vector_layers`); empty if it names none. */
	sourceLayers: string[];
	outsideAllowed: boolean;
}

let opening: Promise<OpenedMap | null> | null = null;

const channel =
	typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('stedsans-basemap');
if (channel) channel.onmessage = () => (opening = null);

function layerIds(meta: unknown): string[] {
	const layers = (meta as { vector_layers?: unknown } | null)?.vector_layers;
	if (!Array.isArray(layers)) return [];
	return layers.map((l) => (l as { id?: unknown })?.id).filter((id) => typeof id === 'string');
}

async function open(): Promise<OpenedMap | null> {
	const [stored, outsideAllowed] = await Promise.all([
		openStoredMap().catch(() => null),
		onlineOutsideAllowed().catch(() => false)
	]);
	if (!stored) return null;
	const reader = new PMTiles(new FileSource(stored.file));
	// The header and root directory are read with the metadata; the first tile of the lowest zoom
	// reads a leaf directory where the archive has them, so the map's first tiles need one read.
	const header = await reader.getHeader();
	void reader.getZxy(header.minZoom, 0, 0).catch(() => undefined);
	const sourceLayers = layerIds(await reader.getMetadata().catch(() => null));
	return { map: stored.map, reader, sourceLayers, outsideAllowed };
}

/**
 * The stored map, opened (null if none): the first call opens it, later ones share it. No map
 * (or one that could not be read) is not kept: the next map screen looks again.
 */
export function openedMap(): Promise<OpenedMap | null> {
	const p = (opening ??= open().catch(() => null));
	void p.then((m) => {
		if (!m && opening === p) opening = null;
	});
	return p;
}

/** The stored map or its setting changed (here or in another tab): the next map screen reopens it. */
export function forgetOpenedMap(): void {
	opening = null;
	channel?.postMessage('changed');
}
