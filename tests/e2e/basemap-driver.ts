import { createServer, type Server } from 'node:http';
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import {
	fixtureMetadata,
	fixtureTiles,
	FIXTURE_ZOOMS,
	type FixtureSchema
} from '../basemap-fixture';
import { DEFAULT_BASEMAP_STYLE } from '../../src/lib/domain/settings/workspace-settings';

// The offline map's verbs: Settings → Offline map, and what a map screen draws.

export function offlineMapSection(page: Page): Locator {
	return page.getByTestId('offline-map');
}

export async function importMapFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
	await offlineMapSection(page)
		.getByLabel(/Import a map file|Importér en kortfil/)
		.setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
}

/**
 * A map on the screen draws the stored map (data-basemap="archive") and its tiles' features
 * from one source layer: counted with queryRenderedFeatures, so a grey map fails here.
 */
export async function expectStoredMapDrawn(page: Page, sourceLayer: string): Promise<void> {
	const map = page.locator('[data-basemap]').first();
	await expect(map).toHaveAttribute('data-basemap', 'archive', { timeout: 30_000 });
	await expect
		.poll(
			() =>
				map.evaluate((el, layer) => {
					const m = (
						el as HTMLElement & {
							maplibre?: {
								loaded(): boolean;
								queryRenderedFeatures(): { source: string; sourceLayer?: string }[];
							};
						}
					).maplibre;
					if (!m?.loaded()) return 0;
					return m
						.queryRenderedFeatures()
						.filter((f) => f.source === 'basemap' && f.sourceLayer === layer).length;
				}, sourceLayer),
			{ timeout: 30_000 }
		)
		.toBeGreaterThan(0);
}

/** Simulates a full disk for OPFS writes in this page (until it reloads). */
export async function fillTheDisk(page: Page): Promise<void> {
	await page.evaluate(() => {
		FileSystemWritableFileStream.prototype.write = () =>
			Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
	});
}

export interface TileServer {
	origin: string;
	/** Tile paths answered, in order. */
	served: string[];
	/** Answer at most this many more tiles; the rest wait (null: answer all). */
	holdAfter(count: number | null): void;
	close(): Promise<void>;
}

/**
 * A local vector tile server: the style, TileJSON and z/x/y tiles of the test basemap (made
 * from the municipality's GeoJSON), in the OpenMapTiles schema the default basemap uses.
 * Requests the app makes to the default basemap host are answered from it (see routeBasemap).
 */
export async function startTileServer(
	port: number,
	schema: FixtureSchema = 'openmaptiles'
): Promise<TileServer> {
	const tiles = new Map(fixtureTiles(schema).map((t) => [`${t.z}/${t.x}/${t.y}`, t.data]));
	const served: string[] = [];
	let limit: number | null = null;
	const waiting: (() => void)[] = [];
	const host = new URL(DEFAULT_BASEMAP_STYLE).origin;
	const server: Server = createServer((req, res) => {
		const path = req.url ?? '/';
		const json = (body: unknown) => {
			res.writeHead(200, {
				'content-type': 'application/json',
				'access-control-allow-origin': '*'
			});
			res.end(JSON.stringify(body));
		};
		if (path === '/styles/liberty')
			return json({
				version: 8,
				sources: { openmaptiles: { type: 'vector', url: `${host}/planet` } },
				layers: [
					{ id: 'roads', type: 'line', source: 'openmaptiles', 'source-layer': 'transportation' }
				]
			});
		if (path === '/planet')
			return json({
				tilejson: '3.0.0',
				tiles: [`${host}/planet/20261201/{z}/{x}/{y}.pbf`],
				minzoom: 0,
				maxzoom: FIXTURE_ZOOMS.max,
				...fixtureMetadata(schema),
				name: 'planet'
			});
		const tile = /^\/planet\/\d+\/(\d+\/\d+\/\d+)\.pbf$/.exec(path);
		if (!tile) {
			res.writeHead(404).end();
			return;
		}
		const answer = () => {
			served.push(tile[1]!);
			const data = tiles.get(tile[1]!);
			if (!data) return res.writeHead(204).end();
			res.writeHead(200, {
				'content-type': 'application/x-protobuf',
				'content-encoding': 'gzip',
				'access-control-allow-origin': '*'
			});
			res.end(Buffer.from(data));
		};
		if (limit !== null && limit <= 0) waiting.push(answer);
		else {
			if (limit !== null) limit--;
			answer();
		}
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		origin: `http://127.0.0.1:${port}`,
		served,
		holdAfter(count) {
			limit = count;
			if (count === null) waiting.splice(0).forEach((go) => go());
		},
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}

/** The default basemap host's requests go to the local tile server instead. */
export async function routeBasemap(context: BrowserContext, server: TileServer): Promise<void> {
	const host = new URL(DEFAULT_BASEMAP_STYLE).origin;
	await context.route(`${host}/**`, async (route) => {
		const url = route.request().url().replace(host, server.origin);
		try {
			await route.fulfill({ response: await route.fetch({ url, timeout: 0 }) });
		} catch {
			// The page went away (a reload) while the server held the request.
			await route.abort().catch(() => {});
		}
	});
}
