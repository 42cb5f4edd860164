import { describe, expect, it } from 'vitest';
import { ArchiveError, checkHeader, checkMetadata, type ArchiveProblem } from './archive-check';
import { makeBasemapArchive, fixtureMetadata } from '../../../../tests/basemap-fixture';

function problem(run: () => unknown): ArchiveProblem | null {
	try {
		run();
		return null;
	} catch (e) {
		if (e instanceof ArchiveError) return e.problem;
		throw e;
	}
}

const check = (bytes: Uint8Array, size = bytes.length, cap?: number) =>
	checkHeader(bytes.slice(0, 127), size, cap);

describe('checking a map file before it is stored', () => {
	const good = makeBasemapArchive();

	it('takes the test basemap: a vector archive over all three neighbourhoods', () => {
		const { covers, header } = check(good);
		expect(covers).toEqual(['vesterbro', 'nordvest', 'sundholm']);
		expect(header.tileType).toBe(1);
		expect(checkMetadata(fixtureMetadata('protomaps'))).toMatchObject({
			schema: 'protomaps',
			attribution: '© OpenStreetMap contributors',
			dataDate: Date.parse('2025-03-01T00:00:00Z')
		});
		expect(checkMetadata(fixtureMetadata('openmaptiles')).schema).toBe('openmaptiles');
	});

	it('refuses a file that is not a PMTiles archive (a GeoJSON, an MBTiles, a PMTiles v2)', () => {
		const text = new TextEncoder().encode('{"type":"FeatureCollection","features":[]}'.padEnd(200));
		expect(problem(() => check(text))).toBe('not-pmtiles');
		const sqlite = new TextEncoder().encode('SQLite format 3\0'.padEnd(200));
		expect(problem(() => check(sqlite))).toBe('not-pmtiles');
		const v2 = new Uint8Array(200);
		v2.set([0x50, 0x4d, 2]);
		expect(problem(() => check(v2))).toBe('version');
		expect(problem(() => check(new Uint8Array(0)))).toBe('not-pmtiles');
	});

	it('refuses a raster archive', () => {
		expect(problem(() => check(makeBasemapArchive({ tileType: 2 })))).toBe('raster');
	});

	it('refuses an archive that covers none of the three neighbourhoods', () => {
		const aarhus = makeBasemapArchive({ bounds: [10.15, 56.12, 10.25, 56.18] });
		expect(problem(() => check(aarhus))).toBe('no-cover');
		// Half of Vesterbro is not Vesterbro.
		const sliver = makeBasemapArchive({ bounds: [12.54, 55.65, 12.56, 55.68] });
		expect(problem(() => check(sliver))).toBe('no-cover');
	});

	it('refuses a truncated file (the download or copy stopped part-way)', () => {
		expect(problem(() => check(good, good.length - 1))).toBe('truncated');
		expect(problem(() => check(good, Math.floor(good.length / 2)))).toBe('truncated');
	});

	it('refuses a file over the cap before reading it', () => {
		expect(problem(() => check(good, good.length, good.length - 1))).toBe('too-big');
		expect(problem(() => check(good, 301 * 1024 * 1024))).toBe('too-big');
	});

	it('refuses vector tiles in a schema no bundled style draws', () => {
		expect(problem(() => checkMetadata({ vector_layers: [{ id: 'parcels' }] }))).toBe(
			'unknown-layers'
		);
		expect(problem(() => checkMetadata({}))).toBe('unknown-layers');
		expect(problem(() => checkMetadata('nonsense'))).toBe('unreadable');
	});
});
