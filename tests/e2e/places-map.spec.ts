import { expect, test, type Page } from './fixtures';
import { openApp, statusRegion } from './driver';
import { addPlace, glossaryNames, openPlace, placesDrawn, tapMapAt } from './places-driver';

/** How many features of a layer the map has drawn (0 for a grey, empty map). */
function drawn(page: Page, layer: string): Promise<number> {
	return page
		.locator('.map')
		.first()
		.evaluate((el, id) => {
			const map = (
				el as HTMLElement & {
					maplibre?: { getLayer(id: string): unknown; queryRenderedFeatures(o: object): unknown[] };
				}
			).maplibre;
			return map?.getLayer(id) ? map.queryRenderedFeatures({ layers: [id] }).length : 0;
		}, layer);
}

test('the known institutions start as guesses and are dragged to the right spot', async ({
	page
}) => {
	await openApp(page, '/places');
	await page.getByRole('button', { name: 'Add 14 known institutions' }).click();
	await expect(statusRegion(page)).toContainText('14 known institutions added.');
	await expect(page.getByRole('button', { name: /known institutions/ })).toHaveCount(0);
	expect(await glossaryNames(page)).toContain('H17');

	await openPlace(page, 'Fixerummet', 'H17');
	// Its description in the UI's language only (stored in both, for every device to add the same).
	const facts = page.getByRole('region', { name: 'About the place' });
	await expect(facts).toContainText('Supervised drug consumption room');
	await expect(facts).not.toContainText('Stofindtagelsesrum: her indtager');
	const verify = page.getByRole('note');
	await expect(verify).toContainText('Position to verify');
	await expect.poll(() => drawn(page, 'place-page-buffers-fill')).toBeGreaterThan(0);
	const pin = page.getByLabel('Position of H17');
	await expect(pin).toBeVisible();
	await page.getByRole('region', { name: 'Map of H17' }).scrollIntoViewIfNeeded();
	const box = (await pin.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 30, { steps: 8 });
	await page.mouse.up();
	await expect(statusRegion(page)).toContainText('New position saved.');
	await expect(verify).toHaveCount(0);
	const history = page.getByRole('region', { name: 'History' });
	await expect(history.getByRole('listitem').first()).toContainText(
		'Location: Point 55.66980, 12.55940'
	);
	await expect(history.getByRole('listitem').first()).toContainText(
		/Position to verify:\s*yes\s*→\s*changed to\s*no/
	);
});

test('the glossary on the map: places by category, institutions with their buffer, filters', async ({
	page
}) => {
	await addPlace(page, {
		name: 'Bænken',
		category: 'Hangout',
		neighbourhood: 'Sundholm',
		point: { lat: 55.6588, lon: 12.5985, radius: 20 }
	});
	await openApp(page, '/places');
	await page.getByRole('button', { name: 'Add 14 known institutions' }).click();
	await expect(statusRegion(page)).toContainText('added');

	await openApp(page, '/map');
	const panel = page.getByRole('region', { name: 'Place glossary' });
	await expect(panel.getByLabel('Show places (7)')).toBeChecked();
	await expect.poll(() => placesDrawn(page)).toBe(7);
	await expect.poll(() => drawn(page, 'glossary-buffers-fill')).toBeGreaterThan(0);

	await panel.getByLabel('Neighbourhood').selectOption({ label: 'Sundholm' });
	await expect(panel.getByLabel('Show places (2)')).toBeVisible();
	await panel.getByLabel('Category').selectOption({ label: 'Hangout' });
	await expect(panel.getByLabel('Show places (1)')).toBeVisible();
	await expect.poll(() => placesDrawn(page)).toBe(1);
	// A tap on the place's dot opens the place, not the cell under it.
	await tapMapAt(page, 12.5985, 55.6588);
	await expect(page.getByTestId('map-place')).toContainText('Bænken');

	await panel.getByLabel(/Show the 150 m buffer/).uncheck();
	await panel.getByLabel('Category').selectOption({ label: 'All categories' });
	await expect.poll(() => drawn(page, 'glossary-buffers-fill')).toBe(0);
});
