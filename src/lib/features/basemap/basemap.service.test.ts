import { afterEach, describe, expect, it, vi } from 'vitest';
import { PMTiles, FileSource } from 'pmtiles';
import { Dexie } from 'dexie';
import { ArchiveError } from '$lib/domain/basemap/archive-check';
import { StorageFullError } from '$lib/db/errors';
import { DAY_MS } from '$lib/domain/records/day';
import {
	deleteStoredMap,
	importMapFile,
	isStale,
	openedMap,
	openStoredMap,
	storedMap
} from './basemap.service';
import {
	discardDownload,
	prepareDownload,
	runDownload,
	unfinishedDownload
} from './download.service';
import {
	fixtureMetadata,
	fixtureTiles,
	makeBasemapArchive,
	FIXTURE_ZOOMS
} from '../../../../tests/basemap-fixture';

const file = (bytes: Uint8Array, name = 'copenhagen.pmtiles') =>
	new File([bytes as BlobPart], name);

async function problemOf(p: Promise<unknown>): Promise<string> {
	try {
		await p;
		return 'none';
	} catch (e) {
		if (e instanceof ArchiveError) return e.problem;
		if (e instanceof StorageFullError) return 'storage-full';
		throw e;
	}
}

afterEach(async () => {
	vi.restoreAllMocks();
	await deleteStoredMap();
	await discardDownload();
});

describe('the map screens’ opened map', () => {
	it('is opened once and shared, reopened after a new map is stored, and gone after Delete', async () => {
		expect(await openedMap()).toBeNull();
		const first = await importMapFile(file(makeBasemapArchive()));
		const opened = await openedMap();
		expect(opened?.map.fileName).toBe(first.fileName);
		// The archive's source layers, from its metadata: the style keeps only their layers.
		expect(opened?.sourceLayers.sort()).toEqual(['earth', 'pois', 'roads']);
		expect(await openedMap()).toBe(opened);
		const second = await importMapFile(
			file(makeBasemapArchive({ dataDate: '2026-11-01T00:00:00Z' }))
		);
		const reopened = await openedMap();
		expect(reopened?.map.fileName).toBe(second.fileName);
		const tile = fixtureTiles('protomaps').find((t) => t.z === 13)!;
		expect(
			(await reopened!.reader.getZxy(tile.z, tile.x, tile.y))?.data.byteLength
		).toBeGreaterThan(0);
		await deleteStoredMap();
		expect(await openedMap()).toBeNull();
	});
});

describe('importing a map file', () => {
	it('stores a vector archive and reads tiles back from the stored file', async () => {
		const map = await importMapFile(file(makeBasemapArchive()));
		expect(map).toMatchObject({
			storage: 'idb',
			schema: 'protomaps',
			covers: ['vesterbro', 'nordvest', 'sundholm'],
			source: 'Stedsans test basemap (protomaps)',
			attribution: '© OpenStreetMap contributors',
			origin: 'import'
		});
		// Kept in the clear, so to the day, under a name that says nothing of when.
		expect(map.storedAt % DAY_MS).toBe(0);
		expect(map.fileName).toMatch(/^map-[0-9a-z]{26}\.pmtiles$/);
		const stored = await openStoredMap();
		expect(stored?.file.size).toBe(map.size);
		const tile = fixtureTiles('protomaps').find((t) => t.z === 13)!;
		const read = await new PMTiles(new FileSource(stored!.file)).getZxy(tile.z, tile.x, tile.y);
		expect(read?.data.byteLength).toBeGreaterThan(0);
	});

	it('gives a map stored by an older version (its time in its name and description) a random name and its day', async () => {
		const map = await importMapFile(file(makeBasemapArchive()));
		const timed = `map-${Date.now().toString(36)}-k3j4h5.pmtiles`;
		// As the version before stored it: the time to the millisecond, in the name too.
		const raw = new Dexie('stedsans-basemap');
		raw.version(1).stores({ meta: 'key', blobs: 'key', staged: 'key' });
		const { blob } = await raw.table('blobs').get(map.fileName);
		await raw.table('blobs').bulkDelete([map.fileName]);
		await raw.table('blobs').put({ key: timed, blob });
		await raw.table('meta').put({
			key: 'current',
			value: { ...map, fileName: timed, storedAt: Date.now() }
		});
		const stored = await openStoredMap();
		expect(stored?.map.fileName).toMatch(/^map-[0-9a-z]{26}\.pmtiles$/);
		expect(stored!.map.storedAt % DAY_MS).toBe(0);
		expect(stored?.file.size).toBe(map.size);
		expect(await raw.table('blobs').toCollection().primaryKeys()).toEqual([stored!.map.fileName]);
		expect((await raw.table('meta').get('current')).value).toEqual(stored!.map);
		raw.close();
	});

	it('refuses each bad file with its reason and keeps the map that was there', async () => {
		const good = makeBasemapArchive({ dataDate: '2025-01-01T00:00:00Z' });
		await importMapFile(file(good));
		const before = await storedMap();
		const bad = {
			'not-pmtiles': file(
				new TextEncoder().encode('{"type":"FeatureCollection"}'.padEnd(400)),
				'x.geojson'
			),
			raster: file(makeBasemapArchive({ tileType: 2 })),
			'no-cover': file(makeBasemapArchive({ bounds: [10.15, 56.12, 10.25, 56.18] })),
			truncated: file(good.slice(0, good.length - 500))
		};
		for (const [problem, f] of Object.entries(bad))
			expect(await problemOf(importMapFile(f))).toBe(problem);
		expect(await storedMap()).toEqual(before);
	});

	it('a full disk while saving changes nothing and says so', async () => {
		await importMapFile(file(makeBasemapArchive()));
		const before = await storedMap();
		const put = IDBObjectStore.prototype.put;
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
			this: IDBObjectStore,
			...args
		) {
			if (this.name === 'blobs')
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return put.apply(this, args);
		});
		expect(
			await problemOf(importMapFile(file(makeBasemapArchive({ dataDate: '2026-01-01T00:00:00Z' }))))
		).toBe('storage-full');
		expect(await storedMap()).toEqual(before);
		expect((await openStoredMap())?.file.size).toBe(before!.size);
	});

	it('warns when the data is over a year old', async () => {
		const map = await importMapFile(file(makeBasemapArchive({ dataDate: '2024-01-01T00:00:00Z' })));
		expect(isStale(map, Date.parse('2025-01-02T00:00:00Z'))).toBe(true);
		expect(isStale(map, Date.parse('2024-12-30T00:00:00Z'))).toBe(false);
	});

	it('Delete removes the map and its file', async () => {
		await importMapFile(file(makeBasemapArchive()));
		await deleteStoredMap();
		expect(await storedMap()).toBeNull();
		expect(await openStoredMap()).toBeNull();
	});
});

describe('downloading the field area', () => {
	const STYLE = 'https://tiles.openfreemap.org/styles/liberty';
	const TILEJSON = 'https://tiles.openfreemap.org/planet';
	const served = new Map(fixtureTiles('openmaptiles').map((t) => [`${t.z}/${t.x}/${t.y}`, t.data]));
	const json = async (url: string) =>
		url === STYLE
			? { version: 8, sources: { openmaptiles: { type: 'vector', url: TILEJSON } }, layers: [] }
			: {
					tiles: ['https://tiles.openfreemap.org/planet/20250101/{z}/{x}/{y}.pbf'],
					minzoom: 0,
					maxzoom: FIXTURE_ZOOMS.max,
					...fixtureMetadata('openmaptiles'),
					name: 'planet'
				};

	it('refuses a host whose terms do not allow it, and OpenStreetMap’s own servers', async () => {
		await expect(
			prepareDownload('https://tiles.example.org/style.json', json)
		).rejects.toMatchObject({
			problem: 'terms'
		});
		await expect(
			prepareDownload('https://tile.openstreetmap.org/style.json', json)
		).rejects.toMatchObject({
			problem: 'osm'
		});
	});

	it('Cancel drops what came: nothing is stored and nothing is left to resume', async () => {
		const job = await prepareDownload(STYLE, json);
		const stop = new AbortController();
		let n = 0;
		await expect(
			runDownload(job, {
				signal: stop.signal,
				fetch: async () => {
					if (++n === 5) stop.abort();
					return null;
				}
			})
		).rejects.toThrow();
		expect((await unfinishedDownload())?.done).toBeGreaterThan(0);
		await discardDownload();
		expect(await unfinishedDownload()).toBeNull();
		expect(await storedMap()).toBeNull();
	});

	it('fetches each tile once across an interruption, then stores one archive', async () => {
		const job = await prepareDownload(STYLE, json);
		expect(job).toMatchObject({ schema: 'openmaptiles', plan: { minZoom: 10, maxZoom: 14 } });
		const fetched: string[] = [];
		const fetchTile = async (url: string) => {
			fetched.push(url);
			const key = /planet\/20250101\/(\d+\/\d+\/\d+)\.pbf$/.exec(url)![1]!;
			return served.get(key) ?? null;
		};
		// Stopped part-way (a reload): what came is kept.
		const stop = new AbortController();
		const first = runDownload(job, {
			signal: stop.signal,
			fetch: async (url, signal) => {
				if (fetched.length === 10) stop.abort();
				return fetchTile(url).then((d) => (signal.aborted ? null : d));
			}
		});
		await expect(first).rejects.toThrow();
		const unfinished = await unfinishedDownload();
		expect(unfinished?.done).toBeGreaterThan(0);
		expect(unfinished?.done).toBeLessThan(job.plan.tiles);
		const progress: number[] = [];
		const map = await runDownload(unfinished!.job, {
			signal: new AbortController().signal,
			fetch: fetchTile,
			onProgress: (p) => progress.push(p.done)
		});
		expect(new Set(fetched).size).toBe(job.plan.tiles);
		expect(fetched.length).toBeLessThanOrEqual(job.plan.tiles + 4);
		expect(progress.at(-1)).toBe(job.plan.tiles);
		expect(map).toMatchObject({
			origin: 'download',
			schema: 'openmaptiles',
			source: 'OpenFreeMap (planet)'
		});
		expect(await unfinishedDownload()).toBeNull();
		const stored = await openStoredMap();
		const t = [...served.keys()]
			.find((k) => k.startsWith('14/'))!
			.split('/')
			.map(Number);
		const read = await new PMTiles(new FileSource(stored!.file)).getZxy(t[0]!, t[1]!, t[2]!);
		expect(read?.data.byteLength).toBeGreaterThan(0);
	});
});
