import { expect, test } from './fixtures';
import {
	boundaryMap,
	expectAppReady,
	foreignRequests,
	goOffline,
	gotoSection,
	KK_KVARTERER,
	loadApp,
	recordRequests,
	sectionNames,
	waitForServiceWorker
} from './driver';

// This spec needs the service worker (the rest run without it: see playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

test('after one visit the whole app works with the network off, served by the service worker', async ({
	page,
	context
}) => {
	const requests = recordRequests(context);
	await loadApp(page);
	await waitForServiceWorker(page);

	await goOffline(page, context);
	const failed = new Map<string, string>();
	const answered = new Set<string>();
	const notFromWorker: string[] = [];
	page.on('requestfailed', (r) => failed.set(r.url(), r.failure()?.errorText ?? ''));
	page.on('response', (r) => {
		answered.add(r.url());
		if (!r.fromServiceWorker()) notFromWorker.push(r.url());
	});

	await page.reload();
	await expectAppReady(page);
	await expect(page.getByRole('main').getByRole('link', { name: 'New note' })).toBeVisible();

	// Every section in the navigation, reached by tapping it and by opening its address directly.
	const sections = await sectionNames(page);
	expect(sections).toContain('Settings');
	for (const name of sections) {
		await gotoSection(page, name);
		const path = new URL(page.url()).pathname;
		await loadApp(page, path);
		await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	}

	await loadApp(page, '/settings/trash');
	await expect(page.getByRole('heading', { level: 1, name: 'Trash' })).toBeVisible();
	await expect(page.getByText('The trash is empty.')).toBeVisible();

	// The map screen: MapLibre and its worker come from the precache, the basemap is not asked for.
	await loadApp(page, '/settings/boundaries');
	await expect(page.getByRole('heading', { level: 1, name: 'Import boundaries' })).toBeVisible();
	await page.getByLabel('Choose a GeoJSON file').setInputFiles(KK_KVARTERER);
	await expect(boundaryMap(page).locator('canvas')).toBeVisible();
	await expect(boundaryMap(page)).toHaveAttribute('data-offline', 'true');
	await expect(page.getByText('Offline map: the basemap cannot load')).toBeVisible();

	// A request the page cancelled (net::ERR_ABORTED, e.g. a map worker it no longer needs) is no
	// miss as long as the same file was answered; anything else that failed is one.
	const missed = [...failed]
		.filter(([url, error]) => error !== 'net::ERR_ABORTED' || !answered.has(url))
		.map(([url, error]) => `${url} (${error})`);
	expect(missed, 'requests the service worker could not answer').toEqual([]);
	expect(notFromWorker, 'responses that did not come from the service worker').toEqual([]);
	expect(requests.length).toBeGreaterThan(10);
	expect(foreignRequests(requests), 'requests to another host').toEqual([]);
});
