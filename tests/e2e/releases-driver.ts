import { expect, type Locator, type Page } from '@playwright/test';
import { cellToParent, latLngToCell } from 'h3-js';
import { readFileSync } from 'node:fs';
import { readDemoRecords } from './demo-db';
import { openApp, statusRegion } from './driver';
import { saveDownload } from './heatmaps-driver';

/** The verbs of releases (Heatmaps → Release, Published maps) and of purging a participant. */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Release the shown map under a title; waits until the app says it is released. */
export async function releaseMap(page: Page, title: string): Promise<void> {
	const button = page.getByRole('button', { name: /^(Release this map…|Udgiv dette kort…)$/ });
	await expect(button).toBeEnabled({ timeout: 30_000 });
	await button.click();
	const dialog = page.getByRole('dialog', { name: /^(Release|Udgiv) / });
	await dialog.getByLabel(/^(Title|Titel)$/).fill(title);
	await dialog.getByRole('button', { name: /^(Release|Udgiv)$/ }).click();
	await expect(statusRegion(page)).toContainText(
		new RegExp(`(Released|Udgav) “${escape(title)}”`),
		{ timeout: 90_000 }
	);
}

export async function openPublished(page: Page): Promise<void> {
	await openApp(page, '/heatmaps/published');
	await expect(
		page.getByRole('heading', { level: 1, name: /^(Published maps|Publicerede kort)$/ })
	).toBeVisible();
}

export function publishedRelease(page: Page, title: string): Locator {
	return page.getByRole('article', { name: title });
}

const FILES = {
	svg: /^(Print \(SVG\)|Tryk \(SVG\))$/,
	png: /^(Print \(PNG, 300 dpi\)|Tryk \(PNG, 300 dpi\))$/,
	geojson: /^(Cells \(GeoJSON\)|Celler \(GeoJSON\))$/,
	csv: /^(Cells and classes \(CSV\)|Celler og klasser \(CSV\))$/,
	report: /^(Report \(Markdown\)|Rapport \(Markdown\))$/
} as const;

/** Published maps → the release's file: saved into `dir` under a name of its own. */
export async function downloadReleased(
	page: Page,
	title: string,
	format: keyof typeof FILES,
	dir: string
): Promise<string> {
	const download = page.waitForEvent('download');
	await publishedRelease(page, title).getByRole('button', { name: FILES[format] }).click();
	const file = await download;
	return saveDownload(file, dir);
}

export interface Released {
	resolution: number;
	/** Each released cell's class; `to` is Infinity for the top class. */
	cells: Map<string, { from: number; to: number }>;
}

/** What anyone holding the released GeoJSON knows: the cells (from their hexagons) and classes. */
export function readReleased(path: string): Released {
	const fc = JSON.parse(readFileSync(path, 'utf8')) as {
		resolution: number;
		features: {
			geometry: { coordinates: number[][][] };
			properties: Record<string, unknown>;
		}[];
	};
	const cells = new Map<string, { from: number; to: number }>();
	for (const f of fc.features) {
		expect(Object.keys(f.properties).sort()).toEqual(['class', 'from', 'to', 'unit']);
		const ring = f.geometry.coordinates[0]!.slice(0, -1);
		const lat = ring.reduce((s, p) => s + p[1]!, 0) / ring.length;
		const lon = ring.reduce((s, p) => s + p[0]!, 0) / ring.length;
		cells.set(latLngToCell(lat, lon, fc.resolution), {
			from: f.properties.from as number,
			to: (f.properties.to as number | null) ?? Infinity
		});
	}
	return { resolution: fc.resolution, cells };
}

/** The subtraction across grids: per coarse cell, what its hidden children must at least hold. */
export function hiddenAtLeast(coarse: Released, fine: Released): Map<string, number> {
	const out = new Map<string, number>();
	for (const [parent, band] of coarse.cells) {
		const children = [...fine.cells].filter(([c]) => cellToParent(c, coarse.resolution) === parent);
		if (children.length) out.set(parent, band.from - children.reduce((s, [, b]) => s + b.to, 0));
	}
	return out;
}

/**
 * A participant of the demo workspace, by code (read straight from its database): their id, and
 * the resolution-`res` cells of their fixes.
 */
export async function followedParticipant(
	page: Page,
	code: string,
	res = 9
): Promise<{ id: string; code: string; cells: Set<string> }> {
	const { people, days, fixes } = await readDemoRecords(page);
	const p = people.find((r) => r.payload.code === code)!;
	const theirs = new Set(days.filter((d) => d.payload.participantId === p.id).map((d) => d.id));
	const points = fixes
		.filter((c) => theirs.has(c.followAlongId))
		.flatMap((c) => c.lat.map((lat, i) => [lat, c.lon[i]!] as const));
	return {
		id: p.id,
		code: String(p.payload.code),
		cells: new Set(points.map(([lat, lon]) => latLngToCell(lat, lon, res)))
	};
}

/** Whether the demo database still holds a participant, or any follow-along of theirs. */
export function stillStored(
	page: Page,
	id: string
): Promise<{ participant: boolean; days: number }> {
	return page.evaluate(async (id) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const r = indexedDB.open('stedsans-demo');
			r.onsuccess = () => resolve(r.result);
			r.onerror = () => reject(r.error);
		});
		const get = <T>(req: IDBRequest<T>) =>
			new Promise<T>((resolve, reject) => {
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
		const participant = await get(
			db.transaction('participants').objectStore('participants').get(id)
		);
		const days = await get(
			db.transaction('followAlongs').objectStore('followAlongs').index('participantId').count(id)
		);
		db.close();
		return { participant: participant !== undefined, days };
	}, id);
}

async function participantsPage(page: Page): Promise<void> {
	await openApp(page, '/notes/participants');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Participants → Withdraw; the offer to delete their records is declined. */
export async function withdraw(page: Page, code: string): Promise<void> {
	await participantsPage(page);
	await page
		.getByRole('button', { name: new RegExp(`^(Withdraw ${code}|Træk ${code} tilbage)$`) })
		.click();
	await page
		.getByRole('dialog')
		.getByRole('button', { name: /^(Withdraw|Træk tilbage)$/ })
		.click();
	// Withdrawal is one step: no deletion is chained to it; the card says so.
	await expect(statusRegion(page)).toContainText(new RegExp(`${code} (has withdrawn|har trukket)`));
	await expect(page.getByRole('dialog')).toHaveCount(0);
}

/** Participants → Delete for good (a withdrawn participant), confirmed. */
export async function purge(page: Page, code: string): Promise<void> {
	await participantsPage(page);
	await page
		.getByRole('button', { name: new RegExp(`^(Delete|Slet) ${code} .*(for good|for altid)$`) })
		.click();
	await page
		.getByRole('dialog')
		.getByRole('button', { name: /^(Delete for good|Slet for altid)$/ })
		.click();
	await expect(statusRegion(page)).toContainText(/was deleted for good|blev slettet for altid/);
}
