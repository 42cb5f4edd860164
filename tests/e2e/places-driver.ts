import { expect, type Locator, type Page } from '@playwright/test';
import {
	answerPassphrase,
	finishExport,
	openApp,
	readExport,
	statusRegion,
	TEST_PASSPHRASE,
	type ExportProtection
} from './driver';

/** The user's verbs for the place glossary and team exchange (beside driver.ts and notes-driver.ts). */

export interface PlaceSpec {
	name: string;
	aliases?: string[];
	official?: string;
	category?: string;
	/** The kind of institution, e.g. "Shelter"; absent for everyday places. */
	institution?: string;
	neighbourhood?: 'Vesterbro' | 'Nordvest' | 'Sundholm';
	point?: { lat: number; lon: number; radius?: number };
}

export function placeNameField(page: Page): Locator {
	return page.getByRole('textbox', { name: 'Name', exact: true });
}

/** Fills the place form with what is given (on a new or an opened place). */
export async function fillPlace(page: Page, p: Partial<PlaceSpec>): Promise<void> {
	if (p.name !== undefined) await placeNameField(page).fill(p.name);
	for (const alias of p.aliases ?? []) {
		await page.getByRole('textbox', { name: 'Other names (aliases)' }).fill(alias);
		await page.getByRole('button', { name: 'Add name' }).click();
	}
	if (p.official !== undefined) await page.getByLabel('Official name or address').fill(p.official);
	if (p.category) await page.getByLabel('Category').selectOption({ label: p.category });
	if (p.institution) {
		await page.getByLabel('This place is an institution').check();
		await page.getByLabel('Kind of institution').selectOption({ label: p.institution });
	}
	if (p.neighbourhood)
		await page.getByRole('radio', { name: p.neighbourhood, exact: true }).check();
	if (p.point) {
		await page.getByRole('radio', { name: 'A point with a radius' }).check();
		await page.getByLabel('Latitude').fill(String(p.point.lat));
		await page.getByLabel('Latitude').press('Tab');
		await page.getByLabel('Longitude').fill(String(p.point.lon));
		await page.getByLabel('Longitude').press('Tab');
		if (p.point.radius !== undefined) {
			await page.getByLabel('Radius (metres)').fill(String(p.point.radius));
			await page.getByLabel('Radius (metres)').press('Tab');
		}
	}
}

export async function savePlaceForm(page: Page, name: string): Promise<void> {
	await page.getByRole('button', { name: 'Save' }).first().click();
	await expect(statusRegion(page)).toContainText(`“${name}” saved.`);
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Places → New place → fill → Save: ends on the new place's page. */
export async function addPlace(page: Page, p: PlaceSpec): Promise<void> {
	await openApp(page, '/places/edit?new');
	await expect(page.getByRole('heading', { level: 1, name: 'New place' })).toBeVisible();
	await fillPlace(page, p);
	await savePlaceForm(page, p.name);
}

/** Opens a place's page by searching the glossary for its name (or an alias). */
export async function openPlace(page: Page, search: string, name = search): Promise<void> {
	await openApp(page, '/places');
	await page.getByRole('searchbox', { name: /Search places/ }).fill(search);
	await page.getByRole('list', { name: 'Places, by name' }).getByRole('link').first().click();
	await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
}

export async function editPlace(page: Page, name: string, changes: Partial<PlaceSpec>) {
	await openPlace(page, name);
	await page.getByRole('link', { name: 'Edit', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Edit place' })).toBeVisible();
	await fillPlace(page, changes);
	await savePlaceForm(page, changes.name ?? name);
}

/** The names in the Places list, as shown, in order. */
export async function glossaryNames(page: Page): Promise<string[]> {
	await openApp(page, '/places');
	const list = page.getByRole('list', { name: 'Places, by name' });
	await expect(page.getByTestId('places-count')).toBeVisible();
	return (await list.locator('li .name').allInnerTexts()).map((t) => t.trim());
}

/** Everything the Places list and each place page shows, for comparing two devices. */
export async function glossarySnapshot(page: Page): Promise<string[]> {
	const names = await glossaryNames(page);
	const out: string[] = [];
	for (const [i, name] of names.entries()) {
		await openApp(page, '/places');
		await page.getByRole('list', { name: 'Places, by name' }).getByRole('link').nth(i).click();
		await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
		out.push(
			`${name} | ${await page.getByRole('region', { name: 'About the place' }).innerText()}`
		);
	}
	return out;
}

let packages = 0;

/**
 * Settings → Team exchange → Export for team: the downloaded package's path. Encrypted with
 * TEST_PASSPHRASE unless another protection (the team key, plaintext) is asked for.
 */
export async function exportTeamPackage(
	page: Page,
	into: string,
	opts: { notes?: boolean; protection?: ExportProtection; anyway?: boolean } = {}
): Promise<string> {
	await openApp(page, '/settings/team');
	if (opts.notes) await page.getByRole('checkbox', { name: 'Notes' }).check();
	await expect(page.getByTestId('export-summary')).toBeVisible();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export for team' }).click();
	await finishExport(
		page,
		'Export for team',
		opts.protection ?? { passphrase: TEST_PASSPHRASE },
		opts
	);
	const file = await download;
	const path = `${into}/${++packages}-${file.suggestedFilename()}`;
	await file.saveAs(path);
	await expect(statusRegion(page)).toContainText(/(Encrypted team package|Team package) saved as/);
	return path;
}

export interface PackageDocument {
	records: Record<string, Record<string, unknown>[]>;
	[key: string]: unknown;
}

/** The package inside a file (opened with TEST_PASSPHRASE, or the team key given). */
export function readPackage(path: string, teamKey?: string): Promise<PackageDocument> {
	return readExport<PackageDocument>(path, teamKey ? { teamKey } : {});
}

/**
 * Chooses a package file on the import input: the preview (or an error) shows; nothing is written
 * yet. A package sealed with a passphrase is opened with the one given.
 */
export async function chooseTeamPackage(
	page: Page,
	file: string | { name: string; buffer: Buffer },
	passphrase?: string
): Promise<void> {
	await openApp(page, '/settings/team');
	const input = page.getByLabel('Choose a team package');
	if (typeof file === 'string') await input.setInputFiles(file);
	else await input.setInputFiles({ ...file, mimeType: 'application/json' });
	if (passphrase !== undefined) await answerPassphrase(page, passphrase);
}

/** Settings → Team exchange → Generate a team key → Use this key: the key, to share. */
export async function generateTeamKey(page: Page): Promise<string> {
	await openApp(page, '/settings/team');
	await page.getByRole('button', { name: 'Generate a team key' }).click();
	const key = (await page.getByTestId('team-key-new').innerText()).trim();
	await page.getByRole('button', { name: 'Use this key' }).click();
	await expect(statusRegion(page)).toContainText(/Team key [0-9A-Z]{4}-[0-9A-Z]{4} saved\./);
	return key;
}

/** Settings → Team exchange → Enter a key I received. */
export async function enterTeamKey(page: Page, key: string): Promise<void> {
	await openApp(page, '/settings/team');
	await page.getByRole('button', { name: 'Enter a key I received' }).click();
	await page.getByLabel('Team key', { exact: true }).fill(key);
	await page.getByRole('button', { name: 'Save key' }).click();
	await expect(statusRegion(page)).toContainText(/Team key [0-9A-Z]{4}-[0-9A-Z]{4} saved\./);
}

export function importPreview(page: Page): Locator {
	return page.getByTestId('import-preview');
}

export async function confirmImport(page: Page): Promise<void> {
	await importPreview(page).getByRole('button', { name: 'Import', exact: true }).click();
	await expect(statusRegion(page)).toContainText('Imported from');
}

/** Chooses a package and imports it; every conflict must already be settled by the caller. */
export async function importTeamPackage(
	page: Page,
	file: string,
	passphrase?: string
): Promise<void> {
	await chooseTeamPackage(page, file, passphrase);
	await expect(importPreview(page)).toBeVisible();
	await confirmImport(page);
}

export function conflictCard(page: Page): Locator {
	return page.getByRole('article', { name: /Conflict \d+ of \d+/ });
}

export async function settleConflict(
	page: Page,
	choice: 'Keep mine' | 'Take theirs' | 'Keep both'
): Promise<void> {
	await conflictCard(page).getByRole('button', { name: choice }).click();
	await expect(conflictCard(page).getByRole('button', { name: choice })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
}

/**
 * How many glossary places the Map screen draws: single dots, plus the places inside each ring
 * of places too close to tell apart at the zoom shown (MapLibre's clusters).
 */
export function placesDrawn(page: Page): Promise<number> {
	return page
		.locator('.map')
		.first()
		.evaluate((el) => {
			type Feature = { properties: Record<string, unknown> };
			const map = (
				el as HTMLElement & {
					maplibre?: {
						getLayer(id: string): unknown;
						queryRenderedFeatures(o: object): Feature[];
					};
				}
			).maplibre;
			const drawn = (id: string) =>
				map?.getLayer(id) ? map.queryRenderedFeatures({ layers: [id] }) : [];
			const rings = drawn('glossary-places-cluster');
			return (
				drawn('glossary-places-dot').length +
				rings.reduce((n, f) => n + Number(f.properties.point_count ?? 0), 0)
			);
		});
}

/** Taps the Map screen's map where `lon`, `lat` is drawn (a place's dot). */
export async function tapMapAt(page: Page, lon: number, lat: number): Promise<void> {
	const map = page.locator('.map').first();
	const at = await map.evaluate(
		(el, ll) => {
			const m = (
				el as HTMLElement & {
					maplibre?: { project(ll: [number, number]): { x: number; y: number } };
				}
			).maplibre;
			return m ? m.project(ll) : null;
		},
		[lon, lat] as [number, number]
	);
	if (!at) throw new Error('the map is not ready');
	await map.click({ position: { x: at.x, y: at.y } });
}
