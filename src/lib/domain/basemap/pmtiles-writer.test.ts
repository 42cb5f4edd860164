import { describe, expect, it } from 'vitest';
import { PMTiles, type Source } from 'pmtiles';
import { gunzipSync } from 'node:zlib';
import { Compression, concat, TileType, writeArchive, type ArchiveTile } from './pmtiles-writer';
import { makeBasemapArchive, fixtureTiles } from '../../../../tests/basemap-fixture';

/** A pmtiles Source over bytes in memory: the reader the app uses, reading what the writer wrote. */
export function memorySource(bytes: Uint8Array, key = 'memory'): Source {
	return {
		getKey: () => key,
		getBytes: async (offset, length) => ({
			data: bytes.slice(offset, offset + length).buffer as ArrayBuffer
		})
	};
}

const tile = (z: number, x: number, y: number, fill: number, size = 10): ArchiveTile => ({
	z,
	x,
	y,
	data: new Uint8Array(size).fill(fill)
});

describe('the PMTiles writer', () => {
	it('writes an archive the pmtiles reader opens: header, metadata and every tile', async () => {
		const tiles = [tile(0, 0, 0, 1), tile(1, 1, 0, 2), tile(1, 0, 1, 3), tile(2, 3, 3, 4)];
		const bytes = concat(
			writeArchive(tiles, {
				tileCompression: Compression.None,
				tileType: TileType.Mvt,
				bounds: [12.5, 55.6, 12.7, 55.75],
				minZoom: 0,
				maxZoom: 2,
				metadata: { name: 'test' }
			})
		);
		const p = new PMTiles(memorySource(bytes));
		const h = await p.getHeader();
		expect(h).toMatchObject({
			specVersion: 3,
			minZoom: 0,
			maxZoom: 2,
			tileType: 1,
			clustered: true
		});
		expect(h.minLon).toBeCloseTo(12.5);
		expect(h.maxLat).toBeCloseTo(55.75);
		expect(await p.getMetadata()).toEqual({ name: 'test' });
		for (const t of tiles)
			expect(new Uint8Array((await p.getZxy(t.z, t.x, t.y))!.data)).toEqual(t.data);
		expect(await p.getZxy(2, 0, 0)).toBeUndefined();
	});

	it('stores identical tiles once, and runs of them as one entry', async () => {
		// Tile ids 5..8 (zoom 2) hold the same bytes: one content, one run.
		const tiles = [
			tile(2, 0, 0, 7),
			tile(2, 0, 1, 7),
			tile(2, 1, 1, 7),
			tile(2, 1, 0, 7),
			tile(2, 3, 3, 9)
		];
		const parts = writeArchive(tiles, {
			tileCompression: Compression.None,
			tileType: TileType.Mvt,
			bounds: [0, 0, 1, 1],
			minZoom: 2,
			maxZoom: 2,
			metadata: {}
		});
		const p = new PMTiles(memorySource(concat(parts)));
		const h = await p.getHeader();
		expect(h.numAddressedTiles).toBe(5);
		expect(h.numTileContents).toBe(2);
		expect(h.numTileEntries).toBe(2);
		for (const t of tiles)
			expect(new Uint8Array((await p.getZxy(t.z, t.x, t.y))!.data)).toEqual(t.data);
	});

	it('puts many tiles into leaf directories, keeping the root within the first 16 KiB', async () => {
		const tiles: ArchiveTile[] = [];
		for (let x = 0; x < 128; x++)
			for (let y = 0; y < 128; y++) tiles.push({ z: 7, x, y, data: Uint8Array.of(x, y, x ^ y) });
		const bytes = concat(
			writeArchive(tiles, {
				tileCompression: Compression.None,
				tileType: TileType.Mvt,
				bounds: [-180, -85, 180, 85],
				minZoom: 7,
				maxZoom: 7,
				metadata: {}
			})
		);
		const p = new PMTiles(memorySource(bytes));
		const h = await p.getHeader();
		expect(h.leafDirectoryLength).toBeGreaterThan(0);
		expect(h.rootDirectoryOffset + h.rootDirectoryLength).toBeLessThanOrEqual(16_384);
		for (const [x, y] of [
			[0, 0],
			[127, 127],
			[64, 3],
			[5, 99]
		] as const)
			expect(new Uint8Array((await p.getZxy(7, x, y))!.data)).toEqual(Uint8Array.of(x, y, x ^ y));
	});

	it('makes the test basemap from the municipality GeoJSON: vector tiles with the outlines as streets', async () => {
		const tiles = fixtureTiles('protomaps');
		expect(tiles.length).toBeGreaterThan(20);
		const p = new PMTiles(memorySource(makeBasemapArchive()));
		const h = await p.getHeader();
		expect(h.tileCompression).toBe(2);
		const t = tiles.find((x) => x.z === 14)!;
		const raw = await p.getZxy(t.z, t.x, t.y);
		// The reader gunzips; the tile is MVT (protobuf field 3 = layer).
		expect(new Uint8Array(raw!.data)).toEqual(new Uint8Array(gunzipSync(t.data)));
		expect(new Uint8Array(raw!.data)[0]).toBe(0x1a);
	});
});
