import { expect, test } from './fixtures';
import {
	boundaryMap,
	chooseBoundaryFile,
	countColouredPixels,
	KK_ATTRIBUTION,
	openApp,
	outlineEntry,
	saveBoundaries,
	statusRegion
} from './driver';

const COLOURS = { vesterbro: '#1b7f6b', nordvest: '#8a4fbf', sundholm: '#c4572a' };

test('the municipality’s neighbourhoods are imported, shown on a map and assigned', async ({
	page
}) => {
	await chooseBoundaryFile(page);

	// The map renders offline-styled (the basemap host is unreachable in tests) with the areas on it.
	const map = boundaryMap(page);
	await expect(map.locator('canvas')).toBeVisible();
	await expect(map).toHaveAttribute('data-offline', 'true');
	await expect(page.getByText('Offline map: the basemap cannot load')).toBeVisible();
	const pixels = () => countColouredPixels(page, map, Object.values(COLOURS));
	await expect
		.poll(async () => Math.min(...(await pixels())), {
			message: 'every neighbourhood’s colour is drawn on the map',
			timeout: 20_000
		})
		.toBeGreaterThan(50);
	const [vesterbro, nordvest, sundholm] = await pixels();
	expect(vesterbro, 'Vesterbro outline').toBeGreaterThan(200);
	expect(nordvest, 'Nordvest outline').toBeGreaterThan(100);
	expect(sundholm, 'Sundholm outline').toBeGreaterThan(50);
	await page.screenshot({ path: 'tests/.out/boundaries-import-map.png', fullPage: true });

	// The suggested assignment: the four Vesterbro areas, Nordvest, and Sundholmsvejs kvarteret.
	for (const area of ['Vesterbro vest', 'Vesterbro central', 'Vesterbro øst', 'Vesterbro syd'])
		await expect(page.getByLabel(area, { exact: true })).toHaveValue('vesterbro');
	await expect(page.getByLabel('Nordvest', { exact: true })).toHaveValue('nordvest');
	await expect(page.getByLabel('Sundholmsvejs kvarteret', { exact: true })).toHaveValue('sundholm');
	await expect(page.getByLabel('Attribution', { exact: true })).toHaveValue(KK_ATTRIBUTION);

	await saveBoundaries(page, 3);
	for (const name of ['Vesterbro', 'Nordvest', 'Sundholm']) {
		const entry = outlineEntry(page, name);
		await expect(entry).toContainText('Imported from kk_kvarterer_subset_4326.geojson');
		await expect(entry).toContainText(KK_ATTRIBUTION);
	}

	// Back to the approximate outline: the imported one goes to the trash and can be restored…
	await outlineEntry(page, 'Vesterbro')
		.getByRole('button', { name: 'Use the approximate outline again' })
		.click();
	await expect(statusRegion(page)).toContainText('Back to the approximate outline.');
	await expect(outlineEntry(page, 'Vesterbro')).toContainText(
		'Approximate outline drawn by Stedsans.'
	);
	await openApp(page, '/settings/trash');
	const item = page
		.getByRole('listitem')
		.filter({ hasText: 'Outline of Vesterbro (kk_kvarterer_subset_4326.geojson)' });
	await expect(item).toHaveCount(1);
	await item.getByRole('button', { name: 'Restore' }).click();
	await expect(statusRegion(page)).toContainText('Restored.');
	await openApp(page, '/settings');
	await expect(outlineEntry(page, 'Vesterbro')).toContainText(
		'Imported from kk_kvarterer_subset_4326.geojson'
	);

	// …or brought back at once with Undo.
	await outlineEntry(page, 'Vesterbro')
		.getByRole('button', { name: 'Use the approximate outline again' })
		.click();
	await expect(outlineEntry(page, 'Vesterbro')).toContainText(
		'Approximate outline drawn by Stedsans.'
	);
	await statusRegion(page).getByRole('button', { name: 'Undo' }).click();
	await expect(outlineEntry(page, 'Vesterbro')).toContainText(
		'Imported from kk_kvarterer_subset_4326.geojson'
	);
});

test('a file that is not GeoJSON is refused with a message, and nothing changes', async ({
	page
}) => {
	await openApp(page, '/settings/boundaries');
	await page.getByLabel('Choose a GeoJSON file').setInputFiles({
		name: 'notes.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"type": "Feature"}')
	});
	await expect(page.getByRole('alert')).toContainText('This is not a GeoJSON FeatureCollection');
	await expect(boundaryMap(page)).toHaveCount(0);
	await openApp(page, '/settings');
	await expect(outlineEntry(page, 'Sundholm')).toContainText(
		'Approximate outline drawn by Stedsans.'
	);
});
