import { mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from './fixtures';
import {
	alertRegion,
	chooseLanguage,
	DESKTOP,
	foreignRequests,
	goOffline,
	openApp,
	PHONE,
	recordRequests,
	startDemo,
	statusRegion,
	waitForServiceWorker
} from './driver';
import {
	expectStoredMapDrawn,
	fillTheDisk,
	importMapFile,
	offlineMapSection,
	routeBasemap,
	startTileServer
} from './basemap-driver';
import { runAxe } from './axe';
import { makeBasemapArchive } from '../basemap-fixture';

const HOSTILE_NAME = `Stedsans test basemap <img src=x onerror="document.title='pwned'">`;

const OUT = 'tests/.out/screens';
mkdirSync(OUT, { recursive: true });
const PORT = Number(process.env.BASEMAP_TILE_PORT ?? 4310);

/** Screenshots at phone and desktop size, of the page or of one part of it. */
async function shot(page: Page, name: string, part?: Locator): Promise<void> {
	for (const [size, viewport] of [
		['phone', PHONE],
		['desktop', DESKTOP]
	] as const) {
		await page.setViewportSize(viewport);
		const path = `${OUT}/offline-map-${name}-${size}.png`;
		if (part) await part.screenshot({ path });
		else await page.screenshot({ path });
	}
}

async function noSeriousAxe(page: Page): Promise<void> {
	const bad = (await runAxe(page)).violations.filter(
		(v) => v.impact === 'serious' || v.impact === 'critical'
	);
	expect(bad.map((v) => `${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

test.describe('with the service worker', () => {
	test.use({ serviceWorkers: 'allow' });

	test('an imported map draws streets on every map screen, offline too, and no map request leaves the device', async ({
		page,
		context
	}) => {
		test.setTimeout(300_000);
		await openApp(page, '/settings');
		await waitForServiceWorker(page);
		const section = offlineMapSection(page);
		// Its name carries markup, as a hostile file's might: it is shown as text, never as HTML.
		const archive = makeBasemapArchive({ dataDate: '2020-06-01T00:00:00Z', name: HOSTILE_NAME });

		// Bad input: a clear message, and nothing stored.
		await importMapFile(page, 'half.pmtiles', archive.slice(0, archive.length - 2000));
		await expect(
			alertRegion(page).filter({ hasText: 'The file is incomplete' }).first()
		).toBeVisible();
		await expect(section.getByText('No offline map is stored.')).toBeVisible();

		await importMapFile(page, 'copenhagen.pmtiles', archive);
		await expect(statusRegion(page)).toContainText('Offline map stored: Stedsans test basemap');
		await expect(section.getByText('covers Vesterbro, Nordvest, Sundholm')).toBeVisible();
		// Data from 2020: more than a year old.
		await expect(section.getByText('more than a year old')).toBeVisible();

		// A full disk while saving another: the message, and the stored map as it was.
		await fillTheDisk(page);
		await importMapFile(
			page,
			'newer.pmtiles',
			makeBasemapArchive({ dataDate: '2026-11-01T00:00:00Z' })
		);
		await expect(section.getByRole('alert')).toContainText('no room for the map');
		await expect(section.getByText('more than a year old')).toBeVisible();
		await page.reload();
		await noSeriousAxe(page);
		await shot(page, 'settings-en', section);
		await chooseLanguage(page, 'Dansk');
		await expect(section.getByRole('heading', { name: 'Offlinekort' })).toBeVisible();
		await shot(page, 'settings-da', section);
		await chooseLanguage(page, 'English');

		await startDemo(page);
		const requests = recordRequests(context);
		// Online, the stored map is drawn and the basemap host is not asked.
		await openApp(page, '/map');
		await expectStoredMapDrawn(page, 'roads');

		await goOffline(page, context);
		await page.reload();
		await expectStoredMapDrawn(page, 'roads');
		await expect(page.getByText('Offline map: the basemap cannot load')).toBeHidden();
		await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText(
			'© OpenStreetMap contributors'
		);
		await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText(HOSTILE_NAME);
		await expect(page.locator('.maplibregl-ctrl-attrib img')).toHaveCount(0);
		expect(await page.title()).not.toBe('pwned');
		await shot(page, 'map');

		// Places: a place's page with its map.
		await openApp(page, '/places');
		await page.getByRole('list', { name: 'Places, by name' }).getByRole('link').first().click();
		await expectStoredMapDrawn(page, 'roads');
		await shot(page, 'place');

		// Replay of a recorded demo day.
		await openApp(page, '/follow');
		const day = page
			.getByRole('list', { name: 'Follow-along days' })
			.getByRole('link')
			.filter({ hasText: 'Recorded by GPS' })
			.first();
		const href = (await day.getAttribute('href'))!;
		await openApp(page, href.replace('/follow/day', '/follow/replay'));
		await expectStoredMapDrawn(page, 'roads');
		await shot(page, 'replay');

		await openApp(page, '/heatmaps');
		await expectStoredMapDrawn(page, 'roads');
		await shot(page, 'heatmaps');

		expect(foreignRequests(requests), 'requests that left the app').toEqual([]);
	});
});

test('the field area downloads from the basemap host, resumes after a reload, and is drawn', async ({
	page,
	context
}) => {
	test.setTimeout(180_000);
	const server = await startTileServer(PORT);
	try {
		await routeBasemap(context, server);
		await openApp(page, '/settings');
		const section = offlineMapSection(page);
		await section.getByRole('button', { name: 'Check the size' }).click();
		const estimate = section.getByTestId('download-estimate');
		await expect(estimate).toContainText(/\d+ tiles from OpenFreeMap \(planet\), about/);
		const total = Number(/(\d+) tiles/.exec((await estimate.innerText()) ?? '')![1]);
		await shot(page, 'download-estimate', section);

		// The host stops answering after ten tiles; the app is reloaded part-way.
		server.holdAfter(10);
		await section.getByRole('button', { name: 'Download', exact: true }).click();
		await expect(section.getByTestId('download-progress')).toContainText(`10 of ${total} tiles`);
		await page.reload();
		await expect(section.getByText(`A download stopped at 10 of ${total} tiles.`)).toBeVisible();
		await shot(page, 'download-interrupted', section);
		server.holdAfter(null);
		const before = server.served.length;
		await section.getByRole('button', { name: 'Resume download' }).click();
		await expect(statusRegion(page)).toContainText('Field area downloaded and stored');
		await expect(section.getByText('OpenFreeMap (planet)')).toBeVisible();
		// Each tile was fetched once: the ten kept across the reload were not asked again.
		const resumed = server.served.slice(before);
		expect(new Set(resumed).size).toBe(resumed.length);
		expect(resumed.length).toBe(total - 10);

		await openApp(page, '/map');
		await expectStoredMapDrawn(page, 'transportation');
		await shot(page, 'downloaded-map');
	} finally {
		await server.close();
	}
});
