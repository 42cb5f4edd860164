import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { HEAT_OPACITY, hexToRgb, VIRIDIS } from '../../src/lib/map/viridis';
import { readDemoRecords } from './demo-db';
import { countColouredPixels, openApp } from './driver';

/** The Heatmaps screen's verbs, in English or Danish. */

export const AREAS = {
	vesterbro: /^Vesterbro$/,
	nordvest: /^Nordvest$/,
	sundholm: /^Sundholm$/,
	all: /^(All three|Alle tre)$/
} as const;
export type Area = keyof typeof AREAS;

export async function openHeatmaps(page: Page): Promise<void> {
	await openApp(page, '/notes');
	const name = /^(Heatmaps|Varmekort)$/;
	const link = page.getByRole('navigation').getByRole('link', { name });
	// On a phone Heatmaps is under More (the bar holds five items).
	if (await link.isVisible()) await link.click();
	else {
		await page.getByRole('button', { name: /^(More|Mere)$/ }).click();
		await page.getByRole('dialog').getByRole('link', { name }).click();
	}
	await expect(
		page.getByRole('heading', { level: 1, name: /^(Heatmaps|Varmekort)$/ })
	).toBeVisible();
}

export function areaTab(page: Page, area: Area): Locator {
	return page.getByRole('tablist').getByRole('tab', { name: AREAS[area] });
}

export async function chooseArea(page: Page, area: Area): Promise<void> {
	await areaTab(page, area).click();
	await expect(areaTab(page, area)).toHaveAttribute('aria-selected', 'true');
}

export function heatmapMap(page: Page): Locator {
	return page.getByRole('region', { name: /^(Heatmap of|Varmekort over) / });
}

export function computeButton(page: Page): Locator {
	return page.getByRole('button', { name: /^(Compute|Beregn)$/ });
}

/** Compute, and wait until the map's report is there. */
export async function computeHeatmap(page: Page): Promise<void> {
	await computeButton(page).click();
	await expect(page.getByRole('status')).toContainText(/Heatmap computed|Varmekortet er beregnet/, {
		timeout: 60_000
	});
	await expect(report(page)).toBeVisible();
}

export function report(page: Page): Locator {
	return page.getByTestId('heat-report');
}

/** A fact of the disclosure report, by its label ("Cells shown"). */
export async function reportValue(page: Page, label: RegExp): Promise<string> {
	const row = report(page)
		.locator('div')
		.filter({ has: page.locator('dt', { hasText: label }) });
	return (await row.locator('dd').innerText()).trim();
}

/** Waits until MapLibre has drawn everything it was given (no tiles or sources pending). */
export async function mapIdle(page: Page): Promise<void> {
	await expect(page.locator('.map canvas').first()).toBeVisible();
	await page.waitForFunction(() => {
		const el = document.querySelector('.map') as
			(HTMLElement & { maplibre?: { loaded(): boolean; isMoving(): boolean } }) | null;
		return !!el?.maplibre && el.maplibre.loaded() && !el.maplibre.isMoving();
	});
}

/**
 * The viridis stops as they look drawn at the map's opacity over the offline background (the
 * tests have no network, so the map shows its own style), for counting shaded pixels.
 */
export const SHADED_COLOURS = VIRIDIS.map((hex) => {
	const bg = hexToRgb('#e8ece4');
	const blended = hexToRgb(hex).map((v, i) =>
		Math.round(v * HEAT_OPACITY + bg[i]! * (1 - HEAT_OPACITY))
	);
	return '#' + blended.map((v) => v.toString(16).padStart(2, '0')).join('');
});

/** Pixels of the map drawn in a heatmap colour: zero on a grey or empty map. */
export async function shadedPixels(page: Page): Promise<number> {
	await mapIdle(page);
	const counts = await countColouredPixels(page, heatmapMap(page), SHADED_COLOURS, 36);
	return counts.reduce((a, b) => a + b, 0);
}

/** Features drawn by the heatmap's cell layer, as MapLibre reports them. */
export function drawnCells(page: Page): Promise<number> {
	return page.locator('.map').evaluate((el) => {
		const map = (el as HTMLElement & { maplibre?: { queryRenderedFeatures(o: object): unknown[] } })
			.maplibre;
		return map?.queryRenderedFeatures({ layers: ['heat-cells-fill'] }).length ?? 0;
	});
}

const EXPORTS = {
	png: /^(Image \(PNG\)|Billede \(PNG\))$/,
	geojson: /^(Cells \(GeoJSON\)|Celler \(GeoJSON\))$/,
	csv: /^(Cells and values \(CSV\)|Celler og værdier \(CSV\))$/,
	report: /^(Report \(Markdown\)|Rapport \(Markdown\))$/
} as const;
export type HeatExport = keyof typeof EXPORTS;

export function exportButton(page: Page, format: HeatExport): Locator {
	return page.getByRole('button', { name: EXPORTS[format] });
}

export async function saveDownload(file: Download, dir: string): Promise<string> {
	const path = `${dir}/${file.suggestedFilename()}`;
	await file.saveAs(path);
	return path;
}

export function notForPublicationDialog(page: Page): Locator {
	return page.getByRole('dialog', { name: /^(Not for publication|Ikke til publicering)$/ });
}

/** Whose places: one participant's (the first one offered); returns their code. */
export async function showOneParticipant(page: Page): Promise<string> {
	await page
		.getByRole('radio', { name: /One participant’s everyday places|Én deltagers hverdagssteder/ })
		.check();
	const select = page.getByLabel(/^(Participant|Deltager)$/);
	await select.selectOption({ index: 1 });
	return (await select.locator('option:checked').innerText()).trim();
}

export async function chooseMetric(page: Page, metric: 'time' | 'notes' | 'person-days') {
	const name = {
		time: /^(Time spent|Tid brugt)$/,
		notes: /^(Located notes|Noter med sted)$/,
		'person-days': /^(Person-days|Persondage)$/
	}[metric];
	await page.getByRole('radio', { name }).check();
}

export async function chooseResolution(page: Page, resolution: number): Promise<void> {
	const select = page.getByLabel(/^(Grid|Gitter)$/);
	const option = select.locator('option', {
		hasText: new RegExp(`\\((level|niveau) ${resolution}\\)$`)
	});
	await select.selectOption((await option.getAttribute('value'))!);
}

/** The Web Workers the page has started, by script file name (e.g. "heatmap.worker-….js"). */
export function workerScripts(page: Page): string[] {
	return page.workers().map((w) => new URL(w.url()).pathname.split('/').pop() ?? '');
}

/**
 * For each hexagon ([lon, lat] ring), the distinct participants (who may enter maps) with a
 * recorded fix inside it, and the distinct Copenhagen days of those fixes: read straight from the
 * demo workspace's database (synthetic data, stored unencrypted), independently of the app.
 */
export async function participantsAndDaysPerHexagon(
	page: Page,
	rings: number[][][]
): Promise<{ participants: number; days: number }[]> {
	const { people, days, fixes } = await readDemoRecords(page);
	const mayEnter = new Set(
		people
			.filter((p) => {
				const c = p.payload as { consent: { aggregate: boolean }; withdrawnAt: number | null };
				return p.deletedAt === null && c.consent.aggregate && c.withdrawnAt === null;
			})
			.map((p) => p.id)
	);
	const personOf = new Map(days.map((d) => [d.id, d.payload.participantId as string | null]));
	const inside = (ring: number[][], lon: number, lat: number) => {
		let odd = false;
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi, yi] = ring[i]!;
			const [xj, yj] = ring[j]!;
			if (yi! > lat !== yj! > lat && lon < ((xj! - xi!) * (lat - yi!)) / (yj! - yi!) + xi!)
				odd = !odd;
		}
		return odd;
	};
	const dayOf = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' });
	const found = rings.map(() => ({ people: new Set<string>(), days: new Set<string>() }));
	for (const c of fixes) {
		const person = personOf.get(c.followAlongId);
		if (c.deletedAt !== null || !person || !mayEnter.has(person)) continue;
		for (let i = 0; i < c.t.length; i++) {
			if ((c.src[i]! & 0x7f) === 3) continue; // reconstructed: not counted by default
			rings.forEach((ring, k) => {
				if (!inside(ring, c.lon[i]!, c.lat[i]!)) return;
				found[k]!.people.add(person);
				found[k]!.days.add(dayOf.format(c.t[i]!));
			});
		}
	}
	return found.map((f) => ({ participants: f.people.size, days: f.days.size }));
}

export function notForPublicationBadge(page: Page): Locator {
	return page.getByTestId('heat-not-for-publication');
}
