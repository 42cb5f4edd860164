import { cellToParent, latLngToCell } from 'h3-js';
import { computeHeatmap } from '$lib/domain/heatmap/compute';
import { releaseGeoJson } from '$lib/domain/heatmap/release-files';
import { checkRelease, type EarlierRelease } from '$lib/domain/heatmap/releases';
import type { HeatmapArea, HeatmapInput, HeatmapOptionsInput } from '$lib/domain/heatmap/schema';

/*
 * For the release tests: making releases as the app does, and reading them back as an attacker
 * would — from the released GeoJSON only.
 */

let clock = Date.UTC(2026, 5, 1);

/** Computes and checks a map against the earlier releases, as the app does before a release. */
export function release(
	input: HeatmapInput,
	options: HeatmapOptionsInput,
	area: HeatmapArea,
	earlier: readonly EarlierRelease[] = []
): EarlierRelease {
	const result = computeHeatmap(input, { ...options, evidence: true });
	const statement = checkRelease(result.maps[area], result.evidence!, earlier);
	clock += 60_000;
	return { ...statement, id: `r-${clock}`, releasedAt: clock, title: `release ${clock}` };
}

export interface Published {
	resolution: number;
	/** Each released cell's interval; `to` is Infinity for the top class. */
	cells: Map<string, { from: number; to: number }>;
	text: string;
}

/** What anyone holding the GeoJSON file learns: cells (found from their hexagons) and classes. */
export function published(r: EarlierRelease): Published {
	const text = releaseGeoJson(r, {
		title: r.title,
		releasedAt: new Date(r.releasedAt).toISOString()
	});
	const fc = JSON.parse(text) as {
		resolution: number;
		features: {
			geometry: { coordinates: number[][][] };
			properties: { from: number; to: number | null };
		}[];
	};
	const cells = new Map<string, { from: number; to: number }>();
	for (const f of fc.features) {
		const ring = f.geometry.coordinates[0]!.slice(0, -1);
		const lat = ring.reduce((s, p) => s + p[1]!, 0) / ring.length;
		const lon = ring.reduce((s, p) => s + p[0]!, 0) / ring.length;
		cells.set(latLngToCell(lat, lon, fc.resolution), {
			from: f.properties.from,
			to: f.properties.to ?? Infinity
		});
	}
	return { resolution: fc.resolution, cells, text };
}

/**
 * The attack across grids: each coarse cell's lower bound minus the upper bounds of its released
 * children is what the hidden children must at least hold. Positive: someone is provably there.
 */
export function hiddenAtLeast(coarse: Published, fine: Published): Map<string, number> {
	const out = new Map<string, number>();
	for (const [parent, band] of coarse.cells) {
		let sumTo = 0;
		let children = 0;
		for (const [cell, b] of fine.cells)
			if (cellToParent(cell, coarse.resolution) === parent) {
				sumTo += b.to;
				children++;
			}
		if (children > 0) out.set(parent, band.from - sumTo);
	}
	return out;
}

/** The attack across time: the cells whose released class differs between two releases. */
export function differing(a: Published, b: Published): string[] {
	const out: string[] = [];
	for (const cell of new Set([...a.cells.keys(), ...b.cells.keys()])) {
		const x = a.cells.get(cell);
		const y = b.cells.get(cell);
		if (x?.from !== y?.from || x?.to !== y?.to) out.push(cell);
	}
	return out.sort();
}
