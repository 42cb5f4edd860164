import { zxyToTileId, type Entry } from 'pmtiles';
import type { Bbox, TileKey } from './tiles';

/**
 * Writes a PMTiles v3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md):
 * a 127-byte header, the root directory, the JSON metadata, the leaf directories and the tile
 * data, tiles ordered by their Hilbert tile id (a "clustered" archive), identical tiles stored
 * once. Directories are not compressed (internal compression "none", which every reader takes):
 * the archives this writes are small, and reading them needs no decompression.
 */

export interface ArchiveTile extends TileKey {
	data: Uint8Array;
}

export const Compression = { None: 1, Gzip: 2 } as const;
export const TileType = { Mvt: 1, Png: 2 } as const;

export interface ArchiveOptions {
	tileCompression: (typeof Compression)[keyof typeof Compression];
	tileType: (typeof TileType)[keyof typeof TileType];
	bounds: Bbox;
	minZoom: number;
	maxZoom: number;
	center?: [number, number, number];
	metadata: Record<string, unknown>;
}

export const HEADER_BYTES = 127;
/** The spec asks for the header and root directory to fit in the first 16 KiB. */
const ROOT_LIMIT = 16_384 - HEADER_BYTES;

function writeVarint(out: number[], value: number): void {
	let v = value;
	while (v >= 0x80) {
		out.push((v % 0x80) | 0x80);
		v = Math.floor(v / 0x80);
	}
	out.push(v);
}

export function serializeDirectory(entries: Entry[]): Uint8Array {
	const out: number[] = [];
	writeVarint(out, entries.length);
	let last = 0;
	for (const e of entries) {
		writeVarint(out, e.tileId - last);
		last = e.tileId;
	}
	for (const e of entries) writeVarint(out, e.runLength);
	for (const e of entries) writeVarint(out, e.length);
	entries.forEach((e, i) => {
		const prev = entries[i - 1];
		writeVarint(out, i > 0 && prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
	});
	return Uint8Array.from(out);
}

/** A root directory that fits the first 16 KiB, with leaf directories when the tiles need them. */
function directories(entries: Entry[]): { root: Uint8Array; leaves: Uint8Array } {
	const whole = serializeDirectory(entries);
	if (whole.length <= ROOT_LIMIT) return { root: whole, leaves: new Uint8Array() };
	let leafSize = Math.max(4096, Math.ceil(entries.length / 3500));
	for (;;) {
		const rootEntries: Entry[] = [];
		const parts: Uint8Array[] = [];
		let offset = 0;
		for (let i = 0; i < entries.length; i += leafSize) {
			const leaf = serializeDirectory(entries.slice(i, i + leafSize));
			rootEntries.push({ tileId: entries[i]!.tileId, offset, length: leaf.length, runLength: 0 });
			parts.push(leaf);
			offset += leaf.length;
		}
		const root = serializeDirectory(rootEntries);
		if (root.length <= ROOT_LIMIT) return { root, leaves: concat(parts) };
		leafSize = Math.ceil(leafSize * 1.2);
	}
}

export function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

/** FNV-1a over the bytes: finds candidate duplicates, which are then compared byte by byte. */
function hash(data: Uint8Array): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < data.length; i++) h = Math.imul(h ^ data[i]!, 0x01000193);
	return `${h >>> 0}:${data.length}`;
}

const same = (a: Uint8Array, b: Uint8Array) =>
	a.length === b.length && a.every((v, i) => v === b[i]);

/** The archive as parts to put in a Blob (or concatenate): header, directories, metadata, tiles. */
export function writeArchive(tiles: ArchiveTile[], options: ArchiveOptions): Uint8Array[] {
	const sorted = tiles
		.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), data: t.data }))
		.sort((a, b) => a.id - b.id);
	const entries: Entry[] = [];
	const contents = new Map<string, { offset: number; data: Uint8Array }[]>();
	const data: Uint8Array[] = [];
	let dataLength = 0;
	let unique = 0;
	for (const t of sorted) {
		if (entries.at(-1)?.tileId === t.id) throw new Error(`tile ${t.id} is given twice`);
		const key = hash(t.data);
		const known = contents.get(key)?.find((c) => same(c.data, t.data));
		const prev = entries.at(-1);
		if (known && prev && prev.offset === known.offset && prev.tileId + prev.runLength === t.id) {
			prev.runLength++;
			continue;
		}
		let offset = known?.offset;
		if (offset === undefined) {
			offset = dataLength;
			contents.set(key, [...(contents.get(key) ?? []), { offset, data: t.data }]);
			data.push(t.data);
			dataLength += t.data.length;
			unique++;
		}
		entries.push({ tileId: t.id, offset, length: t.data.length, runLength: 1 });
	}
	const { root, leaves } = directories(entries);
	const metadata = new TextEncoder().encode(JSON.stringify(options.metadata));
	const rootOffset = HEADER_BYTES;
	const metadataOffset = rootOffset + root.length;
	const leavesOffset = metadataOffset + metadata.length;
	const dataOffset = leavesOffset + leaves.length;

	const header = new Uint8Array(HEADER_BYTES);
	const v = new DataView(header.buffer);
	header.set(new TextEncoder().encode('PMTiles'), 0);
	header[7] = 3;
	const u64 = (at: number, n: number) => {
		v.setUint32(at, n % 2 ** 32, true);
		v.setUint32(at + 4, Math.floor(n / 2 ** 32), true);
	};
	u64(8, rootOffset);
	u64(16, root.length);
	u64(24, metadataOffset);
	u64(32, metadata.length);
	u64(40, leavesOffset);
	u64(48, leaves.length);
	u64(56, dataOffset);
	u64(64, dataLength);
	u64(72, sorted.length);
	u64(80, entries.length);
	u64(88, unique);
	header[96] = 1; // clustered
	header[97] = Compression.None;
	header[98] = options.tileCompression;
	header[99] = options.tileType;
	header[100] = options.minZoom;
	header[101] = options.maxZoom;
	const e7 = (at: number, deg: number) => v.setInt32(at, Math.round(deg * 1e7), true);
	const [w, s, e, n] = options.bounds;
	e7(102, w);
	e7(106, s);
	e7(110, e);
	e7(114, n);
	const center = options.center ?? [(w + e) / 2, (s + n) / 2, options.minZoom];
	header[118] = center[2];
	e7(119, center[0]);
	e7(123, center[1]);
	return [header, root, metadata, leaves, ...data];
}
